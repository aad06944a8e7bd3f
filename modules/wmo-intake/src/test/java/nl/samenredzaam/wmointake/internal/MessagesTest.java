package nl.samenredzaam.wmointake.internal;

import static nl.samenredzaam.wmointake.internal.support.FakeDirectory.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.FakeDemoContext;
import nl.samenredzaam.testing.fake.FakeWebRequest;

/** Both languages have every message, and no page shows a missing one. */
class MessagesTest {

    private static Properties load(String lang) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream("i18n/messages_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws Exception {
        assertEquals(load("nl").keySet(), load("en").keySet());
    }

    @Test
    void noPageShowsAMissingMessageInEitherLanguage() throws Exception {
        try (Harness h = new Harness()) {
            h.db.transaction(1, sql -> {
                new WmoIntakeDemo().populate(sql, new FakeDemoContext(h.clock, Map.of("professional", PROFESSIONAL,
                        "coordinator", COORDINATOR, "resident", RESIDENT, "resident2", RESIDENT2, "volunteer", VOLUNTEER)));
                return null;
            });
            long gerrit = h.db.transaction(1, sql -> new FileRepository().ofResident(sql, RESIDENT)).get(0).id();
            FakeActor professional = Harness.actor(PROFESSIONAL, Role.PROFESSIONAL);
            FakeActor resident = Harness.actor(RESIDENT, Role.RESIDENT);
            for (boolean english : List.of(false, true)) {
                Consumer<FakeWebRequest.Builder> lang = r -> {
                    if (english) {
                        r.english();
                    }
                };
                List<String> pages = List.of(
                        Harness.html(h.page(professional, Method.GET, "", lang)),
                        Harness.html(h.page(professional, Method.GET, "/nieuw", lang)),
                        Harness.html(h.page(professional, Method.POST, "/dossiers", lang)),
                        Harness.html(h.page(professional, Method.GET, "/dossiers/{id}", r -> lang.andThen(x -> x.pathParam("id", gerrit)).accept(r))),
                        Harness.html(h.page(professional, Method.GET, "/dossiers/{id}/gesprek", r -> lang.andThen(x -> x.pathParam("id", gerrit)).accept(r))),
                        Harness.html(h.page(professional, Method.GET, "/dossiers/{id}/positieve-gezondheid",
                                r -> lang.andThen(x -> x.pathParam("id", gerrit)).accept(r))),
                        Harness.html(h.page(professional, Method.GET, "/dossiers/{id}/zrm", r -> lang.andThen(x -> x.pathParam("id", gerrit)).accept(r))),
                        Harness.html(h.page(resident, Method.GET, "/dossiers/{id}", r -> lang.andThen(x -> x.pathParam("id", gerrit)).accept(r))),
                        Harness.html(h.page(resident, Method.GET, "/mijn", lang)),
                        Harness.html(h.page(resident, Method.GET, "/dossiers/{id}/inzage", r -> lang.andThen(x -> x.pathParam("id", gerrit)).accept(r))));
                for (String page : pages) {
                    assertFalse(page.contains("??"), page);
                }
                if (english) {
                    assertFalse(pages.get(3).contains("Termijnen"), "the file page is in English");
                }
            }
        }
    }
}
