package nl.samenredzaam.referral.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.demo.DemoContext;
import nl.samenredzaam.api.demo.DemoDataContributor;
import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.PositiveHealthScores;

/**
 * Fictional referrals of the demo village Lindeholt: from huisarts Pieter van Dijk's practice to
 * coach Marieke Smit, in every stage, one closed with before and after measurements, and enough
 * older ones for the monitor to show figures.
 */
@Component
public final class ReferralDemo implements DemoDataContributor {

    static final String PRACTICE = "Huisartsenpraktijk Lindeholt";

    private final ReferralRepository referrals = new ReferralRepository();
    private final TrajectoryRepository trajectory = new TrajectoryRepository();

    @Override
    public String moduleId() {
        return ReferralModule.ID;
    }

    @Override
    public void populate(Sql sql, DemoContext context) {
        Instant now = context.clock().instant();
        long gp = context.userId("referrer");
        long coach = context.userId("professional");
        String gpName = "Pieter van Dijk (huisarts)";
        String coachName = "Marieke Smit";

        // New, waiting one day, nobody has it yet.
        referral(sql, gp, gpName, "Johanna Verhoeven", LocalDate.of(1941, 3, 12), "0578 123 456", List.of("Eenzaamheid", "Rouw"),
                "Man overleden in het voorjaar. Komt weinig buiten.", Urgency.NORMAL, true, ReferrerType.HUISARTS, days(now, 1));
        // New and overdue, urgent.
        referral(sql, gp, gpName, "Kees Hendriks", LocalDate.of(1958, 11, 2), "06 1234 5678", List.of("Somberheid", "Stress"),
                "Sinds ontslag somber. Graag snel contact.", Urgency.SOON, true, ReferrerType.POH, days(now, 9));
        // Taken on by the coach, no contact yet.
        long fatima = referral(sql, gp, gpName, "Fatima Ouali", LocalDate.of(1979, 6, 23), "06 8765 4321",
                List.of("Stress", "Financiële zorgen"), "Zorgen over geld en de kinderen.", Urgency.NORMAL, false,
                ReferrerType.HUISARTS, days(now, 3));
        referrals.assign(sql, fatima, coach, coachName, days(now, 2));

        // In progress: intake, plan, a follow-up done and one due.
        long wim = referral(sql, gp, gpName, "Wim Kuipers", LocalDate.of(1950, 1, 30), "0578 654 321", List.of("Eenzaamheid", "Bewegen"),
                "Weduwnaar, zit veel thuis, knie is beter.", Urgency.NORMAL, true, ReferrerType.HUISARTS, days(now, 48));
        referrals.assign(sql, wim, coach, coachName, days(now, 47));
        referrals.firstContact(sql, wim, days(now, 46), days(now, 46));
        referrals.intake(sql, wim, "Hij mist het samen dingen doen sinds zijn vrouw er niet meer is. Hij wil weer iets om naar uit te kijken.",
                "Eén keer per week iets met anderen doen. Weer wandelen.", true, true, false, days(now, 45));
        trajectory.saveMeasurement(sql, wim, new Measurement(Measurement.Kind.INTAKE, scores(date(now, 45), 6, 4, 4, 5, 3, 7,
                PositiveHealthDimension.MEEDOEN, PositiveHealthDimension.ZINGEVING)));
        trajectory.addStep(sql, wim, PlanStep.Kind.ACTIVITY, "Wandelgroep dinsdagochtend bij Dorpshuis De Linde", null,
                date(now, 41).atTime(10, 0).atZone(ReferralService.AMSTERDAM).toOffsetDateTime(), null, null, days(now, 45));
        trajectory.addStep(sql, wim, PlanStep.Kind.HELP, "Maatje om samen koffie te drinken en naar de markt te gaan", null, null, null,
                null, days(now, 45));
        long afterFirst = trajectory.planFollowUp(sql, wim, FollowUp.Kind.AFTER_FIRST_ACTIVITY, date(now, 40));
        trajectory.completeFollowUp(sql, afterFirst, "Was er, vond het gezellig. Gaat volgende week weer.", days(now, 40));
        trajectory.planFollowUp(sql, wim, FollowUp.Kind.WEEKS_6, date(now, 3));
        trajectory.planFollowUp(sql, wim, FollowUp.Kind.MONTHS_3, date(now, -45));

        // Closed with before and after.
        long annie = referral(sql, gp, gpName, "Annie Brouwer", LocalDate.of(1946, 8, 8), "0578 111 222", List.of("Eenzaamheid", "Zingeving"),
                "Voelt zich nutteloos sinds verhuizing naar de aanleunwoning.", Urgency.NORMAL, true, ReferrerType.HUISARTS, days(now, 120));
        referrals.assign(sql, annie, coach, coachName, days(now, 119));
        referrals.firstContact(sql, annie, days(now, 117), days(now, 117));
        referrals.intake(sql, annie, "Ze wil ergens bij horen en iets voor een ander betekenen.",
                "Vrijwilligerswerk zoeken. Een vaste koffieochtend.", true, true, true, days(now, 115));
        trajectory.saveMeasurement(sql, annie, new Measurement(Measurement.Kind.INTAKE, scores(date(now, 115), 6, 5, 3, 5, 3, 6,
                PositiveHealthDimension.ZINGEVING)));
        trajectory.addStep(sql, annie, PlanStep.Kind.ACTIVITY, "Koffieochtend in Dorpshuis De Linde (donderdag)", null,
                date(now, 110).atTime(10, 0).atZone(ReferralService.AMSTERDAM).toOffsetDateTime(), null, null, days(now, 115));
        trajectory.addStep(sql, annie, PlanStep.Kind.OTHER, "Vrijwilliger bij de bibliotheekbus (via de bibliotheek)", null, null, null,
                null, days(now, 115));
        for (FollowUp.Kind kind : FollowUp.Kind.values()) {
            long id = trajectory.planFollowUp(sql, annie, kind, date(now, kind == FollowUp.Kind.AFTER_FIRST_ACTIVITY ? 109
                    : kind == FollowUp.Kind.WEEKS_6 ? 73 : 25));
            trajectory.completeFollowUp(sql, id, "Gaat goed.", days(now, kind == FollowUp.Kind.AFTER_FIRST_ACTIVITY ? 109
                    : kind == FollowUp.Kind.WEEKS_6 ? 72 : 24));
        }
        referrals.close(sql, annie, "Mevrouw gaat elke donderdag naar de koffieochtend en helpt twee keer per maand bij de bibliotheekbus. "
                + "Ze voelt zich minder alleen.", days(now, 10));
        trajectory.saveMeasurement(sql, annie, new Measurement(Measurement.Kind.CLOSING, scores(date(now, 10), 6, 7, 6, 7, 7, 6)));

        // Could not be reached.
        long bert = referral(sql, gp, gpName, "Bert Jacobs", LocalDate.of(1965, 4, 17), "06 2222 3333", List.of("Stress"), null,
                Urgency.NORMAL, false, ReferrerType.HUISARTS, days(now, 60));
        referrals.assign(sql, bert, coach, coachName, days(now, 59));
        referrals.setStatus(sql, bert, ReferralStatus.UNREACHABLE, days(now, 50));

        history(sql, now, gp, gpName, coach, coachName);
    }

