package nl.samenredzaam.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.core.platform.Readiness;

class HealthServletTest {

    private int status;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Test
    void upWhenTheDatabaseAnswersAndNothingIsAwaited() throws Exception {
        assertEquals("{\"status\":\"UP\",\"database\":\"UP\"}", get(true, readiness("startlevel", true)));
        assertEquals(200, status);
    }

    @Test
    void startingNamesWhatIsStillAwaited() throws Exception {
        String answer = get(true, readiness("startlevel", false), readiness("demo", true), readiness("first-operator", false));
        assertEquals(503, status);
        assertEquals("{\"status\":\"STARTING\",\"database\":\"UP\",\"waitingFor\":[\"first-operator\",\"startlevel\"]}", answer);
    }

    @Test
    void downWhenTheDatabaseDoesNotAnswer() throws Exception {
        assertEquals("{\"status\":\"DOWN\",\"database\":\"DOWN\"}", get(false, readiness("startlevel", false)));
        assertEquals(503, status);
    }

    @Test
    void aNameIsNeverWrittenRaw() throws Exception {
        String answer = get(true, readiness("x\",\"injected", false));
        assertEquals("{\"status\":\"STARTING\",\"database\":\"UP\",\"waitingFor\":[\"xinjected\"]}", answer);
    }

    private String get(boolean dbUp, Readiness... waiting) throws Exception {
        HealthServlet servlet = new HealthServlet();
        set(servlet, "db", Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PlatformDatabase.class},
                (p, m, a) -> {
                    if (m.getName().equals("ping")) {
                        return dbUp;
                    }
                    throw new UnsupportedOperationException(m.getName());
                }));
        @SuppressWarnings("unchecked")
        List<Readiness> list = (List<Readiness>) field("waitingFor").get(servlet);
        list.addAll(List.of(waiting));
        servlet.doGet(null, response());
        return body.toString(StandardCharsets.UTF_8);
    }

    private static Readiness readiness(String name, boolean ready) {
        return new Readiness() {
            @Override
            public boolean ready() {
                return ready;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> switch (m.getName()) {
                    case "setStatus" -> {
                        status = (Integer) a[0];
                        yield null;
                    }
                    case "getOutputStream" -> out;
                    case "setHeader", "setContentType", "addHeader" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = HealthServlet.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static void set(Object target, String name, Object value) throws Exception {
        field(name).set(target, value);
    }
}
