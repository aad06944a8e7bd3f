package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import nl.samenredzaam.core.platform.PlatformDatabase;

/**
 * {@code GET /health}: 200 with {@code {"status":"UP"}} when the platform can serve, 503 while it
 * cannot (database not reachable, or not yet migrated). Separate from the front dispatcher so it
 * answers even while the rest waits for the database.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PlatformDatabase db;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PlatformDatabase database = db;
        boolean up = database != null && database.ping();
        Responses.securityHeaders(resp);
        resp.setStatus(up ? 200 : 503);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType("application/json");
        String body = "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"database\":\"" + (up ? "UP" : "DOWN") + "\"}";
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
