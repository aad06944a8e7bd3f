package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.core.platform.Readiness;

/**
 * {@code GET /health}: 200 with {@code {"status":"UP"}} when the platform serves; 503 with
 * {@code DOWN} while the database cannot be reached, or {@code STARTING} while something it waits
 * for (such as the demo initiative) is still being prepared. Separate from the front dispatcher
 * so it answers even while the rest waits for the database.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PlatformDatabase db;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private final List<Readiness> waitingFor = new CopyOnWriteArrayList<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PlatformDatabase database = db;
        boolean dbUp = database != null && database.ping();
        List<String> pending = waitingFor.stream().filter(r -> !r.ready()).map(Readiness::name).sorted().toList();
        String status = !dbUp ? "DOWN" : pending.isEmpty() ? "UP" : "STARTING";
        Responses.securityHeaders(resp);
        resp.setStatus("UP".equals(status) ? 200 : 503);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType("application/json");
        // while starting, what is still awaited (e.g. "startlevel", "first-operator", "demo"): the names
        // of the Readiness services, fixed words, so an operator sees why the platform does not serve yet
        String waiting = "STARTING".equals(status)
                ? ",\"waitingFor\":[" + String.join(",", pending.stream().map(n -> "\"" + n.replaceAll("[^a-z0-9-]", "") + "\"").toList()) + "]"
                : "";
        String body = "{\"status\":\"" + status + "\",\"database\":\"" + (dbUp ? "UP" : "DOWN") + "\"" + waiting + "}";
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
