package nl.samenredzaam.calendar.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.demo.DemoContext;
import nl.samenredzaam.api.demo.DemoDataContributor;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration.Status;

/**
 * The programme of the fictional village Lindeholt: a weekly walk with a summer break, the Thursday
 * coffee morning, a shared meal every two weeks (full, with a waitlist), chair exercise, an
 * information evening on adapting your home, the digital help hour and a members-only meeting.
 */
@Component
public final class CalendarDemo implements DemoDataContributor {

    private static final String DORPSHUIS = "Dorpshuis De Linde, Brinkstraat 4, Lindeholt";

    /**
     * Offered only once the calendar's module service is there: the platform's demo loader fills
     * modules it sees as active when a contributor arrives, so arriving earlier (a bundle dropped
     * into a running platform) would leave the demo without a programme.
     */
    @Activate
    public CalendarDemo(@Reference(target = "(component.name=nl.samenredzaam.calendar.internal.CalendarModule)") Module module) {
        // the reference only orders the start
    }

    public CalendarDemo() {
    }

    @Override
    public String moduleId() {
        return CalendarModule.ID;
    }

    @Override
    public void populate(Sql sql, DemoContext context) {
        Clock clock = context.clock();
        Instant now = clock.instant();
        ActivityRepository activities = new ActivityRepository();
        RegistrationRepository registrations = new RegistrationRepository();
        Registrations rules = new Registrations(activities, registrations, new Notifier(), clock);
        LocalDate today = Formats.date(now);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int summer = today.getMonthValue() > 8 ? today.getYear() + 1 : today.getYear();
        long coordinator = context.userId("coordinator");

        long walk = create(sql, activities, coordinator, now, "Wandelen met de wandelgroep",
                "Elke dinsdag lopen we samen een rondje van ongeveer 5 kilometer in een rustig tempo. Na afloop drinken we koffie. "
                + "In de zomervakantie wandelen we niet.", "bewegen", "Henk Mulder", "Start bij " + DORPSHUIS,
                "De route is deels onverhard. Met een rollator gaan we een kortere route.", false, false,
                monday.minusWeeks(8).plusDays(1), "10:00", "11:30", "FREQ=WEEKLY;BYDAY=TU",
                List.of(summer + "-07-13/" + summer + "-08-24"), 15, true, true, null, "PUBLIC", "PUBLISHED");
        long coffee = create(sql, activities, coordinator, now, "Koffie-ochtend in het dorpshuis",
                "Gezellig samen koffie of thee drinken. Iedereen is welkom, u hoeft zich niet op te geven.", "ontmoeten",
                "Ria Jansen", DORPSHUIS, "Invalidentoilet aanwezig.", true, true, monday.minusWeeks(12).plusDays(3), "10:00",
                "11:30", "FREQ=WEEKLY;BYDAY=TH", List.of(), null, false, false, "Koffie en thee € 0,50", "PUBLIC", "PUBLISHED");
        long meal = create(sql, activities, coordinator, now, "Samen eten",
                "Om de week koken vrijwilligers een driegangenmaaltijd. Heeft u een dieet? Zeg het bij het opgeven.", "eten",
                "Sanne Meijer", DORPSHUIS, "Wij kunnen u thuis ophalen, vraag ernaar bij het opgeven.", true, true,
                monday.minusWeeks(6).plusDays(4), "17:30", "19:30", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", List.of(), 8, true, true,
                "€ 7,50 (eten en drinken)", "PUBLIC", "PUBLISHED");
        long chair = create(sql, activities, coordinator, now, "Stoelgym voor ouderen",
                "Bewegen op muziek, zittend op een stoel. Goed voor spieren en evenwicht. Een fysiotherapeut geeft de les.",
                "bewegen", "Fysiotherapie Lindeholt", "Zaal van de Ontmoetingskerk, Kerkpad 1", null, true, true,
                monday.minusWeeks(10), "14:00", "15:00", "FREQ=WEEKLY;BYDAY=MO", List.of(), 12, true, true, "€ 2,00 per keer",
                "PUBLIC", "PUBLISHED");
        long info = create(sql, activities, coordinator, now, "Informatieavond: langer thuis wonen",
                "Hoe maakt u uw huis veilig en makkelijk? Een woonadviseur van de gemeente vertelt over aanpassingen zoals een "
                + "traplift of een douchestoel, en over Wmo-voorzieningen. Met tijd voor vragen.", "voorlichting",
                "Ria Jansen en de woonadviseur van de gemeente", DORPSHUIS, null, true, true, monday.plusWeeks(2).plusDays(2),
                "19:30", "21:00", null, List.of(), 40, true, true, null, "PUBLIC", "PUBLISHED");
        long digital = create(sql, activities, coordinator, now, "Digi-spreekuur: hulp bij telefoon en computer",
                "Vragen over uw telefoon, tablet of DigiD? Vrijwilligers helpen u één op één. Neem uw apparaat mee.", "digitaal",
                "Youssef El Amrani", "Bibliotheekpunt in " + DORPSHUIS, null, true, true, monday.minusWeeks(5).plusDays(2),
                "13:30", "15:00", "FREQ=WEEKLY;BYDAY=WE", List.of(), 4, true, true, null, "PUBLIC", "PUBLISHED");
        create(sql, activities, coordinator, now, "Overleg vrijwilligers",
                "Maandelijks overleg van de vrijwilligers: planning en ervaringen.", "ontmoeten", "Ria Jansen", DORPSHUIS, null,
                true, false, monday.minusWeeks(9), "19:30", "21:00", "FREQ=MONTHLY;BYDAY=1MO", List.of(), null, false, false,
                null, "MEMBERS", "PUBLISHED");

        // the coffee morning two weeks from now does not take place
        Occurrence skipped = next(sql, rules, activities, coffee, now.plus(Duration.ofDays(8)));
        activities.saveChange(sql, new ActivityRepository.Change(coffee, skipped.key(), true, null, null,
                "Het dorpshuis is gesloten voor onderhoud."));
        activities.touch(sql, coffee, now);

        Participant gerrit = new Participant(context.userId("resident"), "Gerrit de Boer", null);
        Participant truus = new Participant(context.userId("resident2"), "Truus Bakker-Visser", null);
        Participant sanne = new Participant(context.userId("volunteer"), "Sanne Meijer", null);
        Participant youssef = new Participant(context.userId("volunteer2"), "Youssef El Amrani", null);

        // the next shared meal is full, with two people waiting
        Instant nextMeal = next(sql, rules, activities, meal, now).key();
        rules.register(sql, meal, nextMeal, gerrit, null, gerrit.userId());
        rules.register(sql, meal, nextMeal, sanne, null, sanne.userId());
        for (Map.Entry<String, String> p : Map.of("Aaltje Postma", "0512 345 678", "Klaas Dijkstra", "06 1234 5678",
                "Geesje Kramer", "0512 345 111", "Jan Hoekstra", "06 8765 4321", "Wim Bos", "0512 345 222",
                "Jannie Bos", "0512 345 222").entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            rules.register(sql, meal, nextMeal, new Participant(null, p.getKey(), p.getValue()), null, coordinator);
        }
        rules.register(sql, meal, nextMeal, truus, null, truus.userId());
        rules.register(sql, meal, nextMeal, new Participant(null, "Hendrik Veenstra", "0512 345 333"), null, coordinator);

        Instant nextWalk = next(sql, rules, activities, walk, now).key();
        rules.register(sql, walk, nextWalk, gerrit, null, gerrit.userId());
        rules.register(sql, walk, nextWalk, truus, null, truus.userId());
        rules.register(sql, walk, nextWalk, youssef, null, youssef.userId());

        Instant nextChair = next(sql, rules, activities, chair, now).key();
        rules.register(sql, chair, nextChair, new Participant(null, "Mevrouw Jansen-Kuipers", "0512 345 444"), null, coordinator);
        rules.register(sql, chair, nextChair, truus, null, truus.userId());

        Instant nextDigital = next(sql, rules, activities, digital, now).key();
        rules.register(sql, digital, nextDigital, gerrit, null, gerrit.userId());
        for (String name : List.of("Bertus Wiersma", "Femmie de Jong", "Roelof Smit", "Trijntje Visser")) {
            rules.register(sql, digital, nextDigital, new Participant(null, name, "0512 345 " + (500 + name.length())), null, coordinator);
        }
        rules.register(sql, info, next(sql, rules, activities, info, now).key(), gerrit, null, gerrit.userId());

        // last week's walk, with attendance
        Occurrence lastWalk = rules.occurrences().of(sql, activities.find(sql, walk).orElseThrow(), now.minus(Duration.ofDays(8)), now)
                .stream().reduce((a, b) -> b).orElse(null);
        if (lastWalk != null) {
            registrations.insert(sql, walk, lastWalk.key(), gerrit.userId(), gerrit.name(), null, null, gerrit.userId(), Status.PRESENT, now);
            registrations.insert(sql, walk, lastWalk.key(), truus.userId(), truus.name(), null, null, truus.userId(), Status.ABSENT, now);
            registrations.insert(sql, walk, lastWalk.key(), null, "Bertus Wiersma", "0512 345 514", null, coordinator, Status.PRESENT, now);
        }
        // a draft only organisers see
        create(sql, activities, coordinator, now, "Fietstocht naar de Hunebedden (concept)",
                "Plan voor het voorjaar: een fietstocht van 30 kilometer met lunch onderweg.", "bewegen", "Henk Mulder",
                "Start bij " + DORPSHUIS, null, false, false, today.plusMonths(4).withDayOfMonth(1), "10:00", "16:00", null,
                List.of(), 20, true, true, "Eigen lunch", "PUBLIC", "CONCEPT");
    }