    /** Twelve earlier referrals this year, closed with measurements, so the monitor has figures above the threshold. */
    private void history(Sql sql, Instant now, long gp, String gpName, long coach, String coachName) {
        String[] names = {"Gerda Postma", "Henk Wouters", "Els van der Meer", "Jan Bosman", "Riet Kok", "Theo Scholten", "Mien de Graaf",
            "Ahmed Benali", "Dirk Prins", "Ineke Vos", "Frans Dekker", "Lies Mulder"};
        String[][] reasons = {{"Eenzaamheid"}, {"Somberheid", "Bewegen"}, {"Eenzaamheid", "Rouw"}, {"Stress"}, {"Eenzaamheid"},
            {"Bewegen"}, {"Eenzaamheid", "Zingeving"}, {"Financiële zorgen", "Stress"}, {"Somberheid"}, {"Eenzaamheid", "Bewegen"},
            {"Rouw"}, {"Eenzaamheid"}};
        int dayOfYear = now.atZone(ReferralService.AMSTERDAM).getDayOfYear();
        for (int i = 0; i < names.length; i++) {
            int ago = Math.max(30, Math.min(dayOfYear - 5, 300) - i * 20);
            ReferrerType type = i % 4 == 3 ? ReferrerType.POH : ReferrerType.HUISARTS;
            long id = referral(sql, gp, gpName, names[i], LocalDate.of(1940 + i * 3, 1 + i % 12, 5 + i), "0578 300 3" + (10 + i),
                    List.of(reasons[i]), null, Urgency.NORMAL, i % 3 != 0, type, days(now, ago));
            referrals.assign(sql, id, coach, coachName, days(now, ago - 1));
            referrals.firstContact(sql, id, days(now, ago - 2 - i % 5), days(now, ago - 2 - i % 5));
            referrals.intake(sql, id, "-", null, false, false, false, days(now, ago - 8));
            trajectory.saveMeasurement(sql, id, new Measurement(Measurement.Kind.INTAKE,
                    scores(date(now, ago - 8), 5 + i % 3, 4 + i % 2, 4, 5, 3 + i % 3, 6)));
            if (i % 5 != 4) {
                trajectory.addStep(sql, id, PlanStep.Kind.ACTIVITY, "Activiteit in het dorpshuis", null, null, null, null, days(now, ago - 8));
            }
            if (ago > 100) {
                referrals.close(sql, id, "-", days(now, ago - 90));
                trajectory.saveMeasurement(sql, id, new Measurement(Measurement.Kind.CLOSING,
                        scores(date(now, ago - 90), 6 + i % 3, 5 + i % 3, 5, 6, 5 + i % 2, 6)));
            }
        }
    }

