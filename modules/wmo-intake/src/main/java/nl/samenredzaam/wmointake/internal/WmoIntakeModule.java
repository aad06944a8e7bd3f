package nl.samenredzaam.wmointake.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.module.MenuItem;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.module.Setting;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.wmointake.internal.coop.AccessLogSource;
import nl.samenredzaam.wmointake.internal.coop.ActivityOffer;
import nl.samenredzaam.wmointake.internal.coop.Cooperation;
import nl.samenredzaam.wmointake.internal.coop.ModuleSwitches;
import nl.samenredzaam.wmointake.internal.coop.VolunteerOffer;
import nl.samenredzaam.wmointake.internal.deadline.DeadlineClock;
import nl.samenredzaam.wmointake.internal.deadline.WmoTerms;
import nl.samenredzaam.wmointake.internal.deadline.WmoTermsConfiguration;

/** The module description: permissions, menu, settings, pages and API of the Wmo intake. */
@Component(service = Module.class, configurationPid = WmoTerms.PID)
@Designate(ocd = WmoTermsConfiguration.class)
public final class WmoIntakeModule implements Module {

    public static final String ID = "wmo-intake";
    /** Register meldingen and work on the files one is assigned to. */
    public static final String WORK = "wmo-intake.work";
    /** The per-initiative setting: default retention term of a closed file, in years. */
    public static final String RETENTION_SETTING = "retention-years";
    public static final int RETENTION_DEFAULT = 7;

    private final Members members = new Members();
    private final Cooperation coop = new Cooperation();
    private final AccessLogHolder accessLog = new AccessLogHolder();
    private final Facts facts;
    private final List<Route> routes;

    @Activate
    public WmoIntakeModule(WmoTermsConfiguration config, @Reference Database database) {
        this(WmoTerms.from(config), Clock.systemUTC(), new Facts(database));
    }

    /** For tests: facts are recorded, not posted after the commit. */
    public WmoIntakeModule(WmoTerms terms, Clock clock) {
        this(terms, clock, new Facts());
    }

