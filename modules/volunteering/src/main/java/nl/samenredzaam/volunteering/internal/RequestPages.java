package nl.samenredzaam.volunteering.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;
import nl.samenredzaam.volunteering.internal.matching.Ranking;

/** The pages under {@code /{slug}/volunteering}: overview, new request, a request with its actions. */
final class RequestPages {

    private final Requests service;
    private final RequestRepository requests;
    private final ProfileRepository profiles;
    private final Matching matching;
    private final Web web;

    RequestPages(Requests service, RequestRepository requests, ProfileRepository profiles, Matching matching, Web web) {
        this.service = service;
        this.requests = requests;
        this.profiles = profiles;
        this.matching = matching;
        this.web = web;
    }

    WebResponse home(WebRequest req) {
        Viewer v = Viewer.of(req);
        Messages msg = req.messages();
        Map<String, Object> p = base(req);
        boolean canAsk = req.isAllowed(VolunteeringModule.ASK);
        p.put("canAsk", canAsk);
        p.put("mine", canAsk ? views(req, v, requests.ofResident(req.sql(), v.userId())) : List.of());
        p.put("volunteer", v.volunteer());
        p.put("open", v.volunteer() ? views(req, v, requests.openForVolunteers(req.sql())) : List.of());
        p.put("assigned", v.volunteer() ? views(req, v, requests.assignedTo(req.sql(), v.userId())) : List.of());
        p.put("hasProfile", v.volunteer() && profiles.ofUser(req.sql(), v.userId()).isPresent());
        p.put("coordinator", v.coordinator());
        State filter = null;
        if (v.coordinator()) {
            String stateParam = req.query("state").orElse("");
            filter = stateParam.isEmpty() ? null : parseStateOrNull(stateParam);
            List<HelpRequest> all = requests.all(req.sql(), filter);
            if (filter == null) {
                all = all.stream().filter(r -> !nl.samenredzaam.volunteering.internal.workflow.Workflow.isFinal(r.state())).toList();
            }
            req.audit(new AuditEvent(AuditEvent.Action.SEARCH, Web.RECORD, null, null, null, Web.PURPOSE, true));
            p.put("all", views(req, v, all));
        } else {
            p.put("all", List.of());
        }
        p.put("stateFilter", filter == null ? "" : filter.name().toLowerCase(java.util.Locale.ROOT));
        p.put("states", java.util.Arrays.stream(State.values()).map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList());
        return WebResponse.page(msg.get("home.title"), Templates.render("home.jte", p));
    }

    WebResponse form(WebRequest req) {
        return showForm(req, RequestForm.empty(), Map.of(), 200, null);
    }

    WebResponse create(WebRequest req) {
        Viewer v = Viewer.of(req);
        RequestForm form = fromForm(req).forActingOnBehalf(req.requireActor().onBehalfOf());
        String memberName = RequestForm.parseId(form.forUserId()).flatMap(id -> web.memberName(req.sql(), id)).orElse(null);
        RequestForm.Checked checked = form.check(req.messages(), v, web.today(), web.activities(req.sql()), memberName,
                Categories.of(req));
        if (!checked.problems().isEmpty()) {
            return showForm(req, form, checked.problems(), 400, null);
        }
        long id = service.create(req.sql(), v, checked.request(), Web.policy(req));
        Web.auditIfOthers(req, v, requests.find(req.sql(), id).orElseThrow(), AuditEvent.Action.CREATE);
        return WebResponse.redirect(req.link("/volunteering/vragen/" + id));
    }

    /** The form filled with the request, to change it. */
    WebResponse editForm(WebRequest req) {
        Viewer v = Viewer.of(req);
        HelpRequest r = service.visible(req.sql(), v, req.pathId("id")).orElseThrow(ProblemException::notFound);
        if (!Requests.canEdit(v, r)) {
            throw ProblemException.notFound();
        }
        Web.auditIfOthers(req, v, r, AuditEvent.Action.READ);
        return showForm(req, RequestForm.of(r), Map.of(), 200, r);
    }

