package nl.samenredzaam.calendar.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.module.MenuItem;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.module.Setting;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.Route.Method;

/** The activity calendar: its permissions, menu, settings, pages and API. */
@Component(service = Module.class)
public final class CalendarModule implements Module {

    public static final String ID = "calendar";
    /** Create, change and cancel activities; register people on their behalf. */
    public static final String MANAGE = "calendar.manage";
    /** See participant lists and record attendance. */
    public static final String ATTENDANCE = "calendar.attendance";
    /** Setting: the initiative's categories, comma separated. */
    public static final String CATEGORIES = "categories";
    static final String DEFAULT_CATEGORIES = "bewegen,ontmoeten,eten,cultuur,voorlichting,digitaal";

    private final List<Route> routes;

    @Activate
    public CalendarModule(@Reference Notifier notifier) {
        this(notifier, Clock.systemUTC());
    }

    public CalendarModule(Notifier notifier, Clock clock) {
        ActivityRepository activities = new ActivityRepository();
        RegistrationRepository registrations = new RegistrationRepository();
        Registrations rules = new Registrations(activities, registrations, notifier, clock);
        CalendarApi api = new CalendarApi(activities, registrations, rules, clock);
        CalendarPages pages = new CalendarPages(activities, registrations, rules, clock);
        OrganiserPages organiser = new OrganiserPages(activities, registrations, rules, clock);
        FeedPages feed = new FeedPages(activities, rules.occurrences(), clock);
        ProgrammePages programme = new ProgrammePages(rules.occurrences(), clock);
        // literal paths before {id} paths: the first matching route wins
        this.routes = List.of(
                Route.page(Method.GET, "/activities/new", MANAGE, organiser::newForm),
                Route.page(Method.GET, "", Permission.PUBLIC, pages::list),
                Route.page(Method.GET, "/activities/{id}", Permission.PUBLIC, pages::activity),
                Route.page(Method.POST, "/activities/{id}/register", Permission.MEMBER, pages::register),
                Route.page(Method.POST, "/activities/{id}/unregister", Permission.MEMBER, pages::unregister),
                Route.page(Method.GET, "/mine", Permission.MEMBER, pages::mine),
                Route.page(Method.GET, "/abonneren", Permission.PUBLIC, feed::help),
                Route.page(Method.GET, "/feed.ics", Permission.PUBLIC, feed::feed),
                Route.page(Method.GET, "/activities/{id}/activity.ics", Permission.PUBLIC, feed::activity),
                Route.page(Method.GET, "/programme", Permission.PUBLIC, programme::page),
                Route.page(Method.GET, "/programme.pdf", Permission.PUBLIC, programme::pdf),
                Route.page(Method.GET, "/manage", MANAGE, organiser::overview),
                Route.page(Method.POST, "/activities", MANAGE, organiser::create),
                Route.page(Method.GET, "/activities/{id}/edit", MANAGE, organiser::editForm),
                Route.page(Method.POST, "/activities/{id}", MANAGE, organiser::update),
                Route.page(Method.GET, "/activities/{id}/participants", ATTENDANCE, organiser::participants),
                Route.page(Method.GET, "/activities/{id}/participants/print", ATTENDANCE, organiser::printList),
                Route.page(Method.POST, "/activities/{id}/attendance", ATTENDANCE, organiser::attendance),
                Route.page(Method.POST, "/activities/{id}/on-behalf", MANAGE, organiser::onBehalf),
                Route.page(Method.POST, "/activities/{id}/cancel-registration", MANAGE, organiser::cancelRegistration),
                Route.page(Method.POST, "/activities/{id}/cancel-occurrence", MANAGE, organiser::cancelOccurrence),
                Route.page(Method.POST, "/activities/{id}/move-occurrence", MANAGE, organiser::moveOccurrence),

                Route.api(Method.GET, "/activities", Permission.PUBLIC, api::list),
                Route.api(Method.POST, "/activities", MANAGE, api::create),
                Route.api(Method.GET, "/activities/{id}", Permission.PUBLIC, api::get),
                Route.api(Method.PUT, "/activities/{id}", MANAGE, api::update),
                Route.api(Method.DELETE, "/activities/{id}", MANAGE, api::delete),
                Route.api(Method.GET, "/activities/{id}/occurrences", Permission.PUBLIC, api::occurrences),
                Route.api(Method.POST, "/activities/{id}/occurrences/cancel", MANAGE, api::cancelOccurrence),
                Route.api(Method.POST, "/activities/{id}/occurrences/move", MANAGE, api::moveOccurrence),
                Route.api(Method.GET, "/activities/{id}/registrations", ATTENDANCE, api::registrations),
                Route.api(Method.POST, "/activities/{id}/registrations", Permission.MEMBER, api::register),
                Route.api(Method.GET, "/registrations/mine", Permission.MEMBER, api::mine),
                Route.api(Method.DELETE, "/registrations/{id}", Permission.MEMBER, api::unregister),
                Route.api(Method.PUT, "/registrations/{id}/attendance", ATTENDANCE, api::attendance));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Text name() {
        return Text.of("Activiteiten", "Activities");
    }

    @Override
    public Text summary() {
        return Text.of("Activiteitenkalender: wandelen, koffie-ochtend, samen eten en meer. Inschrijven met wachtlijst, "
                + "aanwezigheid, agenda-abonnement en een programma om op te hangen.",
                "Activity calendar: walks, coffee mornings, shared meals and more. Registration with a waitlist, "
                + "attendance, a calendar subscription and a printable programme.");
    }

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(MANAGE, Text.of("Activiteiten maken en wijzigen, mensen inschrijven", "Create and change activities, register people"),
                        Role.COORDINATOR, Role.ADMIN),
                Permission.of(ATTENDANCE, Text.of("Deelnemerslijst zien en aanwezigheid bijhouden", "See participant lists and record attendance"),
                        Role.COORDINATOR, Role.ADMIN, Role.VOLUNTEER));
    }

    @Override
    public Set<String> worksWith() {
        return Set.of("referral", "volunteering");
    }

    @Override
    public List<MenuItem> menu() {
        return List.of(
                MenuItem.main("", Text.of("Activiteiten", "Activities"), Permission.PUBLIC),
                MenuItem.main("/mine", Text.of("Mijn inschrijvingen", "My registrations"), Permission.MEMBER),
                MenuItem.main("/manage", Text.of("Activiteiten beheren", "Manage activities"), MANAGE));
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public List<Setting> settings() {
        return List.of(new Setting(CATEGORIES, Text.of("Soorten activiteiten (gescheiden door komma's)",
                "Kinds of activities (separated by commas)"), DEFAULT_CATEGORIES));
    }
}
