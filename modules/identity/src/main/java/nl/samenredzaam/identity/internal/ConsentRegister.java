package nl.samenredzaam.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.consent.ConsentPurpose;
import nl.samenredzaam.api.consent.ConsentPurposes;
import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.access.Access;
import nl.samenredzaam.identity.internal.store.MembershipRepository;
import nl.samenredzaam.identity.platform.ConsentChannel;
import nl.samenredzaam.identity.platform.ConsentRecord;
import nl.samenredzaam.identity.platform.ConsentStatus;
import nl.samenredzaam.identity.platform.ConsentStatus.State;

/**
 * The consent register: the append-only table {@code identity_consent}, the purposes the modules
 * declare, and who may record what. Every give and withdraw is one new row with the time, text
 * version, a hash of the text shown, the channel and who recorded it; nothing is ever updated but
 * the erasure mark. A give or withdraw is written to the audit log too (record type
 * {@value #RECORD}, the person as client, on their behalf when someone else recorded it).
 */
final class ConsentRegister {

    /** The audit log's record type for consent records. */
    static final String RECORD = "identity.consent";
    /** Who may record a paper form for another member. */
    static final Set<Role> RECORD_FOR_OTHERS = EnumSet.of(Role.COORDINATOR, Role.PROFESSIONAL, Role.ADMIN);

    private final PlatformDatabase db;
    private final Clock clock;
    private final Access access;
    private final AuditLog auditLog;
    private final ModuleRegistry modules;
    private final Supplier<List<ConsentPurposes>> declared;
    private final MembershipRepository memberships = new MembershipRepository();

    ConsentRegister(PlatformDatabase db, Clock clock, Access access, AuditLog auditLog, ModuleRegistry modules,
            Supplier<List<ConsentPurposes>> declared) {
        this.db = db;
        this.clock = clock;
        this.access = access;
        this.auditLog = auditLog;
        this.modules = modules;
        this.declared = declared;
    }

    /** {@code Consents.given}: the latest row decides; an erased or older-version "given" does not count. */
    static boolean given(Sql sql, long userId, String moduleId, ConsentPurpose purpose) {
        return sql.first("select given, text_version, anonymised_at from identity_consent where initiative_id = :initiative "
                + "and user_id = :user and module_id = :module and purpose_id = :purpose order by id desc fetch first 1 rows only",
                r -> r.getBoolean("given") && r.getInt("text_version") == purpose.version() && r.getTimestamp("anonymised_at") == null,
                "user", userId, "module", moduleId, "purpose", purpose.id()).orElse(false);
    }

    List<ConsentStatus> consents(Actor by, Initiative initiative, long personId) {
        check(by, initiative, personId);
        List<Map.Entry<String, ConsentPurpose>> purposes = enabledPurposes(initiative.id());
        Map<String, List<ConsentRecord>> history = db.transaction(initiative.id(), sql -> history(sql, personId));
        List<ConsentStatus> out = new ArrayList<>();
        for (Map.Entry<String, ConsentPurpose> p : purposes) {
            out.add(status(p.getKey(), p.getValue(), history.getOrDefault(key(p.getKey(), p.getValue().id()), List.of())));
        }
        return out;
    }

