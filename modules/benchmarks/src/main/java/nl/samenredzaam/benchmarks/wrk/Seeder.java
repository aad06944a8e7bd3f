package nl.samenredzaam.benchmarks.wrk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fills a running platform (started with {@code --demo}) with the wrk suite's data, through the platform's own
 * HTTP API only, a few requests at a time.
 *
 * <pre>
 * Seeder calendar    BASE SLUG COUNT              10,000 activities spread over the coming year (coordinator token)
 * Seeder initiatives BASE FROM TO MIXFILE         initiatives bench-FROM..bench-TO with random module sets and data;
 *                                                 writes the request mix over bench-0001..bench-TO to MIXFILE
 * Seeder token       BASE USER PASSWORD           prints an API token
 * </pre>
 *
 * The operator password comes from the environment variable {@code SAMENREDZAAM_ADMIN_PASSWORD} (the one the
 * platform was started with). Everything is deterministic (fixed random seeds), so two runs create the same data.
 */
public final class Seeder {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final String DEMO_PASSWORD = "lindeholt-demo";
    static final String[] CATEGORIES = { "bewegen", "ontmoeten", "eten", "cultuur", "voorlichting", "digitaal" };
    static final String[] TITLES = { "Wandelen door het dorp", "Koffieochtend", "Samen eten", "Stoelyoga",
        "Voorlichting over valpreventie", "Digicafé: hulp bij de telefoon", "Breiclub", "Sjoelen", "Filmmiddag",
        "Fietstocht langs de boerderijen", "Spreekuur dorpsondersteuner", "Zingen voor iedereen" };
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARALLEL = 4;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Seeder(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Seeder seeder = new Seeder(URI.create(args[1]));
        switch (args[0]) {
            case "token" -> System.out.println(seeder.token(args[2], args[3]));
            case "calendar" -> seeder.calendar(args[2], Integer.parseInt(args[3]));
            case "initiatives" -> seeder.initiatives(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Path.of(args[4]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** {@code count} one-off activities between the first of this month and a year later, 09:00–20:00. */
    void calendar(String slug, int count) throws Exception {
        String token = token("coordinator", DEMO_PASSWORD);
        LocalDate first = LocalDate.now(AMSTERDAM).withDayOfMonth(1);
        Random random = new Random(10_000);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(activity(random, first.plusDays(random.nextInt(365)), i));
        }
        long t0 = System.nanoTime();
        parallel(bodies.size(), i -> expect(201, send("POST", "/api/v1/" + slug + "/calendar/activities", token,
                bodies.get(i))));
        System.out.printf("created %d activities in %s in %.1f s%n", count, slug, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Initiatives {@code bench-<from>}..{@code bench-<to>} (four digits). bench-0001 gets every module; the others a
     * random set (each module with a chance of one half). The demo coordinator becomes their admin; each enabled
     * calendar gets 8 activities in the coming four weeks and each buurtnieuws 4 items.
     */
    void initiatives(int from, int to, Path mixFile) throws Exception {
        String operator = token("admin", System.getenv("SAMENREDZAAM_ADMIN_PASSWORD"));
        String coordinator = token("coordinator", DEMO_PASSWORD);
        List<String> modules = new ArrayList<>();
        for (JsonNode m : expect(200, send("GET", "/api/v1/platform/modules", operator, null))) {
            modules.add(m.get("id").asText());
        }
        long t0 = System.nanoTime();
        parallel(to - from + 1, k -> {
            int n = from + k;
            String slug = slug(n);
            // SplittableRandom mixes the seed: new Random(n) gives nearly the same first values for
            // neighbouring n (every initiative would get the same first module).
            Random random = new Random(new SplittableRandom(n).nextLong());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("slug", slug);
            body.put("name", "Benchmark-initiatief " + n);
            expect(201, send("POST", "/api/v1/platform/initiatives", operator, body));
            expect(200, sendForm("/" + slug + "/beheer/leden/toevoegen", operator,
                    Map.of("addUsername", "coordinator", "addRole", "ADMIN")), 303, 302);
            for (String module : modules) {
                boolean on = n == 1 || random.nextBoolean();
                expect(200, send("PUT", "/api/v1/" + slug + "/modules/" + module, operator, Map.of("enabled", on)));
                if (on && module.equals("calendar")) {
                    LocalDate today = LocalDate.now(AMSTERDAM);
                    for (int i = 0; i < 8; i++) {
                        expect(201, send("POST", "/api/v1/" + slug + "/calendar/activities", coordinator,
                                activity(random, today.plusDays(1 + random.nextInt(27)), i)));
                    }
                } else if (on && module.equals("buurtnieuws")) {
                    for (int i = 0; i < 4; i++) {
                        expect(201, send("POST", "/api/v1/" + slug + "/buurtnieuws/items", coordinator,
                                Map.of("title", "Nieuws uit het dorp " + i, "body",
                                        "De dorpsbus rijdt vanaf maandag weer volgens de winterdienstregeling. " + i)));
                    }
                }
            }
        });
        System.out.printf("created initiatives %s..%s in %.1f s%n", slug(from), slug(to),
                (System.nanoTime() - t0) / 1e9);
        writeMix(to, mixFile);
    }

    /**
     * The request mix, one path a line: 1,000 times (a resident home page, a calendar API listing, a buurtnieuws API
     * listing), each of a random initiative among bench-0001..bench-{@code upTo} that has the module enabled.
     */
    void writeMix(int upTo, Path mixFile) throws Exception {
        String operator = token("admin", System.getenv("SAMENREDZAAM_ADMIN_PASSWORD"));
        List<String> all = new ArrayList<>();
        List<String> withCalendar = new ArrayList<>();
        List<String> withNews = new ArrayList<>();
        for (int n = 1; n <= upTo; n++) {
            String slug = slug(n);
            all.add(slug);
            for (JsonNode m : expect(200, send("GET", "/api/v1/" + slug + "/modules", operator, null))) {
                if (m.get("enabled").asBoolean()) {
                    if (m.get("id").asText().equals("calendar")) {
                        withCalendar.add(slug);
                    } else if (m.get("id").asText().equals("buurtnieuws")) {
                        withNews.add(slug);
                    }
                }
            }
        }
        Random random = new Random(upTo);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add("/" + all.get(random.nextInt(all.size())) + "/");
            lines.add("/api/v1/" + withCalendar.get(random.nextInt(withCalendar.size())) + "/calendar/activities");
            lines.add("/api/v1/" + withNews.get(random.nextInt(withNews.size())) + "/buurtnieuws/items");
        }
        Files.write(mixFile, lines);
        System.out.printf("mix over %d initiatives (%d with calendar, %d with buurtnieuws): %s%n", all.size(),
                withCalendar.size(), withNews.size(), mixFile);
    }

    static String slug(int n) {
        return String.format("bench-%04d", n);
    }

    static Map<String, Object> activity(Random random, LocalDate day, int i) {
        ZonedDateTime start = day.atTime(9 + random.nextInt(11), random.nextBoolean() ? 0 : 30).atZone(AMSTERDAM);
        ZonedDateTime end = start.plusMinutes(60 + 30 * random.nextInt(3));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", TITLES[random.nextInt(TITLES.length)] + " " + (i + 1));
        body.put("description", "Iedereen is welkom. Neem gerust een buurvrouw of buurman mee.");
        body.put("category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
        body.put("location", "Dorpshuis De Linde, Kerkstraat " + (1 + random.nextInt(40)));
        body.put("start", start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        body.put("end", end.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        body.put("capacity", random.nextInt(3) == 0 ? null : 10 + random.nextInt(20));
        return body;
    }

    String token(String user, String password) throws IOException, InterruptedException {
        if (password == null) {
            throw new IllegalStateException("no password for " + user + " (set SAMENREDZAAM_ADMIN_PASSWORD)");
        }
        return expect(200, send("POST", "/api/v1/auth/token", null, Map.of("username", user, "password", password)))
                .get("token").asText();
    }

    HttpResponse<String> send(String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? BodyPublishers.noBody()
                        : BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    HttpResponse<String> sendForm(String path, String token, Map<String, String> fields)
            throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + token)
                .POST(BodyPublishers.ofString(form.toString())).build();
        return client.send(request, BodyHandlers.ofString());
    }

    static JsonNode expect(int status, HttpResponse<String> response, int... alsoOk) throws IOException {
        boolean ok = response.statusCode() == status;
        for (int s : alsoOk) {
            ok |= response.statusCode() == s;
        }
        if (!ok) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        String body = response.body();
        return body == null || body.isBlank() || !body.trim().startsWith("{") && !body.trim().startsWith("[")
                ? JSON.nullNode() : JSON.readTree(body);
    }

    interface Task {
        void run(int i) throws Exception;
    }

    static void parallel(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < PARALLEL; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        task.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
