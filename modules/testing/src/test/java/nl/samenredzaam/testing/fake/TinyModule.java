package nl.samenredzaam.testing.fake;

import java.util.List;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.module.Setting;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/**
 * A module as small as can be, with handlers that use what the fakes offer (testingdb tables). Public
 * so that the tests of the other packages can extend its routes.
 */
public class TinyModule implements Module {

    static final String READ = "fakemodule.read";
    public static final String WRITE = "fakemodule.write";

    public record Input(String title) {
    }

    record Item(long id, String title) {
    }

    @Override
    public String id() {
        return "fakemodule";
    }

    @Override
    public Text name() {
        return Text.of("Proef", "Trial");
    }

    @Override
    public Text summary() {
        return Text.of("Proef", "Trial");
    }

    @Override
    public List<Permission> permissions() {
        return List.of(Permission.of(READ, Text.of("Lezen", "Read"), Role.RESIDENT, Role.COORDINATOR),
                Permission.of(WRITE, Text.of("Schrijven", "Write"), Role.COORDINATOR));
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.api(Method.GET, "/items", READ, TinyModule::list),
                Route.api(Method.POST, "/items", WRITE, TinyModule::create),
                Route.page(Method.GET, "/items/{id}", READ, TinyModule::show),
                Route.page(Method.POST, "/form", Permission.MEMBER, TinyModule::form));
    }

    @Override
    public List<Setting> settings() {
        return List.of(new Setting("page-size", Text.of("Aantal", "Number"), "20"));
    }

    static WebResponse create(WebRequest req) {
        if (!req.isAllowed(WRITE)) {
            throw ProblemException.forbidden();
        }
        Input input = req.body(Input.class);
        if (input.title() == null || input.title().isBlank()) {
            throw ProblemException.invalidField("title", req.messages().get("greeting", "?"));
        }
        long id = req.sql().insert("insert into testingdb_item (initiative_id, title) values (:initiative, :title)", "title", input.title());
        if (input.title().equals("fail after insert")) {
            throw ProblemException.conflict("rolled back");
        }
        return WebResponse.created(req.link("/items/" + id), new Item(id, input.title()));
    }

    static WebResponse list(WebRequest req) {
        return WebResponse.json(req.sql().list("select id, title from testingdb_item where initiative_id = :initiative order by id",
                r -> new Item(r.getLong("id"), r.getString("title"))));
    }

    static WebResponse show(WebRequest req) {
        long id = req.pathId("id");
        Item item = req.sql().first("select id, title from testingdb_item where initiative_id = :initiative and id = :id",
                r -> new Item(r.getLong("id"), r.getString("title")), "id", id).orElseThrow(ProblemException::notFound);
        req.audit(AuditEvent.of(AuditEvent.Action.READ, "item", id, 99L, "test"));
        return WebResponse.page(req.messages().get("greeting", item.title()), Html.escape(item.title()));
    }

    static WebResponse form(WebRequest req) {
        String name = req.form("name").orElse("(none)");
        return WebResponse.text("text/plain", name + "|" + String.join(",", req.formValues("day")) + "|" + req.query("q").orElse("")
                + "|" + req.setting("page-size") + "|" + req.csrfToken() + "|" + req.header("x-test").orElse(""));
    }
}
