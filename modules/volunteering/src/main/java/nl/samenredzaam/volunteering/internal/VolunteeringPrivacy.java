package nl.samenredzaam.volunteering.internal;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.privacy.PrivacyContributor;

/**
 * Personal data here: help requests (name, phone, address, free text) and volunteer profiles
 * (VOG date included). Export gives both; erasure anonymises requests (category, dates and hours
 * stay for the anonymous figures) and deletes the profile. Finished requests are anonymised two
 * years after they were last changed.
 */
@Component
public final class VolunteeringPrivacy implements PrivacyContributor {

    static final Period RETENTION = Period.ofYears(2);

    private final RequestRepository requests = new RequestRepository();
    private final ProfileRepository profiles = new ProfileRepository();

    @Override
    public String moduleId() {
        return VolunteeringModule.ID;
    }

    @Override
    public Map<String, Object> export(Sql sql, Person person) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", requests.aboutPerson(sql, person.userId(), person.name()).stream().map(VolunteeringPrivacy::asMap).toList());
        if (person.userId() != null) {
            out.put("profile", profiles.ofUser(sql, person.userId()).orElse(null));
            out.put("helpedWith", requests.helpedBy(sql, person.userId()).stream().map(r -> Map.of("id", r.id(), "category",
                    r.category(), "state", r.state().name(), "minutesSpent", r.minutesSpent() == null ? 0 : r.minutesSpent())).toList());
        }
        return out;
    }

    @Override
    public Erasure erase(Sql sql, Person person) {
        int anonymised = 0;
        for (HelpRequest r : requests.aboutPerson(sql, person.userId(), person.name())) {
            anonymised += requests.anonymise(sql, r.id());
        }
        int removed = 0;
        List<String> kept = new ArrayList<>();
        if (person.userId() != null) {
            removed += profiles.delete(sql, person.userId());
            anonymised += requests.forgetVolunteer(sql, person.userId());
        }
        return new Erasure(removed, anonymised, kept);
    }

    @Override
    public Text retention() {
        return Text.of("Hulpvragen bewaren wij tot twee jaar nadat ze zijn afgerond. Daarna halen wij naam, adres, telefoon en tekst weg; "
                + "alleen de soort hulp, de datum en de uren blijven over voor de cijfers. Een vrijwilligersprofiel blijft tot u stopt.",
                "We keep help requests until two years after they ended. Then we remove name, address, phone and text; only the kind of "
                        + "help, the date and the hours remain for the figures. A volunteer profile stays until you stop.");
    }

    @Override
    public Period retentionTerm() {
        return RETENTION;
    }

    @Override
    public int purgeExpired(Sql sql, Instant now) {
        Instant before = now.atOffset(ZoneOffset.UTC).minus(RETENTION).toInstant();
        int n = 0;
        for (long id : requests.finishedBefore(sql, before)) {
            n += requests.anonymise(sql, id);
        }
        return n;
    }

    private static Map<String, Object> asMap(HelpRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("category", r.category());
        m.put("description", r.description());
        m.put("name", r.residentName());
        m.put("phone", r.residentPhone());
        m.put("address", r.address());
        m.put("neighbourhood", r.neighbourhood());
        m.put("date", r.preferredDate());
        m.put("state", r.state().name());
        m.put("filedBy", r.createdByName());
        m.put("volunteer", r.volunteerName());
        m.put("minutesSpent", r.minutesSpent());
        m.put("feedback", r.feedback());
        m.put("residentFeedback", r.residentFeedback());
        m.put("createdAt", r.createdAt());
        return m;
    }
}
