package nl.samenredzaam.calendar.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.calendar.internal.ActivityRepository.Change;
import nl.samenredzaam.calendar.internal.RegistrationRepository.Counts;
import nl.samenredzaam.calendar.internal.RegistrationRepository.Key;

/**
 * Turns stored activities into occurrences for a period: expands each series (pure
 * {@link Recurrence}), applies cancelled and moved occurrences, and adds the places taken. Three
 * queries per period, whatever the number of activities.
 */
public final class Occurrences {

    private final ActivityRepository activities;
    private final RegistrationRepository registrations;

    public Occurrences(ActivityRepository activities, RegistrationRepository registrations) {
        this.activities = activities;
        this.registrations = registrations;
    }

    /** Occurrences starting in {@code [from, to)} of the activities that pass {@code visible}, by start. */
    public List<Occurrence> between(Sql sql, Instant from, Instant to, Predicate<Activity> visible) {
        List<Activity> candidates = activities.inRange(sql, from, to).stream().filter(visible).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<Key, Change> changes = new HashMap<>();
        for (Change c : activities.changes(sql, from, to)) {
            changes.put(new Key(c.activityId(), c.key()), c);
        }
        Map<Key, Counts> counts = registrations.counts(sql, from, to);
        List<Occurrence> result = new ArrayList<>();
        Map<Long, Activity> byId = new HashMap<>();
        for (Activity a : candidates) {
            byId.put(a.id(), a);
            for (Instant key : Recurrence.cachedStarts(a.start(), a.rrule(), a.exceptions(), from, to)) {
                Key k = new Key(a.id(), key);
                Occurrence o = occurrence(a, key, changes.get(k), counts.getOrDefault(k, Counts.NONE));
                if (!o.start().isBefore(from) && o.start().isBefore(to)) {
                    result.add(o);
                }
            }
        }
        // occurrences moved into the period from outside it
        for (Change c : changes.values()) {
            Activity a = byId.get(c.activityId());
            boolean keyOutside = c.key().isBefore(from) || !c.key().isBefore(to);
            if (a != null && keyOutside && c.movedStart() != null && !c.movedStart().isBefore(from) && c.movedStart().isBefore(to)
                    && Recurrence.isOccurrence(a.start(), a.rrule(), a.exceptions(), c.key())) {
                Counts n = registrations.counts(sql, c.key(), c.key().plusSeconds(1)).getOrDefault(new Key(a.id(), c.key()), Counts.NONE);
                result.add(occurrence(a, c.key(), c, n));
            }
        }
        result.sort(Comparator.comparing(Occurrence::start).thenComparing(o -> o.activity().title()));
        return result;
    }

    /** The occurrences of one activity in a period. */
    public List<Occurrence> of(Sql sql, Activity a, Instant from, Instant to) {
        return between(sql, from, to, x -> x.id() == a.id());
    }

    /** One occurrence by its key, if the series has it (also when it is cancelled or moved). */
    public Optional<Occurrence> one(Sql sql, Activity a, Instant key) {
        if (!Recurrence.isOccurrence(a.start(), a.rrule(), a.exceptions(), key)) {
            return Optional.empty();
        }
        Change change = activities.changes(sql, a.id()).stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
        Counts n = registrations.counts(sql, key, key.plusSeconds(1)).getOrDefault(new Key(a.id(), key), Counts.NONE);
        return Optional.of(occurrence(a, key, change, n));
    }

    static Occurrence occurrence(Activity a, Instant key, Change change, Counts counts) {
        Instant start = key;
        Instant end = key.plus(a.duration());
        boolean cancelled = false;
        boolean moved = false;
        String note = null;
        if (change != null) {
            cancelled = change.cancelled();
            note = change.note();
            if (change.movedStart() != null) {
                moved = true;
                start = change.movedStart();
                end = change.movedEnd() != null ? change.movedEnd() : change.movedStart().plus(a.duration());
            }
        }
        return new Occurrence(a, key, start, end, cancelled, moved, note, counts.registered(), counts.waitlisted());
    }
}
