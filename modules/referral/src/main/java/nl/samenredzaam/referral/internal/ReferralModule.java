package nl.samenredzaam.referral.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.mail.Mailer;
import nl.samenredzaam.api.module.MenuItem;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.ModuleSwitches;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.module.Setting;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.calendar.api.CalendarService;
import nl.samenredzaam.volunteering.api.HelpRequestService;

/** Welzijn op recept: the module description with its permissions, settings, pages and API. */
@Component(service = Module.class)
public final class ReferralModule implements Module {

    public static final String ID = "referral";
    /** Refer a patient and read the feedback on one's own referrals (GP practice). */
    public static final String REFER = "referral.refer";
    /** Work on referrals as a welzijnscoach: queue, intake, plan, follow-up, closing. */
    public static final String COACH = "referral.coach";
    /** See every referral and assign them to coaches. */
    public static final String ASSIGN = "referral.assign";
    /** See the anonymous figures (monitor) for the municipality and funders. */
    public static final String MONITOR = "referral.monitor";

    public static final String SETTING_FIRST_CONTACT_DAYS = "first-contact-days";
    public static final String SETTING_REASONS = "reasons";

    private final LivePartners partners;
    private final List<Route> routes;

    @Activate
    public ReferralModule(@Reference Mailer mailer, @Reference Facts facts) {
        this(new LivePartners(), mailer, Clock.systemUTC(), facts);
    }

    /** For tests: facts are recorded, not posted after the commit. */
    ReferralModule(LivePartners partners, Mailer mailer, Clock clock) {
        this(partners, mailer, clock, new Facts());
    }

    ReferralModule(LivePartners partners, Mailer mailer, Clock clock, Facts facts) {
        this.partners = partners;
        this.routes = routes(new ReferralService(partners, mailer, clock, facts));
    }

    static List<Route> routes(ReferralService service) {
        ReferralAccess access = new ReferralAccess(service.referrals());
        ReferrerPages referrer = new ReferrerPages(service, access);
        CoachPages coach = new CoachPages(service, access);
        LetterPages letters = new LetterPages(service, access);
        MonitorPages monitor = new MonitorPages(service);
        ReferralApi api = new ReferralApi(service, access);
        FhirApi fhir = new FhirApi(service, access);
        PracticePages practices = new PracticePages(service);
        PracticeApi practiceApi = new PracticeApi(service);
        return List.of(
                Route.page(Method.GET, "", Permission.MEMBER, req -> start(req, coach, referrer)),
                Route.page(Method.GET, "/verwijzen", REFER, referrer::form),
                Route.page(Method.POST, "/verwijzen", REFER, referrer::create),
                Route.page(Method.GET, "/verwijzingen", REFER, referrer::list),
                Route.page(Method.GET, "/verwijzingen/{id}", REFER, referrer::detail),
                Route.page(Method.POST, "/verwijzingen/{id}/intrekken", REFER, referrer::withdraw),
                Route.page(Method.GET, "/werkvoorraad", COACH, coach::queue),
                Route.page(Method.GET, "/dossier/{id}", COACH, coach::dossier),
                Route.page(Method.POST, "/dossier/{id}/toewijzen", COACH, coach::assign),
                Route.page(Method.POST, "/dossier/{id}/contact", COACH, coach::contact),
                Route.page(Method.POST, "/dossier/{id}/intake", COACH, coach::intake),
                Route.page(Method.POST, "/dossier/{id}/stappen", COACH, coach::addStep),
                Route.page(Method.POST, "/dossier/{id}/vervolg/{followUp}", COACH, coach::followUp),
                Route.page(Method.POST, "/dossier/{id}/afsluiten", COACH, coach::close),
                Route.page(Method.GET, "/dossier/{id}/fhir", COACH, fhir::download),
                Route.page(Method.GET, "/ontvangen", COACH, fhir::importForm),
                Route.page(Method.POST, "/ontvangen", COACH, fhir::importFromForm),
                Route.page(Method.GET, "/brief/{id}/{kind}", Permission.MEMBER, letters::page),
                Route.page(Method.GET, "/brief/{id}/{kind}/pdf", Permission.MEMBER, letters::pdf),
                Route.page(Method.GET, "/praktijken", ASSIGN, practices::list),
                Route.page(Method.POST, "/praktijken", ASSIGN, practices::create),
                Route.page(Method.POST, "/praktijken/{id}/intrekken", ASSIGN, practices::revoke),
                Route.page(Method.GET, "/praktijk/{token}", Permission.PUBLIC, practices::form),
                Route.page(Method.POST, "/praktijk/{token}", Permission.PUBLIC, practices::submit),
                Route.page(Method.GET, "/monitor", MONITOR, monitor::page),
                Route.page(Method.GET, "/monitor/csv", MONITOR, monitor::csv),
                Route.api(Method.POST, "/referrals", REFER, api::create),
                Route.api(Method.GET, "/referrals/mine", REFER, api::mine),
                Route.api(Method.POST, "/referrals/{id}/withdraw", REFER, api::withdraw),
                Route.api(Method.GET, "/referrals", COACH, api::queue),
                Route.api(Method.GET, "/referrals/{id}", COACH, api::get),
                Route.api(Method.PUT, "/referrals/{id}/coach", COACH, api::assign),
                Route.api(Method.POST, "/referrals/{id}/contact", COACH, api::contact),
                Route.api(Method.PUT, "/referrals/{id}/intake", COACH, api::intake),
                Route.api(Method.POST, "/referrals/{id}/steps", COACH, api::addStep),
                Route.api(Method.POST, "/referrals/{id}/follow-ups/{followUp}/done", COACH, api::followUp),
                Route.api(Method.POST, "/referrals/{id}/close", COACH, api::close),
                Route.api(Method.GET, "/referrals/{id}/letters/{kind}", Permission.MEMBER, api::letter),
                Route.api(Method.GET, "/referrals/{id}/fhir", COACH, fhir::export),
                Route.api(Method.POST, "/fhir", COACH, fhir::importBundle),
                Route.api(Method.GET, "/activities", COACH, api::activities),
                Route.api(Method.GET, "/monitor", MONITOR, monitor::json),
                Route.api(Method.GET, "/practice-links", ASSIGN, practiceApi::list),
                Route.api(Method.POST, "/practice-links", ASSIGN, practiceApi::create),
                Route.api(Method.DELETE, "/practice-links/{id}", ASSIGN, practiceApi::revoke),
                Route.api(Method.POST, "/practice/{token}/referrals", Permission.PUBLIC, practiceApi::refer));
    }

