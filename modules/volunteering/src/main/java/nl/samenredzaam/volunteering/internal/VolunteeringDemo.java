package nl.samenredzaam.volunteering.internal;

import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.CLOSED;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.CONFIRMED;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.DONE;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.OPEN;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.PROPOSED;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.demo.DemoContext;
import nl.samenredzaam.api.demo.DemoDataContributor;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;
import nl.samenredzaam.volunteering.internal.HelpRequest.Urgency;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;
import nl.samenredzaam.volunteering.internal.HelpRequest.WhenKind;
import nl.samenredzaam.volunteering.internal.ProfileRepository.ProfileInput;
import nl.samenredzaam.volunteering.internal.matching.Slots;
import nl.samenredzaam.volunteering.internal.matching.VogStatus;

/**
 * Fictional help in the demo village Lindeholt: two volunteers (Sanne's VOG expires within three
 * months), requests in every kind of state, a coordinator-only buddy request taken by phone for
 * Truus, a request for a neighbour without an account, and half a year of finished help for the
 * dashboard's charts. Registered by {@link VolunteeringModule} (one service registration for both
 * the module and its demo data, see there).
 */
public final class VolunteeringDemo implements DemoDataContributor {

    private final RequestRepository requests = new RequestRepository();
    private final ProfileRepository profiles = new ProfileRepository();
    private final nl.samenredzaam.api.consent.Consents consents;

    /** Without the platform's consent register (tests): no consents in the demo. */
    public VolunteeringDemo() {
        this(null);
    }

    VolunteeringDemo(nl.samenredzaam.api.consent.Consents consents) {
        this.consents = consents;
    }

    @Override
    public String moduleId() {
        return VolunteeringModule.ID;
    }

    @Override
    public void populate(Sql sql, DemoContext context) {
        Instant now = context.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, RequestForm.AMSTERDAM);
        long ria = context.userId("coordinator");
        long gerrit = context.userId("resident");
        long truus = context.userId("resident2");
        long sanne = context.userId("volunteer");
        long youssef = context.userId("volunteer2");

        if (consents != null) {
            // Gerrit lets the volunteer call him; Truus said yes at first, then withdrew it (the coordinator calls her).
            consents.record(sql, gerrit, VolunteeringModule.ID, PhoneConsent.PURPOSE, true, gerrit, now.minus(Duration.ofDays(60)));
            consents.record(sql, truus, VolunteeringModule.ID, PhoneConsent.PURPOSE, true, ria, now.minus(Duration.ofDays(90)));
            consents.record(sql, truus, VolunteeringModule.ID, PhoneConsent.PURPOSE, false, truus, now.minus(Duration.ofDays(20)));
        }