    private long referral(Sql sql, long gp, String gpName, String name, LocalDate born, String phone, List<String> reasons, String note,
            Urgency urgency, boolean feedback, ReferrerType type, Instant created) {
        boolean fromGp = type == ReferrerType.HUISARTS;
        return referrals.create(sql, new ReferralRepository.NewReferral("FORM", name, born, phone, reasons, note, urgency, true, feedback,
                fromGp ? gp : null, fromGp ? gpName : "Praktijkondersteuner GGZ", PRACTICE, type, null, null), ReferralStatus.NEW, created);
    }

    private static Instant days(Instant now, int ago) {
        return now.minus(Duration.ofDays(ago));
    }

    private static LocalDate date(Instant now, int ago) {
        return now.minus(Duration.ofDays(ago)).atZone(ReferralService.AMSTERDAM).toLocalDate();
    }

    private static PositiveHealthScores scores(LocalDate on, int body, int mental, int meaning, int quality, int participation, int daily,
            PositiveHealthDimension... talk) {
        Map<PositiveHealthDimension, Integer> s = new EnumMap<>(PositiveHealthDimension.class);
        s.put(PositiveHealthDimension.LICHAAMSFUNCTIES, body);
        s.put(PositiveHealthDimension.MENTAAL_WELBEVINDEN, mental);
        s.put(PositiveHealthDimension.ZINGEVING, meaning);
        s.put(PositiveHealthDimension.KWALITEIT_VAN_LEVEN, quality);
        s.put(PositiveHealthDimension.MEEDOEN, participation);
        s.put(PositiveHealthDimension.DAGELIJKS_FUNCTIONEREN, daily);
        return new PositiveHealthScores(on, s, Set.of(talk));
    }
}
