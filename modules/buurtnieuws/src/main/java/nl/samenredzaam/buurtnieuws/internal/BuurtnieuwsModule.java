package nl.samenredzaam.buurtnieuws.internal;

import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.module.MenuItem;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.module.Setting;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.Route.Method;

/** The module description: name, permission, menu entry, pages and API of the notice board. */
@Component(service = Module.class)
public final class BuurtnieuwsModule implements Module {

    public static final String ID = "buurtnieuws";
    /** Post, change and remove messages. */
    public static final String POST = "buurtnieuws.post";

    private final List<Route> routes;

    @Activate
    public BuurtnieuwsModule() {
        this(Clock.systemUTC());
    }

    public BuurtnieuwsModule(Clock clock) {
        NewsRepository repository = new NewsRepository();
        NewsPages pages = new NewsPages(repository, clock);
        NewsApi api = new NewsApi(repository, clock);
        this.routes = List.of(
                Route.page(Method.GET, "", Permission.PUBLIC, pages::list),
                Route.page(Method.GET, "/nieuw", POST, pages::form),
                Route.page(Method.POST, "", POST, pages::create),
                Route.api(Method.GET, "/items", Permission.PUBLIC, api::list),
                Route.api(Method.POST, "/items", POST, api::create),
                Route.api(Method.GET, "/items/{id}", Permission.PUBLIC, api::get),
                Route.api(Method.PUT, "/items/{id}", POST, api::update),
                Route.api(Method.DELETE, "/items/{id}", POST, api::delete));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Text name() {
        return Text.of("Buurtnieuws", "Neighbourhood news");
    }

    @Override
    public Text summary() {
        return Text.of("Berichten uit het dorp of de wijk: wat er speelt, wat er te doen is.",
                "News from the village or district: what is going on, what there is to do.");
    }

    @Override
    public List<Permission> permissions() {
        return List.of(Permission.of(POST, Text.of("Berichten plaatsen en wijzigen", "Post and change messages"),
                Role.COORDINATOR, Role.ADMIN));
    }

    @Override
    public List<MenuItem> menu() {
        return List.of(MenuItem.main("", Text.of("Buurtnieuws", "News"), Permission.PUBLIC));
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public List<Setting> settings() {
        return List.of(new Setting("page-size", Text.of("Aantal berichten op de pagina", "Messages per page"), "20"));
    }
}
