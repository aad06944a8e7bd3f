package nl.samenredzaam.volunteering.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;
import nl.samenredzaam.volunteering.internal.matching.Ranking;

/** JSON API: {@code /api/v1/{slug}/volunteering/...}. */
final class RequestApi {

    /** The body of {@code POST /requests/{id}/actions}. */
    record ActionBody(String action, Long volunteerUserId, Integer minutes, String feedback) {
    }

    private final Requests service;
    private final RequestRepository requests;
    private final Matching matching;
    private final Web web;

    RequestApi(Requests service, RequestRepository requests, Matching matching, Web web) {
        this.service = service;
        this.requests = requests;
        this.matching = matching;
        this.web = web;
    }

    WebResponse categories(WebRequest req) {
        return WebResponse.json(Categories.of(req));
    }

    WebResponse activities(WebRequest req) {
        return WebResponse.json(web.activities(req.sql()).stream()
                .map(a -> Map.of("key", a.key(), "title", a.title(), "start", a.start().toString())).toList());
    }

    /** {@code ?scope=mine|open|assigned|all}; default {@code mine}. */
    WebResponse list(WebRequest req) {
        Viewer v = Viewer.of(req);
        String scope = req.query("scope").orElse("mine");
        List<HelpRequest> found = switch (scope) {
            case "mine" -> requests.ofResident(req.sql(), v.userId());
            case "open" -> {
                if (!v.volunteer() && !v.coordinator()) {
                    throw ProblemException.forbidden();
                }
                yield requests.openForVolunteers(req.sql());
            }
            case "assigned" -> requests.assignedTo(req.sql(), v.userId());
            case "all" -> {
                if (!v.coordinator()) {
                    throw ProblemException.forbidden();
                }
                State state = parseState(req.query("state").orElse(null));
                req.audit(new AuditEvent(AuditEvent.Action.SEARCH, Web.RECORD, null, null, null, Web.PURPOSE, true));
                yield requests.all(req.sql(), state);
            }
            default -> throw ProblemException.invalidField("scope", "mine, open, assigned or all");
        };
        return WebResponse.json(found.stream().filter(r -> Requests.canSee(v, r))
                .map(r -> web.view(req, r, v, RequestView.actionsFor(r, v))).toList());
    }

    WebResponse get(WebRequest req) {
        Viewer v = Viewer.of(req);
        HelpRequest r = service.visible(req.sql(), v, req.pathId("id")).orElseThrow(ProblemException::notFound);
        Web.auditIfOthers(req, v, r, AuditEvent.Action.READ);
        return WebResponse.json(web.view(req, r, v, RequestView.actionsFor(r, v)));
    }

    WebResponse create(WebRequest req) {
        Viewer v = Viewer.of(req);
        RequestForm form = req.body(RequestForm.class).forActingOnBehalf(req.requireActor().onBehalfOf());
        String memberName = RequestForm.parseId(form.forUserId()).flatMap(id -> web.memberName(req.sql(), id)).orElse(null);
        RequestForm.Checked checked = form.check(req.messages(), v, web.today(), web.activities(req.sql()), memberName,
                Categories.of(req));
        if (!checked.problems().isEmpty()) {
            throw ProblemException.invalidFields(checked.problems());
        }
        long id = service.create(req.sql(), v, checked.request(), Web.policy(req));
        HelpRequest r = requests.find(req.sql(), id).orElseThrow();
        Web.auditIfOthers(req, v, r, AuditEvent.Action.CREATE);
        return WebResponse.created("/api/v1/" + req.initiative().slug() + "/volunteering/requests/" + id,
                web.view(req, r, v, RequestView.actionsFor(r, v)));
    }

    WebResponse edit(WebRequest req) {
        Viewer v = Viewer.of(req);
        RequestForm form = req.body(RequestForm.class);
        RequestForm.Checked checked = form.check(req.messages(), Web.asAsker(v), web.today(), web.activities(req.sql()), null,
                Categories.of(req));
        if (!checked.problems().isEmpty()) {
            throw ProblemException.invalidFields(checked.problems());
        }
        HelpRequest r = service.edit(req.sql(), v, req.pathId("id"), checked.request());
        Web.auditIfOthers(req, v, r, AuditEvent.Action.UPDATE);
        return WebResponse.json(web.view(req, r, v, RequestView.actionsFor(r, v)));
    }

    WebResponse act(WebRequest req) {
        Viewer v = Viewer.of(req);
        ActionBody body = req.body(ActionBody.class);
        Requests.Action action = parseAction(body.action());
        HelpRequest r = service.act(req.sql(), v, req.pathId("id"),
                new Requests.ActionInput(action, body.volunteerUserId(), body.minutes(), body.feedback()), Web.policy(req));
        Web.auditIfOthers(req, v, r, AuditEvent.Action.UPDATE);
        return WebResponse.json(web.view(req, r, v, RequestView.actionsFor(r, v)));
    }

    /** Body of {@code POST /requests/{id}/repeat}: an optional new date. */
    record RepeatBody(String date) {
    }

    WebResponse repeat(WebRequest req) {
        Viewer v = Viewer.of(req);
        RepeatBody body = req.body(RepeatBody.class);
        java.time.LocalDate date = null;
        if (body.date() != null && !body.date().isBlank()) {
            try {
                date = java.time.LocalDate.parse(body.date().strip());
            } catch (java.time.DateTimeException e) {
                throw ProblemException.invalidField("date", req.messages().get("error.date"));
            }
        }
        long id = service.repeat(req.sql(), v, req.pathId("id"), date);
        HelpRequest r = requests.find(req.sql(), id).orElseThrow();
        Web.auditIfOthers(req, v, r, AuditEvent.Action.CREATE);
        return WebResponse.created("/api/v1/" + req.initiative().slug() + "/volunteering/requests/" + id,
                web.view(req, r, v, RequestView.actionsFor(r, v)));
    }

    WebResponse suggestions(WebRequest req) {
        Viewer v = Viewer.of(req);
        HelpRequest r = service.visible(req.sql(), v, req.pathId("id")).orElseThrow(ProblemException::notFound);
        int limit = req.query("limit").map(RequestApi::parseLimit).orElse(10);
        Ranking ranking = matching.suggest(req.sql(), r, web.today(), limit);
        var messages = req.messages();
        List<Map<String, Object>> out = ranking.suggestions().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("volunteerUserId", s.candidate().userId());
            m.put("name", s.candidate().name());
            m.put("score", s.score());
            m.put("reasons", s.reasons().stream().map(x -> Map.of("code", x.kind().name().toLowerCase(Locale.ROOT),
                    "points", x.points(), "text", messages.get(x.messageKey(), x.count(), Categories.label(r.category(), req.locale(), Categories.of(req)))))
                    .toList());
            return m;
        }).toList();
        return WebResponse.json(Map.of("requestId", r.id(), "suggestions", out, "withoutValidVog", ranking.withoutValidVog()));
    }

    static Requests.Action parseAction(String value) {
        try {
            return Requests.Action.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("action", "one of " + java.util.Arrays.toString(Requests.Action.values()).toLowerCase(Locale.ROOT));
        }
    }

    static State parseState(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return State.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("state", "unknown state");
        }
    }

    private static int parseLimit(String value) {
        try {
            return Math.max(1, Math.min(100, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("limit", "a number from 1 to 100");
        }
    }
}