    private static nl.samenredzaam.api.web.WebResponse start(nl.samenredzaam.api.web.WebRequest req, CoachPages coach,
            ReferrerPages referrer) throws Exception {
        if (req.isAllowed(COACH)) {
            return nl.samenredzaam.api.web.WebResponse.redirect(req.link("/referral/werkvoorraad"));
        }
        if (req.isAllowed(REFER)) {
            return nl.samenredzaam.api.web.WebResponse.redirect(req.link("/referral/verwijzingen"));
        }
        if (req.isAllowed(MONITOR)) {
            return nl.samenredzaam.api.web.WebResponse.redirect(req.link("/referral/monitor"));
        }
        throw nl.samenredzaam.api.web.ProblemException.forbidden();
    }

    @Reference(service = CalendarService.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetCalendar")
    void setCalendar(Object service) {
        partners.useCalendar(service);
    }

    void unsetCalendar(Object service) {
        partners.dropCalendar(service);
    }

    @Reference(service = HelpRequestService.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetVolunteering")
    void setVolunteering(Object service) {
        partners.useVolunteering(service);
    }

    void unsetVolunteering(Object service) {
        partners.dropVolunteering(service);
    }

    @Reference(service = ModuleSwitches.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetSwitches")
    void setSwitches(Object service) {
        partners.useSwitches(service);
    }

    void unsetSwitches(Object service) {
        partners.dropSwitches(service);
    }

    @Reference(service = Directory.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetDirectory")
    void setDirectory(Object service) {
        partners.useDirectory(service);
    }

    void unsetDirectory(Object service) {
        partners.dropDirectory(service);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Text name() {
        return Text.of("Welzijn op recept", "Social prescribing");
    }

    @Override
    public Text summary() {
        return Text.of("De huisarts verwijst een patiënt naar de welzijnscoach. De coach zoekt samen met de patiënt activiteiten "
                + "en contacten die helpen, volgt het op en laat de huisarts weten hoe het ging.",
                "The GP refers a patient to the welfare coach, who finds helpful activities and contacts with them, "
                        + "follows up and reports back to the GP.");
    }

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(REFER, Text.of("Patiënten verwijzen en terugkoppeling lezen", "Refer patients and read feedback"),
                        Role.REFERRER),
                Permission.of(COACH, Text.of("Verwijzingen oppakken als welzijnscoach", "Work on referrals as a welfare coach"),
                        Role.PROFESSIONAL, Role.COORDINATOR),
                Permission.of(ASSIGN, Text.of("Alle verwijzingen zien en aan een coach geven", "See all referrals and assign them"),
                        Role.COORDINATOR),
                Permission.of(MONITOR, Text.of("Anonieme cijfers bekijken", "See the anonymous figures"),
                        Role.COORDINATOR, Role.ADMIN));
    }

    @Override
    public Set<String> worksWith() {
        return Set.of("calendar", "volunteering");
    }

    @Override
    public List<MenuItem> menu() {
        return List.of(
                MenuItem.main("/verwijzen", Text.of("Verwijzen", "Refer"), REFER),
                MenuItem.main("/verwijzingen", Text.of("Mijn verwijzingen", "My referrals"), REFER),
                MenuItem.main("/werkvoorraad", Text.of("Welzijn op recept", "Social prescribing"), COACH),
                MenuItem.main("/monitor", Text.of("Cijfers welzijn op recept", "Social prescribing figures"), MONITOR),
                new MenuItem("/praktijken", Text.of("Verwijslinks voor praktijken", "Referral links for practices"), ASSIGN,
                        MenuItem.Area.ADMIN));
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                new Setting(SETTING_FIRST_CONTACT_DAYS, Text.of("Eerste contact binnen hoeveel werkdagen?",
                        "First contact within how many working days?"), Integer.toString(ReferralService.DEFAULT_FIRST_CONTACT_DAYS)),
                new Setting(SETTING_REASONS, Text.of("Redenen voor verwijzing (gescheiden door komma's)",
                        "Reasons for referral (separated by commas)"), String.join(", ", ReferralService.DEFAULT_REASONS)));
    }
}