    WmoIntakeModule(WmoTerms terms, Clock clock, Facts facts) {
        this.facts = facts;
        IntakeService service = new IntakeService(new FileRepository(), new MeasurementRepository(), members, coop,
                new DeadlineClock(terms), clock, facts);
        IntakePages pages = new IntakePages(service, accessLog);
        FilePages filePages = new FilePages(service, pages);
        IntakeApi api = new IntakeApi(service, accessLog);
        String f = "/dossiers/{id}";
        String a = "/files/{id}";
        this.routes = List.of(
                Route.page(Method.GET, "", WORK, pages::queue),
                Route.page(Method.GET, "/mijn", Permission.MEMBER, pages::mine),
                Route.page(Method.GET, "/nieuw", WORK, pages::newMelding),
                Route.page(Method.POST, "/dossiers", WORK, pages::createMelding),
                Route.page(Method.GET, f, Permission.MEMBER, filePages::show),
                Route.page(Method.GET, f + "/gesprek", WORK, filePages::conversationForm),
                Route.page(Method.POST, f + "/gesprek", WORK, filePages::saveConversation),
                Route.page(Method.GET, f + "/positieve-gezondheid", WORK, filePages::phForm),
                Route.page(Method.POST, f + "/positieve-gezondheid", WORK, filePages::savePh),
                Route.page(Method.GET, f + "/zrm", WORK, filePages::zrmForm),
                Route.page(Method.POST, f + "/zrm", WORK, filePages::saveZrm),
                Route.page(Method.POST, f + "/stap/{step}", WORK, filePages::step),
                Route.page(Method.POST, f + "/mijn-reactie", Permission.MEMBER, filePages::residentReaction),
                Route.page(Method.POST, f + "/heropenen", WORK, filePages::reopen),
                Route.page(Method.POST, f + "/activiteit", WORK, filePages::linkActivity),
                Route.page(Method.POST, f + "/vrijwilliger", WORK, filePages::linkVolunteer),
                Route.page(Method.POST, f + "/afspraak", WORK, filePages::linkText),
                Route.page(Method.GET, f + "/verslag.pdf", Permission.MEMBER, filePages::pdf),
                Route.page(Method.GET, f + "/export.json", Permission.MEMBER, filePages::export),
                Route.page(Method.GET, f + "/inzage", Permission.MEMBER, pages::accessLog),
                Route.api(Method.GET, "/files", WORK, api::queue),
                Route.api(Method.POST, "/files", WORK, api::create),
                Route.api(Method.GET, "/mine", Permission.MEMBER, api::mine),
                Route.api(Method.GET, a, Permission.MEMBER, api::get),
                Route.api(Method.PUT, a + "/conversation", WORK, api::conversation),
                Route.api(Method.POST, a + "/measurements/positive-health", WORK, api::positiveHealth),
                Route.api(Method.POST, a + "/measurements/zrm", WORK, api::zrm),
                Route.api(Method.GET, a + "/spider-web.svg", Permission.MEMBER, api::spiderWeb),
                Route.api(Method.POST, a + "/steps/{step}", WORK, api::step),
                Route.api(Method.POST, a + "/links", WORK, api::link),
                Route.api(Method.POST, a + "/my-reaction", Permission.MEMBER, api::residentReaction),
                Route.api(Method.POST, a + "/reopen", WORK, api::reopen),
                Route.api(Method.GET, a + "/verslag.pdf", Permission.MEMBER, api::pdf),
                Route.api(Method.GET, a + "/export", Permission.MEMBER, api::export),
                Route.api(Method.GET, a + "/access-log", Permission.MEMBER, api::accessLog));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Text name() {
        return Text.of("Wmo-intake", "Wmo intake");
    }

    @Override
    public Text summary() {
        return Text.of("Meldingen voor Wmo-ondersteuning, het keukentafelgesprek, de termijnen en het verslag.",
                "Requests for Wmo support, the kitchen-table conversation, the legal terms and the report.");
    }

    @Override
    public List<Permission> permissions() {
        return List.of(Permission.of(WORK, Text.of("Wmo-meldingen vastleggen en eigen dossiers behandelen",
                "Register Wmo requests and handle one's own files"), Role.PROFESSIONAL, Role.COORDINATOR));
    }

    @Override
    public Set<String> worksWith() {
        return Set.of(Cooperation.CALENDAR, Cooperation.VOLUNTEERING);
    }

    @Override
    public List<MenuItem> menu() {
        return List.of(MenuItem.main("", Text.of("Wmo-intake", "Wmo intake"), WORK),
                MenuItem.main("/mijn", Text.of("Mijn Wmo-dossier", "My Wmo file"), Permission.MEMBER));
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public List<Setting> settings() {
        return List.of(new Setting(RETENTION_SETTING, Text.of(
                "Bewaartermijn van een gesloten dossier (jaren, 1 tot 30); per dossier aan te passen",
                "Retention of a closed file (years, 1 to 30); can be changed per file"), Integer.toString(RETENTION_DEFAULT)));
    }

    /** The default retention term from the setting; the default when it is not a number in range. */
    static int retentionYears(String setting) {
        try {
            int y = Integer.parseInt(setting.strip());
            return y >= Steps.RETENTION_MIN && y <= Steps.RETENTION_MAX ? y : RETENTION_DEFAULT;
        } catch (RuntimeException e) {
            return RETENTION_DEFAULT;
        }
    }

    // --- optional, dynamic references ------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setDirectory(Directory d) {
        members.set(d);
    }

    void unsetDirectory(Directory d) {
        members.unset(d);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setActivityOffer(ActivityOffer a) {
        coop.setActivities(a);
    }

    void unsetActivityOffer(ActivityOffer a) {
        coop.unsetActivities(a);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setVolunteerOffer(VolunteerOffer v) {
        coop.setVolunteers(v);
    }

    void unsetVolunteerOffer(VolunteerOffer v) {
        coop.unsetVolunteers(v);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setModuleSwitches(ModuleSwitches s) {
        coop.setSwitches(s);
    }

    void unsetModuleSwitches(ModuleSwitches s) {
        coop.unsetSwitches(s);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setAccessLogSource(AccessLogSource s) {
        accessLog.set(s);
    }

    void unsetAccessLogSource(AccessLogSource s) {
        accessLog.unset(s);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEventAdmin(org.osgi.service.event.EventAdmin e) {
        facts.set(e);
    }

    void unsetEventAdmin(org.osgi.service.event.EventAdmin e) {
        facts.unset(e);
    }

    /** For tests and other components of this bundle. */
    Members members() {
        return members;
    }

    Cooperation cooperation() {
        return coop;
    }

    AccessLogHolder accessLogHolder() {
        return accessLog;
    }
}
