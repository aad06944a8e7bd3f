package ${package}.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.module.MenuItem;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.Route.Method;

/** The module description: name, permission, menu entry, page and API. */
@Component(service = Module.class)
public final class NoteModule implements Module {

    public static final String ID = "${moduleId}";
    /** Read the notes through the API. */
    public static final String READ = ID + ".read";

    private final List<Route> routes;

    public NoteModule() {
        NoteRepository repository = new NoteRepository();
        NotePages pages = new NotePages(repository);
        NoteApi api = new NoteApi(repository);
        this.routes = List.of(
                Route.page(Method.GET, "", Permission.PUBLIC, pages::list),
                Route.api(Method.GET, "/notes", READ, api::list));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Text name() {
        return Text.of("Notities", "Notes");
    }

    @Override
    public Text summary() {
        return Text.of("Korte notities voor iedereen in het initiatief.", "Short notes for everyone in the initiative.");
    }

    @Override
    public List<Permission> permissions() {
        return List.of(Permission.of(READ, Text.of("Notities lezen via de API", "Read notes through the API"),
                Role.COORDINATOR, Role.ADMIN));
    }

    @Override
    public List<MenuItem> menu() {
        return List.of(MenuItem.main("", Text.of("Notities", "Notes"), Permission.PUBLIC));
    }

    @Override
    public List<Route> routes() {
        return routes;
    }
}