        int weekdayMornings = 0;
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekdayMornings |= Slots.bit(d, 0);
        }
        profiles.save(sql, sanne, new ProfileInput("Sanne Meijer", Set.of("boodschappen", "gezelschap", "digitale-hulp"),
                "Oud-verpleegkundige. Houdt van wandelen en een goed gesprek.", weekdayMornings | Slots.bit(DayOfWeek.THURSDAY, 1),
                List.of("Dorpskern"), false, "Nederlands, Engels", true), now);
        profiles.saveVog(sql, sanne, VogStatus.ISSUED, today.minusYears(3).plusDays(40), "45", now);
        int youssefSlots = Slots.of(DayOfWeek.TUESDAY, null, null) | Slots.of(DayOfWeek.THURSDAY, null, null)
                | Slots.bit(DayOfWeek.SATURDAY, 0);
        profiles.save(sql, youssef, new ProfileInput("Youssef El Amrani", Set.of("vervoer", "klussen", "tuin"),
                "Handig met gereedschap, rijdt graag.", youssefSlots, List.of(), true, "Nederlands, Arabisch, Engels", true), now);
        profiles.saveVog(sql, youssef, VogStatus.ISSUED, today.minusMonths(14), "45", now);

        // Half a year of finished help: Sanne does Gerrit's shopping, Youssef drives and does odd jobs.
        String[][] history = {
            {"boodschappen", "Boodschappen bij de Spar voor de week.", "G", "S", "150", "75"},
            {"vervoer", "Rit naar de fysiotherapeut in Holten.", "T", "Y", "120", "90"},
            {"klussen", "Lamp ophangen in de gang.", "T", "Y", "100", "45"},
            {"boodschappen", "Boodschappen bij de Spar voor de week.", "G", "S", "70", "60"},
            {"vervoer", "Rit naar het ziekenhuis in Deventer.", "G", "Y", "55", "150"},
            {"tuin", "Heg knippen en blad ruimen.", "T", "Y", "35", "120"},
        };
        for (String[] h : history) {
            long resident = h[2].equals("G") ? gerrit : truus;
            String residentName = h[2].equals("G") ? "Gerrit de Boer" : "Truus Bakker-Visser";
            long volunteer = h[3].equals("S") ? sanne : youssef;
            String volunteerName = h[3].equals("S") ? "Sanne Meijer" : "Youssef El Amrani";
            Instant created = now.minus(Duration.ofDays(Long.parseLong(h[4])));
            long id = requests.insert(sql, request(h[0], h[1], resident, residentName, WhenKind.FLEXIBLE, null, null, null, null,
                    Visibility.VOLUNTEERS, false, false), OPEN, resident, residentName, created);
            Instant matched = created.plus(Duration.ofDays(1));
            requests.move(sql, id, OPEN, CONFIRMED, assign(volunteer, volunteerName, matched), null, volunteer, matched);
            Instant done = created.plus(Duration.ofDays(4));
            Map<String, Object> doneSets = new LinkedHashMap<>();
            doneSets.put("minutes_spent", Integer.parseInt(h[5]));
            doneSets.put("done_at", done);
            if (h[0].equals("boodschappen") && h[4].equals("70")) {
                doneSets.put("feedback", "Gezellig. Meneer de Boer vraagt of ik volgende keer weer kom.");
            }
            requests.move(sql, id, CONFIRMED, DONE, doneSets, null, volunteer, done);
            Map<String, Object> closeSets = new LinkedHashMap<>();
            if (doneSets.containsKey("feedback")) {
                closeSets.put("resident_feedback", "Sanne is altijd op tijd en we drinken daarna samen koffie.");
            }
            requests.move(sql, id, DONE, CLOSED, closeSets, null, ria, done.plus(Duration.ofDays(2)));
        }

        // Open and urgent: a ride to the hospital for Gerrit, next week.
        LocalDate nextWeek = today.plusDays(6);
        requests.insert(sql, request("vervoer", "Ik moet naar de oogarts in het ziekenhuis in Deventer. Wie kan mij brengen en halen?",
                gerrit, "Gerrit de Boer", WhenKind.DATE, nextWeek, null, 9 * 60 + 30, 12 * 60, Visibility.VOLUNTEERS, false, false)
                .withContact("06 12345678", "Lindelaan 12, Lindeholt", "De Hoeve").withUrgency(Urgency.HIGH), OPEN, gerrit,
                "Gerrit de Boer", now.minus(Duration.ofDays(2)));

        // No volunteer found for the big garden out of the village; and one Truus cancelled herself.
        long garden = requests.insert(sql, request("tuin", "De hele tuin omspitten voor de moestuin, ongeveer 200 m2.", truus,
                "Truus Bakker-Visser", WhenKind.FLEXIBLE, null, null, null, null, Visibility.VOLUNTEERS, false, false)
                .withContact("0570 123456", "Kerkstraat 3, Lindeholt", "Buitengebied"), OPEN, truus, "Truus Bakker-Visser",
                now.minus(Duration.ofDays(20)));
        requests.move(sql, garden, OPEN, State.NO_MATCH, Map.of(), null, ria, now.minus(Duration.ofDays(12)));
        long phone = requests.insert(sql, request("digitale-hulp", "Hulp met videobellen met mijn kleinzoon.", truus, "Truus Bakker-Visser",
                WhenKind.FLEXIBLE, null, null, null, null, Visibility.VOLUNTEERS, false, false), OPEN, truus, "Truus Bakker-Visser",
                now.minus(Duration.ofDays(15)));
        requests.move(sql, phone, OPEN, State.CANCELLED, Map.of(), null, truus, now.minus(Duration.ofDays(14)));

        // Confirmed, every Thursday morning: the same volunteer as before (continuity).
        long weekly = requests.insert(sql, request("boodschappen", "Elke donderdag boodschappen bij de Spar. Lijstje ligt klaar.",
                gerrit, "Gerrit de Boer", WhenKind.RECURRING, null, DayOfWeek.THURSDAY.getValue(), 9 * 60, 11 * 60,
                Visibility.VOLUNTEERS, false, false).withContact("06 12345678", "Lindelaan 12, Lindeholt", "Dorpskern"),
                OPEN, gerrit, "Gerrit de Boer", now.minus(Duration.ofDays(10)));
        Instant matched = now.minus(Duration.ofDays(9));
        requests.move(sql, weekly, OPEN, CONFIRMED, assign(sanne, "Sanne Meijer", matched), null, ria, matched);

        // Taken by phone by Ria for Truus: a buddy, one-to-one, coordinator-only (needs a VOG).
        requests.insert(sql, request("gezelschap", "Mevrouw woont alleen sinds haar man is overleden en zou graag iemand hebben "
                + "om eens per week mee te praten of te wandelen. Ze vraagt het liever niet zelf.", truus, "Truus Bakker-Visser",
                WhenKind.RECURRING, null, DayOfWeek.WEDNESDAY.getValue(), 14 * 60, 16 * 60, Visibility.COORDINATORS, true, true)
                .withContact("0570 123456", "Kerkstraat 3, Lindeholt", "Dorpskern"), OPEN, ria, "Ria Jansen", now.minus(Duration.ofDays(4)));

        // For a neighbour without an account, taken at the walk-in: proposed to Youssef.
        long lamp = requests.insert(sql, request("klussen", "Gordijnrails ophangen in de woonkamer. Boor en pluggen zijn er.", null,
                "Mevrouw A. Hendriks", WhenKind.FLEXIBLE, null, null, null, null, Visibility.VOLUNTEERS, false, true)
                .withContact("0570 654321", "Esdoornweg 8, Lindeholt", "De Hoeve"), OPEN, ria, "Ria Jansen", now.minus(Duration.ofDays(1)));
        requests.move(sql, lamp, OPEN, PROPOSED, assign(youssef, "Youssef El Amrani", null), null, ria, now.minus(Duration.ofHours(20)));

        // Waiting for the coordinator's look: Gerrit needs help with a form.
        requests.insert(sql, request("administratie", "Ik begrijp de brief van de gemeente over de afvalpas niet. Wie kan even meekijken?",
                gerrit, "Gerrit de Boer", WhenKind.FLEXIBLE, null, null, null, null, Visibility.VOLUNTEERS, false, false)
                .withContact("06 12345678", "Lindelaan 12, Lindeholt", "De Hoeve"), State.SUBMITTED, gerrit, "Gerrit de Boer",
                now.minus(Duration.ofHours(5)));

        // Done last week, waiting to be closed: a ride for Truus.
        Instant created = now.minus(Duration.ofDays(8));
        long ride = requests.insert(sql, request("vervoer", "Rit naar de huisarts in Holten en terug.", truus, "Truus Bakker-Visser",
                WhenKind.FLEXIBLE, null, null, null, null, Visibility.VOLUNTEERS, false, true)
                .withContact("0570 123456", "Kerkstraat 3, Lindeholt", "Dorpskern"), OPEN, ria, "Ria Jansen", created);
        requests.move(sql, ride, OPEN, CONFIRMED, assign(youssef, "Youssef El Amrani", created.plus(Duration.ofHours(3))), null,
                youssef, created.plus(Duration.ofHours(3)));
        Map<String, Object> doneSets = new LinkedHashMap<>();
        doneSets.put("minutes_spent", 90);
        doneSets.put("feedback", "Mevrouw was blij. Ze moet over drie weken terug.");
        doneSets.put("done_at", now.minus(Duration.ofDays(6)));
        requests.move(sql, ride, CONFIRMED, DONE, doneSets, null, youssef, now.minus(Duration.ofDays(6)));
    }

    private static Map<String, Object> assign(long volunteer, String name, Instant matched) {
        Map<String, Object> sets = new LinkedHashMap<>();
        sets.put("volunteer_user_id", volunteer);
        sets.put("volunteer_name", name);
        if (matched != null) {
            sets.put("matched_at", matched);
        }
        return sets;
    }

    private static NewRequest request(String category, String description, Long resident, String residentName, WhenKind when,
            LocalDate date, Integer weekday, Integer from, Integer to, Visibility visibility, boolean vulnerable, boolean onBehalf) {
        return new NewRequest(category, description, resident, residentName, null, null, null, when, date, weekday, from, to,
                Urgency.NORMAL, vulnerable, visibility, onBehalf, null, null, null, null);
    }
}
