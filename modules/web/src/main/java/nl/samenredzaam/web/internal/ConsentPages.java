package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.ConsentChannel;
import nl.samenredzaam.identity.platform.ConsentRecord;
import nl.samenredzaam.identity.platform.ConsentService;
import nl.samenredzaam.identity.platform.ConsentStatus;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.Session;

/**
 * "Mijn toestemmingen" ({@code /platform/mijn-toestemmingen/{slug}}): every consent purpose of the
 * modules enabled in the initiative, its text, the person's state, one button to give and one to
 * withdraw, and the history. A coordinator records a paper form for a resident at
 * {@code .../{slug}/namens/{userId}}. The JSON API is {@code /api/v1/{slug}/consents}.
 */
public final class ConsentPages {

    /** A purpose as shown. */
    public record Row(String anchor, String module, String moduleId, String purposeId, int version, String title, String text,
            String withoutIt, String state, String stateText, boolean given, List<HistoryRow> history) {
    }

    /** One line of the history as shown. */
    public record HistoryRow(String at, String what, int version, String how) {
    }

    /** {@code PUT /api/v1/{slug}/consents/{module}/{purpose}}. */
    record GiveRequest(Integer version, Long person) {
    }

    private final IdentityService identity;
    private final ModuleRegistry modules;
    private final Responses responses;

    ConsentPages(IdentityService identity, ModuleRegistry modules, Responses responses) {
        this.identity = identity;
        this.modules = modules;
        this.responses = responses;
    }

    private static ConsentService service() {
        return PageServices.current().consents()
                .orElseThrow(() -> new ProblemException(503, "Toestemmingen zijn nu niet beschikbaar / consents are not available"));
    }

    // --- page ---

    void page(Exchange ex, Initiative initiative, List<String> rest) throws IOException {
        String base = "/platform/mijn-toestemmingen/" + initiative.slug();
        Optional<Actor> actor = ex.account().map(a -> identity.actor(a, initiative));
        if (actor.isEmpty()) {
            AdminPages.redirect(ex, "/login?returnTo=" + base);
            return;
        }
        if (actor.get().roles().isEmpty()) {
            throw ProblemException.forbidden();
        }
        Exchange.requireMethod(ex, "GET", "POST");
        if (ex.method().equals("POST")) {
            Csrf.check(ex);
        }
        ConsentService service = service();
        long person = actor.get().userId();
        String here = base;
        if (rest.size() == 1 && rest.get(0).equals("namens")) {
            // the coordinator's little form: pick a person, then go to their page
            Exchange.requireMethod(ex, "GET");
            String chosen = Optional.ofNullable(ex.queryParameter("persoon")).orElse("");
            if (!chosen.matches("[0-9]{1,18}")) {
                AdminPages.redirect(ex, base + "?kies=1#namens");
                return;
            }
            AdminPages.redirect(ex, base + "/namens/" + chosen);
            return;
        }
        if (rest.size() == 2 && rest.get(0).equals("namens")) {
            person = MemberPages.parseId(rest.get(1));
            here = base + "/namens/" + person;
        } else if (!rest.isEmpty()) {
            throw ProblemException.notFound();
        }
        Messages msg = Shell.messages(ex);
        String error = null;
        int status = 200;
        if (ex.method().equals("POST")) {
            String module = ex.formField("module").orElse("");
            String purpose = ex.formField("purpose").orElse("");
            String answer = ex.formField("answer").orElse("");
            int version;
            try {
                version = Integer.parseInt(ex.formField("version").orElse(""));
            } catch (NumberFormatException e) {
                version = 0;
            }
            if (!answer.equals("give") && !answer.equals("withdraw")) {
                throw ProblemException.badRequest("answer: give of withdraw / give or withdraw");
            }
            try {
                service.record(actor.get(), initiative, person, module, purpose, version, answer.equals("give"),
                        ConsentChannel.WEB, ex.locale().getLanguage(), ex.remoteAddress());
                AdminPages.redirect(ex, here + "?opgeslagen=1#" + anchor(module, purpose));
                return;
            } catch (ProblemException e) {
                if (e.status() != 409) {
                    throw e;
                }
                error = msg.get("consent.changed");
                status = 409;
            }
        }
        List<ConsentStatus> consents = service.consents(actor.get(), initiative, person);
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("csrf", ex.session().map(Session::csrfToken).orElse(""));
        params.put("rows", rows(consents, msg, ex.locale(), person));
        params.put("action", here);
        params.put("base", base);
        params.put("saved", "1".equals(ex.queryParameter("opgeslagen")));
        params.put("error", error);
        params.put("chooseError", "1".equals(ex.queryParameter("kies")));
        params.put("forName", person == actor.get().userId() ? null
                : identity.account(person).map(Account::displayName).orElse("#" + person));
        params.put("people", person == actor.get().userId() ? service.recordableFor(actor.get(), initiative) : List.<Member>of());
        Html content = Templates.render("consents.jte", params);
        responses.write(ex, WebResponse.page(msg.get("consent.title"), content).status(status), new Shell.Context(initiative, actor, null));
    }