    WebResponse edit(WebRequest req) {
        Viewer v = Viewer.of(req);
        HelpRequest r = service.visible(req.sql(), v, req.pathId("id")).orElseThrow(ProblemException::notFound);
        RequestForm form = fromForm(req);
        RequestForm.Checked checked = form.check(req.messages(), Web.asAsker(v), web.today(), web.activities(req.sql()), null,
                Categories.of(req));
        if (!checked.problems().isEmpty()) {
            return showForm(req, form, checked.problems(), 400, r);
        }
        try {
            service.edit(req.sql(), v, r.id(), checked.request());
        } catch (ProblemException e) {
            if (e.status() == 409) {
                Map<String, String> problems = e.fieldErrors().isEmpty() ? Map.of() : Map.of("vulnerable", req.messages().get("error.vog.assigned"));
                return problems.isEmpty() ? showDetail(req, v, r, Map.of(), req.messages().get("error.conflict"), 409)
                        : showForm(req, form, problems, 409, r);
            }
            throw e;
        }
        Web.auditIfOthers(req, v, r, AuditEvent.Action.UPDATE);
        return WebResponse.redirect(req.link("/volunteering/vragen/" + r.id()));
    }

    private static RequestForm fromForm(WebRequest req) {
        return new RequestForm(req.form("category").orElse(""), req.form("description").orElse(""),
                req.form("when").orElse(""), req.form("date").orElse(""), req.form("weekday").orElse(""), req.form("from").orElse(""),
                req.form("to").orElse(""), req.form("address").orElse(""), req.form("neighbourhood").orElse(""),
                req.form("urgency").orElse(""), req.form("vulnerable").isPresent(), req.form("visibility").orElse(""),
                req.form("phone").orElse(""), req.form("forName").orElse(""), req.form("forUserId").orElse(""),
                req.form("activity").orElse(""));
    }

    private WebResponse showForm(WebRequest req, RequestForm form, Map<String, String> problems, int status, HelpRequest editing) {
        Viewer v = Viewer.of(req);
        Messages msg = req.messages();
        Map<String, Object> p = base(req);
        p.put("input", form);
        p.put("problems", problems);
        p.put("categories", Categories.of(req));
        p.put("activities", web.activities(req.sql()));
        p.put("coordinator", v.coordinator());
        p.put("residents", v.coordinator() ? web.residents(req.sql()) : List.of());
        p.put("action", req.link(editing == null ? "/volunteering/vragen" : "/volunteering/vragen/" + editing.id() + "/wijzigen"));
        p.put("dateTimes", Web.dateTimes(msg.locale()));
        p.put("editing", editing != null);
        p.put("cancelHref", req.link(editing == null ? "/volunteering" : "/volunteering/vragen/" + editing.id()));
        String title = editing == null ? msg.get("form.title") : msg.get("form.edit.title", editing.id());
        return WebResponse.page(title, Templates.render("form.jte", p)).status(status);
    }

    WebResponse detail(WebRequest req) {
        Viewer v = Viewer.of(req);
        HelpRequest r = service.visible(req.sql(), v, req.pathId("id")).orElseThrow(ProblemException::notFound);
        Web.auditIfOthers(req, v, r, AuditEvent.Action.READ);
        return showDetail(req, v, r, Map.of(), null, 200);
    }

