package nl.samenredzaam.testing.fake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.audit.AuditRecord;
import nl.samenredzaam.api.audit.AuditTrail;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Actor;

/**
 * The access log in memory: {@link FakeWebRequest#audit(AuditEvent)} writes to it (give it to the
 * request with {@link FakeWebRequest.Builder#audit(RecordingAudit)}), tests read {@link #entries()},
 * and code that shows the log reads it through {@link AuditTrail}, per initiative, newest first.
 */
public final class RecordingAudit implements AuditTrail {

    /** One recorded event, with what the platform fills in. */
    public record Entry(long initiativeId, Long actorUserId, String actorName, String roles, Long onBehalfOf,
            AuditEvent event, Instant at) {
    }

    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();

    /** An empty log using {@code clock} for the time of each entry. */
    public RecordingAudit(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records an event as the platform does for a request of {@code actor} (may be {@code null}). */
    public synchronized void record(long initiativeId, Actor actor, AuditEvent event) {
        Objects.requireNonNull(event, "event");
        entries.add(new Entry(initiativeId, actor == null ? null : actor.userId(), actor == null ? null : actor.displayName(),
                actor == null ? "" : actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                actor == null ? null : actor.onBehalfOf().orElse(null), event, clock.instant()));
    }

    /** Everything recorded, oldest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The events recorded, oldest first. */
    public synchronized List<AuditEvent> events() {
        return entries.stream().map(Entry::event).toList();
    }

    /** The events of one action, e.g. every {@code READ}. */
    public synchronized List<AuditEvent> events(AuditEvent.Action action) {
        return entries.stream().map(Entry::event).filter(e -> e.action() == action).toList();
    }

    /** Forgets everything. */
    public synchronized void clear() {
        entries.clear();
    }

    @Override
    public List<AuditRecord> aboutClient(Sql sql, long clientId, int limit) {
        return query(sql.initiativeId(), e -> Objects.equals(e.event().clientId(), clientId), limit);
    }

    @Override
    public List<AuditRecord> aboutRecord(Sql sql, String recordType, String recordId, int limit) {
        return query(sql.initiativeId(), e -> e.event().recordType().equals(recordType)
                && Objects.equals(e.event().recordId(), recordId), limit);
    }

    private synchronized List<AuditRecord> query(long initiativeId, Predicate<Entry> filter, int limit) {
        List<Entry> matching = new ArrayList<>();
        for (Entry e : entries) {
            if (e.initiativeId() == initiativeId && filter.test(e)) {
                matching.add(e);
            }
        }
        // newest first; for equal times the later entry first
        List<Entry> ordered = new ArrayList<>(matching);
        java.util.Collections.reverse(ordered);
        ordered.sort(Comparator.comparing(Entry::at).reversed());
        return ordered.stream().limit(Math.max(0, limit))
                .map(e -> new AuditRecord(e.at(), e.actorName(), e.roles(), e.onBehalfOf() != null, e.event().action(),
                        e.event().recordType(), e.event().recordId(), e.event().purpose()))
                .toList();
    }
}
