package nl.samenredzaam.benchmarks.wrk;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ceiling of the wrk suite: a bare Jetty 12 server on loopback with nothing between the socket and the answer.
 * <ul>
 * <li>{@code GET /json} writes a small JSON object with Jackson on every request (the classic "bare JSON
 * endpoint");</li>
 * <li>{@code GET /file/<name>} answers the bytes of a file given as {@code name=path} on the command line, read
 * once at start: the same body the platform sent for a benchmarked request, so the ratio measures the platform's
 * work and not the size of the answer.</li>
 * </ul>
 * Usage: {@code CeilingServer <port> [name=path[:content-type]]...}; prints {@code ceiling listening on <port>}.
 * Same thread pool size as Felix HTTP's default (Jetty's default of 200 max threads).
 */
public final class CeilingServer {

    private CeilingServer() {
    }

    record Body(byte[] bytes, String contentType) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Map<String, Body> files = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] nameAndPath = args[i].split("=", 2);
            String path = nameAndPath[1];
            String type = "application/json";
            int colon = path.lastIndexOf(':');
            if (colon > 0) {
                type = path.substring(colon + 1);
                path = path.substring(0, colon);
            }
            files.put(nameAndPath[0], new Body(Files.readAllBytes(Path.of(path)), type));
        }
        Server server = start(port, files);
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        System.out.println("ceiling listening on " + connector.getLocalPort() + " (Jetty " + Server.getVersion() + ", "
                + files.size() + " files)");
        server.join();
    }

    /** Starts the ceiling on 127.0.0.1:{@code port} (0: a free port) and returns the running server. */
    static Server start(int port, Map<String, Body> files) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Server server = new Server(new QueuedThreadPool(200, 8));
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                byte[] bytes;
                String type;
                if (path.equals("/json")) {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("status", "UP");
                    answer.put("message", "Hallo Lindeholt");
                    answer.put("count", 1);
                    bytes = mapper.writeValueAsBytes(answer);
                    type = "application/json";
                } else if (path.startsWith("/file/") && files.containsKey(path.substring(6))) {
                    Body body = files.get(path.substring(6));
                    bytes = body.bytes();
                    type = body.contentType();
                } else {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
                response.write(true, ByteBuffer.wrap(bytes), callback);
                return true;
            }
        });
        server.start();
        return server;
    }
}
