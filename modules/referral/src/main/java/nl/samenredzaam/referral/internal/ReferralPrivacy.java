package nl.samenredzaam.referral.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.privacy.PrivacyContributor;

/**
 * The privacy contract. A patient usually has no account: their referrals are found by name with
 * date of birth or phone. Erasure anonymises (name, date of birth, phone and all free text go; the
 * anonymous facts stay for the figures). Referrers and coaches are taken off the referrals they made
 * or handled.
 */
@Component
public final class ReferralPrivacy implements PrivacyContributor {

    static final Period RETENTION = Period.ofYears(2);

    private final ReferralRepository referrals = new ReferralRepository();
    private final TrajectoryRepository trajectory = new TrajectoryRepository();
    private final Clock clock;

    @Activate
    public ReferralPrivacy() {
        this(Clock.systemUTC());
    }

    ReferralPrivacy(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String moduleId() {
        return ReferralModule.ID;
    }

    private List<Referral> aboutPatient(Sql sql, Person person) {
        if (person.name() == null || (person.dateOfBirth() == null && person.phone() == null)) {
            return List.of();
        }
        return referrals.aboutPerson(sql, person.name().strip(), person.dateOfBirth(), person.phone());
    }

    @Override
    public Map<String, Object> export(Sql sql, Person person) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> asPatient = new ArrayList<>();
        for (Referral r : aboutPatient(sql, person)) {
            List<Dossier.StepView> steps = trajectory.steps(sql, r.id()).stream().map(s -> new Dossier.StepView(s, null, null, null)).toList();
            asPatient.add(ReferralJson.full(r, trajectory.measurements(sql, r.id()), steps, trajectory.followUps(sql, r.id())));
        }
        out.put("referralsAboutYou", asPatient);
        if (person.userId() != null) {
            out.put("referralsYouMade", referrals.byReferrer(sql, person.userId()).stream()
                    .map(r -> Map.of("reference", r.reference(), "createdAt", r.createdAt().toString())).toList());
            out.put("referralsYouHandled", referrals.byCoach(sql, person.userId()).stream()
                    .map(r -> Map.of("reference", r.reference(), "createdAt", r.createdAt().toString())).toList());
        }
        return out;
    }

    @Override
    public Erasure erase(Sql sql, Person person) {
        Instant now = clock.instant();
        int anonymised = 0;
        for (Referral r : aboutPatient(sql, person)) {
            anonymised += referrals.anonymise(sql, r.id(), now);
        }
        if (person.userId() != null) {
            anonymised += referrals.forgetReferrer(sql, person.userId(), now);
            anonymised += referrals.forgetCoach(sql, person.userId(), now);
        }
        return new Erasure(0, anonymised, List.of());
    }

    @Override
    public Text retention() {
        return Text.of("Wij bewaren een verwijzing tot 2 jaar nadat de begeleiding is afgesloten. Daarna halen wij naam, "
                + "geboortedatum, telefoonnummer en alle aantekeningen weg. Alleen anonieme cijfers blijven over.",
                "We keep a referral until 2 years after the support ended. Then we remove the name, date of birth, phone number "
                        + "and all notes. Only anonymous figures remain.");
    }

    @Override
    public Period retentionTerm() {
        return RETENTION;
    }

    @Override
    public int purgeExpired(Sql sql, Instant now) {
        Instant cutoff = now.atZone(ReferralService.AMSTERDAM).minus(RETENTION).toInstant();
        int n = 0;
        for (long id : referrals.finishedBefore(sql, cutoff)) {
            n += referrals.anonymise(sql, id, now);
        }
        return n;
    }
}