    WebResponse act(WebRequest req) {
        Viewer v = Viewer.of(req);
        long id = req.pathId("id");
        HelpRequest before = requests.find(req.sql(), id).orElseThrow(ProblemException::notFound);
        if (!Requests.canSee(v, before)) {
            boolean tooLate = v.volunteer() && before.visibility() == HelpRequest.Visibility.VOLUNTEERS
                    && "accept".equals(req.form("action").orElse(""));
            if (!tooLate) {
                throw ProblemException.notFound();
            }
            return tooLate(req);
        }
        Requests.Action action;
        try {
            action = RequestApi.parseAction(req.form("action").orElse(""));
        } catch (ProblemException e) {
            return showDetail(req, v, before, Map.of(), req.messages().get("error.action"), 400);
        }
        Long volunteer = RequestForm.parseId(req.form("volunteerUserId").orElse(null)).orElse(null);
        Integer minutes = null;
        Map<String, String> problems = new HashMap<>();
        if (action == Requests.Action.COMPLETE) {
            minutes = parseHours(req.form("hours").orElse(""));
            if (minutes == null) {
                problems.put("hours", req.messages().get("error.hours"));
            }
            String feedback = req.form("feedback").orElse("");
            if (feedback.length() > 1000) {
                problems.put("feedback", req.messages().get("error.too.long", 1000));
            }
            if (!problems.isEmpty()) {
                return showDetail(req, v, before, problems, null, 400);
            }
        }
        if (action == Requests.Action.CLOSE && req.form("feedback").orElse("").length() > 1000) {
            return showDetail(req, v, before, Map.of("closeFeedback", req.messages().get("error.too.long", 1000)), null, 400);
        }
        if ((action == Requests.Action.PROPOSE || action == Requests.Action.CONFIRM && before.state() != State.PROPOSED)
                && volunteer == null) {
            return showDetail(req, v, before, Map.of("volunteerUserId", req.messages().get("error.volunteer")), null, 400);
        }
        try {
            HelpRequest after = service.act(req.sql(), v, id,
                    new Requests.ActionInput(action, volunteer, minutes, req.form("feedback").orElse(null)), Web.policy(req));
            Web.auditIfOthers(req, v, after, AuditEvent.Action.UPDATE);
        } catch (ProblemException e) {
            if (e.status() == 409 || e.status() == 400) {
                String key = e.fieldErrors().containsKey("volunteerUserId") ? "error.vog.needed" : "error.conflict";
                if (e.status() == 409 && before.oneToOneVulnerable() && e.detail().contains("VOG")) {
                    key = "error.vog.needed";
                }
                HelpRequest now = requests.find(req.sql(), id).orElseThrow();
                if (!Requests.canSee(v, now)) {
                    return tooLate(req);
                }
                return showDetail(req, v, now, Map.of(), req.messages().get(key), e.status());
            }
            throw e;
        }
        if (!service.visible(req.sql(), v, id).isPresent()) {
            return WebResponse.redirect(req.link("/volunteering"));
        }
        return WebResponse.redirect(req.link("/volunteering/vragen/" + id));
    }

    /** The volunteer was a moment too late: back to the overview with a clear message (409). */
    private WebResponse tooLate(WebRequest req) {
        Messages msg = req.messages();
        Map<String, Object> p = base(req);
        p.put("text", msg.get("error.taken"));
        return WebResponse.page(msg.get("error.taken.title"), Templates.render("message.jte", p)).status(409);
    }

    WebResponse repeat(WebRequest req) {
        Viewer v = Viewer.of(req);
        long id = req.pathId("id");
        HelpRequest before = service.visible(req.sql(), v, id).orElseThrow(ProblemException::notFound);
        java.time.LocalDate date = null;
        String typed = req.form("date").orElse("");
        if (!typed.isEmpty()) {
            try {
                date = java.time.LocalDate.parse(typed);
            } catch (java.time.DateTimeException e) {
                return showDetail(req, v, before, Map.of("date", req.messages().get("error.date")), null, 400);
            }
            if (date.isBefore(web.today())) {
                return showDetail(req, v, before, Map.of("date", req.messages().get("error.date.past")), null, 400);
            }
        }
        try {
            long newId = service.repeat(req.sql(), v, id, date);
            Web.auditIfOthers(req, v, requests.find(req.sql(), newId).orElseThrow(), AuditEvent.Action.CREATE);
            return WebResponse.redirect(req.link("/volunteering/vragen/" + newId));
        } catch (ProblemException e) {
            if (e.status() == 409) {
                return showDetail(req, v, before, Map.of(), req.messages().get("error.conflict"), 409);
            }
            throw e;
        }
    }

