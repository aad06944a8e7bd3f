package nl.samenredzaam.volunteering.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import nl.samenredzaam.api.consent.ConsentPurpose;
import nl.samenredzaam.api.consent.ConsentPurposes;
import nl.samenredzaam.api.consent.Consents;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.demo.DemoContext;
import nl.samenredzaam.api.demo.DemoDataContributor;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.module.MenuItem;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.ModuleSwitches;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.module.Setting;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.Route.Method;

/**
 * The module description: permissions, menu, settings, pages and API of volunteer matching. The
 * same service registration also offers the module's demo data: the platform's demo loader looks
 * for the module when a contributor appears and marks a module without a contributor as done, so
 * two separate registrations could race (a bundle dropped in at run time was sometimes left
 * without demo data or disabled); one registration with both interfaces cannot.
 */
@Component(service = {Module.class, DemoDataContributor.class, ConsentPurposes.class})
public final class VolunteeringModule implements Module, DemoDataContributor, ConsentPurposes {

    public static final String ID = "volunteering";
    /** Ask for help for oneself. */
    public static final String ASK = "volunteering.ask";
    /** Offer help: see open requests, react, keep a profile. */
    public static final String HELP = "volunteering.help";
    /** Route requests: see all, file on behalf, propose and confirm, dashboard, VOG. */
    public static final String COORDINATE = "volunteering.coordinate";

    private final List<Route> routes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityOffer activities;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Directory directory;
    /** Whether the calendar is switched on for the initiative (the platform's; absent in some tests). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleSwitches switches;
    /** The platform's consent register (absent in some tests: then nobody consented). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Consents consents;

    @Activate
    public VolunteeringModule(@Reference Notifier notifier) {
        this(notifier, Clock.systemUTC());
    }

    /** For tests: with a member directory. */
    VolunteeringModule(Notifier notifier, Clock clock, Directory directory) {
        this(notifier, clock);
        this.directory = directory;
    }

    /** For tests: with the platform's consent register. */
    VolunteeringModule(Notifier notifier, Clock clock, Consents consents) {
        this(notifier, clock);
        this.consents = consents;
    }

    /** The consent this module asks for: sharing the phone number with the volunteer ({@link PhoneConsent}). */
    @Override
    public List<ConsentPurpose> purposes() {
        return List.of(PhoneConsent.PURPOSE);
    }

    /** For tests: with the platform's module switches. */
    VolunteeringModule(Notifier notifier, Clock clock, Directory directory, ModuleSwitches switches) {
        this(notifier, clock, directory);
        this.switches = switches;
    }