    private List<Row> rows(List<ConsentStatus> consents, Messages msg, Locale locale, long person) {
        Map<Long, String> names = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (ConsentStatus c : consents) {
            List<HistoryRow> history = new ArrayList<>();
            for (ConsentRecord r : c.history()) {
                String how = switch (r.channel()) {
                    case WEB -> msg.get("consent.channel.web");
                    case API -> msg.get("consent.channel.api");
                    case PAPER -> msg.get("consent.channel.paper", names.computeIfAbsent(r.recordedBy(),
                            id -> identity.account(id).map(Account::displayName).orElse("#" + id)));
                };
                history.add(new HistoryRow(Dates.dateTime(r.at(), locale),
                        msg.get(r.anonymised() ? "consent.history.erased" : r.given() ? "consent.history.given" : "consent.history.withdrawn"),
                        r.textVersion(), how));
            }
            String since = c.since() == null ? "" : Dates.dateTime(c.since(), locale);
            String stateText = switch (c.state()) {
                case GIVEN -> msg.get("consent.state.given", since);
                case WITHDRAWN -> msg.get("consent.state.withdrawn", since);
                case OUTDATED -> msg.get("consent.state.outdated");
                case NOT_ASKED -> msg.get("consent.state.notAsked");
            };
            String module = modules.info(c.moduleId()).map(m -> m.name().in(locale)).orElse(c.moduleId());
            rows.add(new Row(anchor(c.moduleId(), c.purpose().id()), module, c.moduleId(), c.purpose().id(), c.purpose().version(),
                    c.purpose().title().in(locale), c.purpose().text().in(locale), c.purpose().withoutIt().in(locale),
                    c.state().name().toLowerCase(Locale.ROOT), stateText, c.given(), history));
        }
        return rows;
    }

    static String anchor(String module, String purpose) {
        return ("t-" + module + "-" + purpose).replaceAll("[^a-z0-9-]", "");
    }

    // --- API ---

    /** {@code /api/v1/{slug}/consents[/{module}/{purpose}]}. */
    void api(Exchange ex, Initiative initiative, List<String> rest) throws IOException {
        Actor actor = ex.account().map(a -> identity.actor(a, initiative))
                .orElseThrow(() -> new ProblemException(401, "Log eerst in / please sign in first"));
        if (!ex.method().equals("GET")) {
            Csrf.check(ex);
        }
        ConsentService service = service();
        Map<String, String> errors = new LinkedHashMap<>();
        Long person = personParam(ex.queryParameter("person"), errors);
        if (rest.isEmpty()) {
            Exchange.requireMethod(ex, "GET");
            if (!errors.isEmpty()) {
                throw ProblemException.invalidFields(errors);
            }
            long who = person == null ? actor.userId() : person;
            List<Map<String, Object>> out = service.consents(actor, initiative, who).stream().map(ConsentPages::json).toList();
            Responses.json(ex, 200, Map.of("person", who, "purposes", out));
            return;
        }
        if (rest.size() != 2) {
            throw ProblemException.notFound();
        }
        Exchange.requireMethod(ex, "PUT", "DELETE");
        boolean give = ex.method().equals("PUT");
        int version = 0;
        if (give) {
            GiveRequest body = Json.read(ex.body(), GiveRequest.class);
            if (body.version() == null) {
                errors.put("version", "Verplicht: de tekstversie die de persoon las / required: the text version the person read");
            } else if (body.version() < 1) {
                errors.put("version", "1 of hoger / 1 or higher");
            } else {
                version = body.version();
            }
            if (body.person() != null) {
                person = body.person();
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        long who = person == null ? actor.userId() : person;
        ConsentStatus s = service.record(actor, initiative, who, rest.get(0), rest.get(1), version, give, ConsentChannel.API,
                ex.locale().getLanguage(), ex.remoteAddress());
        Responses.json(ex, 200, json(s));
    }

    private static Long personParam(String value, Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            errors.put("person", "Een accountnummer / an account number");
            return null;
        }
    }

    static Map<String, Object> json(ConsentStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", s.moduleId());
        m.put("purpose", s.purpose().id());
        m.put("version", s.purpose().version());
        m.put("title", Map.of("nl", s.purpose().title().nl(), "en", s.purpose().title().en()));
        m.put("text", Map.of("nl", s.purpose().text().nl(), "en", s.purpose().text().en()));
        m.put("withoutIt", Map.of("nl", s.purpose().withoutIt().nl(), "en", s.purpose().withoutIt().en()));
        m.put("state", s.state().name().toLowerCase(Locale.ROOT));
        m.put("given", s.given());
        m.put("since", s.since() == null ? null : s.since().toString());
        m.put("history", s.history().stream().map(r -> {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("version", r.textVersion());
            h.put("given", r.given());
            h.put("channel", r.channel().name().toLowerCase(Locale.ROOT));
            h.put("at", r.at().toString());
            h.put("recordedBy", r.recordedBy());
            h.put("erased", r.anonymised());
            return h;
        }).toList());
        return m;
    }
}