    ConsentStatus record(Actor by, Initiative initiative, long personId, String moduleId, String purposeId, int textVersion,
            boolean give, ConsentChannel channel, String language, String remoteAddress) {
        boolean forOther = check(by, initiative, personId);
        ConsentChannel how = forOther ? ConsentChannel.PAPER : channel == ConsentChannel.PAPER ? ConsentChannel.WEB : channel;
        ConsentPurpose purpose = enabledPurposes(initiative.id()).stream()
                .filter(e -> e.getKey().equals(moduleId) && e.getValue().id().equals(purposeId)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(ProblemException::notFound);
        if (give && purpose.version() != textVersion) {
            throw ProblemException.conflict("De tekst is veranderd; lees hem opnieuw / the text has changed; please read it again");
        }
        Instant now = clock.instant();
        Long written = db.transaction(initiative.id(), sql -> insert(sql, personId, moduleId, purpose, give, how, language, now, by.userId()));
        if (written != null) {
            auditLog.write(initiative.id(), by.userId(), access.rolesOf(by, initiative), forOther ? personId : null,
                    new AuditEvent(give ? AuditEvent.Action.CREATE : AuditEvent.Action.UPDATE, RECORD, Long.toString(written), personId,
                            null, "consent", true), remoteAddress);
        }
        Map<String, List<ConsentRecord>> history = db.transaction(initiative.id(), sql -> history(sql, personId));
        return status(moduleId, purpose, history.getOrDefault(key(moduleId, purposeId), List.of()));
    }

    /**
     * One new row unless the person is already in that state (a double click, a repeated API call):
     * then {@code null}. A withdrawal counts when the latest row is a "given" of any version.
     */
    static Long insert(Sql sql, long personId, String moduleId, ConsentPurpose purpose, boolean give, ConsentChannel how,
            String language, Instant at, long recordedBy) {
        List<ConsentRecord> before = history(sql, personId).getOrDefault(key(moduleId, purpose.id()), List.of());
        State state = status(moduleId, purpose, before).state();
        if ((give && state == State.GIVEN) || (!give && state != State.GIVEN && state != State.OUTDATED)) {
            return null;
        }
        return sql.insert("insert into identity_consent (initiative_id, user_id, module_id, purpose_id, text_version, text_hash, "
                + "language, given, channel, recorded_at, recorded_by) values (:initiative, :user, :module, :purpose, :version, "
                + ":hash, :language, :given, :channel, :now, :by)", "user", personId, "module", moduleId, "purpose", purpose.id(),
                "version", purpose.version(), "hash", textHash(purpose), "language", language == null ? null : "en".equals(language) ? "en" : "nl", "given", give,
                "channel", how.name().toLowerCase(java.util.Locale.ROOT), "now", at.truncatedTo(ChronoUnit.SECONDS), "by", recordedBy);
    }

    List<Member> recordableFor(Actor by, Initiative initiative) {
        Set<Role> roles = access.rolesOf(by, initiative);
        if (Collections.disjoint(roles, RECORD_FOR_OTHERS)) {
            return List.of();
        }
        return db.transaction(initiative.id(), sql -> memberships.members(sql, null)).stream()
                .filter(m -> !m.disabled() && m.userId() != by.userId() && m.roles().contains(Role.RESIDENT))
                .map(m -> new Member(m.userId(), m.displayName(), null, m.roles()))
                .sorted(Comparator.comparing(Member::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Whether {@code by} records for someone else; 403 when not allowed, 404 when the person is no member here. */
    private boolean check(Actor by, Initiative initiative, long personId) {
        Set<Role> roles = access.rolesOf(by, initiative);
        if (roles.isEmpty()) {
            throw ProblemException.forbidden();
        }
        if (personId == by.userId()) {
            return false;
        }
        if (Collections.disjoint(roles, RECORD_FOR_OTHERS)) {
            throw ProblemException.forbidden();
        }
        if (db.transaction(initiative.id(), sql -> memberships.roles(sql, personId)).isEmpty()) {
            throw ProblemException.notFound();
        }
        return true;
    }

    /** The declared purposes of the modules enabled in the initiative, by module id, then in declared order. */
    List<Map.Entry<String, ConsentPurpose>> enabledPurposes(long initiativeId) {
        List<Map.Entry<String, ConsentPurpose>> out = new ArrayList<>();
        List<ConsentPurposes> all = new ArrayList<>(declared.get());
        all.sort(Comparator.comparing(ConsentPurposes::moduleId));
        for (ConsentPurposes d : all) {
            if (!modules.isEnabled(initiativeId, d.moduleId())) {
                continue;
            }
            List<ConsentPurpose> list;
            try {
                list = d.purposes();
            } catch (RuntimeException e) {
                continue; // a broken module does not break the page for the others
            }
            for (ConsentPurpose p : list) {
                out.add(Map.entry(d.moduleId(), p));
            }
        }
        return out;
    }

    private static ConsentStatus status(String moduleId, ConsentPurpose purpose, List<ConsentRecord> history) {
        State state = State.NOT_ASKED;
        Instant since = null;
        if (!history.isEmpty()) {
            ConsentRecord latest = history.get(0);
            since = latest.at();
            if (latest.anonymised() || !latest.given()) {
                state = latest.anonymised() ? State.NOT_ASKED : State.WITHDRAWN;
            } else {
                state = latest.textVersion() == purpose.version() ? State.GIVEN : State.OUTDATED;
            }
        }
        return new ConsentStatus(moduleId, purpose, state, since, history);
    }

    /** The person's records in the initiative of {@code sql}, by module and purpose, newest first. */
    static Map<String, List<ConsentRecord>> history(Sql sql, long personId) {
        Map<String, List<ConsentRecord>> out = new LinkedHashMap<>();
        for (ConsentRecord r : records(sql, personId)) {
            out.computeIfAbsent(key(r.moduleId(), r.purposeId()), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    static List<ConsentRecord> records(Sql sql, long personId) {
        return sql.list("select module_id, purpose_id, text_version, given, channel, recorded_at, recorded_by, anonymised_at "
                + "from identity_consent where initiative_id = :initiative and user_id = :user order by id desc",
                r -> new ConsentRecord(r.getString("module_id"), r.getString("purpose_id"), r.getInt("text_version"), r.getBoolean("given"),
                        ConsentChannel.valueOf(r.getString("channel").toUpperCase(java.util.Locale.ROOT)), Rows.instant(r, "recorded_at"),
                        r.getLong("recorded_by"), r.getTimestamp("anonymised_at") != null),
                "user", personId);
    }

    private static String key(String moduleId, String purposeId) {
        return moduleId + "/" + purposeId;
    }

    /** SHA-256 of the texts of this version as shown (title, text, what happens without it; Dutch and English). */
    static String textHash(ConsentPurpose p) {
        String all = String.join("\n", p.title().nl(), p.text().nl(), p.withoutIt().nl(), p.title().en(), p.text().en(), p.withoutIt().en());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