    public VolunteeringModule(Notifier notifier, Clock clock) {
        RequestRepository requests = new RequestRepository();
        ProfileRepository profiles = new ProfileRepository();
        Requests service = new Requests(requests, profiles, notifier, clock);
        Matching matching = new Matching(requests, profiles);
        Web web = new Web(clock, () -> activities, () -> directory, () -> switches, () -> consents);
        RequestApi api = new RequestApi(service, requests, matching, web);
        ProfileApi profileApi = new ProfileApi(profiles, requests, web);
        RequestPages pages = new RequestPages(service, requests, profiles, matching, web);
        ProfilePages profilePages = new ProfilePages(profiles, web);
        DashboardPages dashboard = new DashboardPages(new Dashboard(requests, profiles), web);
        this.routes = List.of(
                Route.page(Method.GET, "", Permission.MEMBER, pages::home),
                Route.page(Method.GET, "/vragen/nieuw", ASK, pages::form),
                Route.page(Method.POST, "/vragen", ASK, pages::create),
                Route.page(Method.GET, "/vragen/{id}", Permission.MEMBER, pages::detail),
                Route.page(Method.POST, "/vragen/{id}/actie", Permission.MEMBER, pages::act),
                Route.page(Method.POST, "/vragen/{id}/opnieuw", Permission.MEMBER, pages::repeat),
                Route.page(Method.GET, "/vragen/{id}/wijzigen", Permission.MEMBER, pages::editForm),
                Route.page(Method.POST, "/vragen/{id}/wijzigen", Permission.MEMBER, pages::edit),
                Route.page(Method.GET, "/profiel", HELP, profilePages::form),
                Route.page(Method.POST, "/profiel", HELP, profilePages::save),
                Route.page(Method.GET, "/vrijwilligers", COORDINATE, profilePages::list),
                Route.page(Method.GET, "/vrijwilligers/{userId}", COORDINATE, profilePages::vogForm),
                Route.page(Method.POST, "/vrijwilligers/{userId}", COORDINATE, profilePages::saveVog),
                Route.page(Method.GET, "/overzicht", COORDINATE, dashboard::show),
                Route.api(Method.GET, "/categories", Permission.MEMBER, api::categories),
                Route.api(Method.GET, "/activities", ASK, api::activities),
                Route.api(Method.GET, "/requests", Permission.MEMBER, api::list),
                Route.api(Method.POST, "/requests", ASK, api::create),
                Route.api(Method.GET, "/requests/{id}", Permission.MEMBER, api::get),
                Route.api(Method.PUT, "/requests/{id}", Permission.MEMBER, api::edit),
                Route.api(Method.POST, "/requests/{id}/actions", Permission.MEMBER, api::act),
                Route.api(Method.POST, "/requests/{id}/repeat", Permission.MEMBER, api::repeat),
                Route.api(Method.GET, "/requests/{id}/suggestions", COORDINATE, api::suggestions),
                Route.api(Method.GET, "/profiles", COORDINATE, profileApi::list),
                Route.api(Method.GET, "/profiles/me", HELP, profileApi::mine),
                Route.api(Method.PUT, "/profiles/me", HELP, profileApi::saveMine),
                Route.api(Method.PUT, "/profiles/{userId}/vog", COORDINATE, profileApi::saveVog),
                Route.api(Method.GET, "/dashboard", COORDINATE, dashboard::json));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public void populate(Sql sql, DemoContext context) {
        new VolunteeringDemo(consents).populate(sql, context);
    }

    @Override
    public Text name() {
        return Text.of("Hulpvraag en hulpaanbod", "Help requests and volunteers");
    }

    @Override
    public Text summary() {
        return Text.of("Inwoners vragen hulp, vrijwilligers bieden hulp. Coördinatoren koppelen vraag en aanbod.",
                "Residents ask for help, volunteers offer it. Coordinators match requests with volunteers.");
    }

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(ASK, Text.of("Hulp vragen", "Ask for help"), Role.RESIDENT, Role.COORDINATOR),
                Permission.of(HELP, Text.of("Hulp bieden als vrijwilliger", "Offer help as a volunteer"), Role.VOLUNTEER),
                Permission.of(COORDINATE, Text.of("Hulpvragen koppelen en VOG's bijhouden", "Match requests and keep VOGs"),
                        Role.COORDINATOR));
    }

    @Override
    public Set<String> worksWith() {
        return Set.of("calendar", "referral", "wmo-intake");
    }

    @Override
    public List<MenuItem> menu() {
        return List.of(MenuItem.main("", Text.of("Hulp", "Help"), Permission.MEMBER),
                MenuItem.main("/overzicht", Text.of("Hulp: overzicht", "Help: dashboard"), COORDINATE));
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                new Setting(Categories.SETTING, Text.of("Soorten hulp, met komma's ertussen. Eigen soort: sleutel=Naam, bijvoorbeeld hond-uitlaten=Hond uitlaten",
                        "Kinds of help, comma separated. Your own kind: key=Name, e.g. hond-uitlaten=Hond uitlaten"), Categories.DEFAULT),
                new Setting(Web.REVIEW_FIRST, Text.of("Bekijkt een coördinator een hulpvraag van een inwoner eerst? (ja/nee)",
                        "Does a coordinator look at a resident's request first? (ja/nee)"), "ja"),
                new Setting(Web.COORDINATOR_CONFIRMS, Text.of("Moet een coördinator de reactie van een vrijwilliger bevestigen? (ja/nee)",
                        "Must a coordinator confirm a volunteer's reaction? (ja/nee)"), "nee"));
    }
}
