package nl.samenredzaam.calendar.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.privacy.PrivacyContributor;
import nl.samenredzaam.calendar.api.Registration.Status;

/**
 * The calendar holds registrations (name, phone, e-mail, attendance) and the organiser of an
 * activity. Export and erasure match a person by account, or by name (and phone) for
 * registrations made on their behalf. Attendance is anonymised after two years.
 */
@Component
public final class CalendarPrivacy implements PrivacyContributor {

    static final Period RETENTION = Period.ofYears(2);

    private final ActivityRepository activities = new ActivityRepository();
    private final RegistrationRepository registrations = new RegistrationRepository();
    private final Registrations rules;
    private final Clock clock;

    @Activate
    public CalendarPrivacy(@Reference Notifier notifier) {
        this(notifier, Clock.systemUTC());
    }

    public CalendarPrivacy(Notifier notifier, Clock clock) {
        this.rules = new Registrations(activities, registrations, notifier, clock);
        this.clock = clock;
    }

    @Override
    public String moduleId() {
        return CalendarModule.ID;
    }

    private List<RegistrationRow> of(Sql sql, Person person) {
        Set<RegistrationRow> found = new LinkedHashSet<>();
        if (person.userId() != null) {
            found.addAll(registrations.byUser(sql, person.userId(), null));
        }
        if (person.name() != null && !person.name().isBlank()) {
            found.addAll(registrations.byNameAndPhone(sql, person.name().strip(),
                    person.phone() == null || person.phone().isBlank() ? null : person.phone().strip()));
        }
        return new ArrayList<>(found);
    }

    @Override
    public Map<String, Object> export(Sql sql, Person person) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RegistrationRow r : of(sql, person)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("activity", activities.find(sql, r.activityId()).map(Activity::title).orElse(null));
            m.put("occurrence", Views.local(r.occurrenceStart()).toString());
            m.put("status", r.status().name());
            m.put("name", r.name());
            m.put("phone", r.phone());
            m.put("email", r.email());
            m.put("registeredOnBehalf", r.onBehalf());
            m.put("registeredAt", r.createdAt().toString());
            list.add(m);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("registrations", list);
        result.put("organisedActivities", person.userId() == null ? List.of()
                : activities.organisedBy(sql, person.userId()).stream().map(Activity::title).toList());
        return result;
    }

    @Override
    public Erasure erase(Sql sql, Person person) {
        int removed = 0;
        int anonymised = 0;
        Instant now = clock.instant();
        for (RegistrationRow r : of(sql, person)) {
            if (r.occurrenceStart().isAfter(now)) {
                if (r.status() == Status.REGISTERED || r.status() == Status.WAITLISTED) {
                    rules.cancel(sql, r.id(), path -> path); // the place goes to the waitlist
                }
                registrations.delete(sql, r.id());
                removed++;
            } else {
                registrations.anonymise(sql, r.id());
                anonymised++;
            }
        }
        if (person.userId() != null) {
            anonymised += activities.forgetOrganiser(sql, person.userId());
        }
        return new Erasure(removed, anonymised, List.of());
    }

    @Override
    public Text retention() {
        return Text.of("Inschrijvingen en aanwezigheid bewaren wij twee jaar na de activiteit. Daarna halen wij naam, "
                + "telefoon en e-mail weg; alleen het aantal deelnemers blijft. Vraagt u eerder om verwijdering, dan doen wij dat meteen.",
                "We keep registrations and attendance for two years after the activity. Then we remove name, phone and "
                + "e-mail; only the number of participants stays. If you ask for erasure earlier, we do it at once.");
    }

    @Override
    public Period retentionTerm() {
        return RETENTION;
    }

    @Override
    public int purgeExpired(Sql sql, Instant now) {
        return registrations.anonymiseBefore(sql, now.atZone(Recurrence.ZONE).minus(RETENTION).toInstant());
    }
}