    private static Occurrence next(Sql sql, Registrations rules, ActivityRepository activities, long id, Instant from) {
        Activity a = activities.find(sql, id).orElseThrow();
        return rules.occurrences().of(sql, a, from, from.plus(Duration.ofDays(60))).stream()
                .filter(o -> !o.isCancelled()).findFirst().orElseThrow();
    }

    private static long create(Sql sql, ActivityRepository activities, long organiser, Instant now, String title, String description,
            String category, String organiserName, String location, String accessibility, boolean wheelchair, boolean loop,
            LocalDate day, String from, String to, String rrule, List<String> exceptions, Integer capacity, boolean registration,
            boolean waitlist, String cost, String visibility, String status) {
        LocalDateTime start = day.atTime(LocalTime.parse(from));
        LocalDateTime end = day.atTime(LocalTime.parse(to));
        ActivityInput input = new ActivityInput(title, description, category, organiserName, location, accessibility, wheelchair,
                loop, null, start.atZone(Recurrence.ZONE).toOffsetDateTime().toString(),
                end.atZone(Recurrence.ZONE).toOffsetDateTime().toString(), rrule, exceptions, capacity, registration, waitlist,
                cost, visibility, status);
        Map<String, String> problems = ActivityInput.newProblems();
        ActivityInput.Valid v = input.validate(Messages.of(CalendarDemo.class, Text.DUTCH),
                List.of(CalendarModule.DEFAULT_CATEGORIES.split(",")), problems);
        if (v == null) {
            throw new IllegalStateException("demo activity '" + title + "' is not valid: " + problems);
        }
        return activities.create(sql, v, organiser, now);
    }
}