    private WebResponse showDetail(WebRequest req, Viewer v, HelpRequest r, Map<String, String> problems, String alert, int status) {
        Messages msg = req.messages();
        Map<String, Object> p = base(req);
        List<String> actions = new java.util.ArrayList<>(RequestView.actionsFor(r, v));
        boolean vogMissing = false;
        if (r.oneToOneVulnerable() && v.volunteer() && !v.coordinator() && actions.contains("accept")
                && profiles.ofUser(req.sql(), v.userId()).filter(x -> x.vogValid(web.today())).isEmpty()) {
            actions.remove("accept"); // the button would only answer "you need a VOG": say so instead
            vogMissing = true;
        }
        RequestView view = web.view(req, r, v, actions);
        // whether the volunteer may see the phone number, for the person and the coordinator (the register decides)
        String phoneNote = null;
        String consentHref = null;
        if (r.residentUserId() != null && r.residentPhone() != null && (v.coordinator() || r.isOwnedBy(v.userId()))) {
            boolean shared = web.phoneShared(req.sql(), r.residentUserId());
            boolean own = r.isOwnedBy(v.userId());
            phoneNote = msg.get((own ? "detail.phone.own." : "detail.phone.coordinator.") + (shared ? "shared" : "notShared"));
            consentHref = own ? "/platform/mijn-toestemmingen/" + req.initiative().slug() + "#t-volunteering-share-phone" : null;
        }
        p.put("phoneNote", phoneNote);
        p.put("consentHref", consentHref);
        p.put("vogMissing", vogMissing);
        p.put("r", view);
        p.put("problems", problems);
        p.put("alert", alert);
        p.put("action", req.link("/volunteering/vragen/" + r.id() + "/actie"));
        p.put("repeatAction", req.link("/volunteering/vragen/" + r.id() + "/opnieuw"));
        p.put("editHref", req.link("/volunteering/vragen/" + r.id() + "/wijzigen"));
        p.put("backHref", req.link("/volunteering"));
        boolean suggest = v.coordinator() && (r.state() == State.SUBMITTED || r.state() == State.OPEN);
        Ranking ranking = suggest ? matching.suggest(req.sql(), r, web.today(), 10) : null;
        p.put("suggestions", ranking == null ? List.of() : ranking.suggestions());
        p.put("withoutVog", ranking == null ? 0 : ranking.withoutValidVog());
        p.put("showSuggestions", suggest);
        p.put("dates", Web.dates(msg.locale()));
        p.put("dateTimes", Web.dateTimes(msg.locale()));
        return WebResponse.page(msg.get("detail.title", r.id()), Templates.render("detail.jte", p)).status(status);
    }

    private Map<String, Object> base(WebRequest req) {
        Map<String, Object> p = new HashMap<>();
        p.put("msg", req.messages());
        p.put("csrf", req.csrfToken());
        p.put("base", req.link("/volunteering"));
        return p;
    }

    private List<RequestView> views(WebRequest req, Viewer v, List<HelpRequest> list) {
        return list.stream().filter(r -> Requests.canSee(v, r))
                .map(r -> web.view(req, r, v, RequestView.actionsFor(r, v))).toList();
    }

    private static State parseStateOrNull(String value) {
        try {
            return State.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** "1", "1,5", "1.5", "1:30" → minutes; null when not a sensible time (up to 24 hours). */
    static Integer parseHours(String value) {
        String v = value.strip().replace(',', '.');
        if (v.isEmpty()) {
            return null;
        }
        try {
            int minutes;
            if (v.contains(":")) {
                String[] parts = v.split(":");
                minutes = Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
            } else {
                minutes = (int) Math.round(Double.parseDouble(v) * 60);
            }
            return minutes >= 1 && minutes <= 24 * 60 ? minutes : null;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }
}
