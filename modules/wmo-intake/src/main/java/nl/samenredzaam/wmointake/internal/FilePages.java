package nl.samenredzaam.wmointake.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.SpiderWeb;
import nl.samenredzaam.instruments.ZrmDomain;
import nl.samenredzaam.wmointake.internal.coop.ActivityOffer;
import nl.samenredzaam.wmointake.internal.coop.VolunteerOffer;

/** The pages of one file: the overview with its step forms, the conversation, the measurements, the PDF and the export. */
public final class FilePages {

    /** What the file page needs besides the file. */
    public record Extras(String today, String notice, List<ActivityOffer.Activity> activities, boolean calendarOn,
            List<VolunteerOffer.Category> categories, Html spiderWeb, List<Member> professionals, List<Member> coaches,
            List<Member> coordinators, Map<Long, String> linkStates) {

        /** How an arranged activity or volunteer request stands now, or {@code null}. */
        public String linkState(long linkId) {
            return linkStates.get(linkId);
        }
    }

    private final IntakeService service;

    FilePages(IntakeService service, IntakePages pages) {
        this.service = service;
    }

    WebResponse show(WebRequest req) {
        IntakeFile f = service.open(req, req.pathId("id"), Action.READ);
        String notice = req.query("opgeslagen").isPresent() ? req.messages().get("notice.saved") : null;
        return render(req, f, Map.of(), Map.of(), 200, notice);
    }

    private WebResponse render(WebRequest req, IntakeFile f, Map<String, String> problems, Map<String, String> values, int status,
            String notice) {
        FileDetail d = service.detail(req, f);
        var sql = req.sql();
        boolean edit = d.level().canEdit() && !f.closed();
        List<ActivityOffer.Activity> activities = List.of();
        boolean calendarOn = false;
        List<VolunteerOffer.Category> categories = List.of();
        if (edit) {
            var cal = service.cooperation().activities(sql);
            calendarOn = cal.isPresent();
            if (calendarOn) {
                OffsetDateTime now = OffsetDateTime.now(java.time.Clock.fixed(service.now(), IntakeService.AMSTERDAM));
                activities = cal.get().upcoming(sql, now, now.plusWeeks(8), 30);
            }
            categories = service.cooperation().volunteers(sql).map(v -> v.categories(sql)).orElse(List.of());
        }
        Html web = d.currentPh() == null ? new Html("")
                : SpiderWeb.figure(d.currentPh(), d.previousPh(), req.locale(), "pg-web-" + f.id());
        var members = service.members();
        Extras x = new Extras(service.today().toString(), notice, activities, calendarOn, categories, web,
                edit ? members.withRole(sql, Role.PROFESSIONAL) : List.of(), edit ? members.coaches(sql) : List.of(),
                edit ? members.withRole(sql, Role.COORDINATOR) : List.of(), linkStates(req, d));
        Map<String, Object> p = new HashMap<>();
        p.put("v", IntakePages.view(req, problems, values));
        p.put("d", d);
        p.put("x", x);
        String title = req.messages().get("file.title", f.residentName());
        return WebResponse.page(title, Templates.render("file.jte", p)).status(status);
    }

    /** The current state of arranged activities and volunteer requests, from the other modules when they are on. */
    private Map<Long, String> linkStates(WebRequest req, FileDetail d) {
        Map<Long, String> states = new HashMap<>();
        var sql = req.sql();
        var msg = req.messages();
        var activities = service.cooperation().activities(sql);
        var volunteers = service.cooperation().volunteers(sql);
        for (Link l : d.links()) {
            if (l.externalId() == null) {
                continue;
            }
            if (l.kind() == Choices.LinkKind.ACTIVITY && activities.isPresent()) {
                activities.get().registrationState(sql, l.externalId())
                        .ifPresent(s -> states.put(l.id(), msg.get("linkState.activity." + s)));
            } else if (l.kind() == Choices.LinkKind.VOLUNTEER && volunteers.isPresent()) {
                volunteers.get().status(sql, l.externalId()).ifPresent(s -> states.put(l.id(), s.volunteerFirstName() == null
                        ? msg.get("linkState.help." + s.state()) : msg.get("linkState.help.withName", msg.get("linkState.help." + s.state()),
                                s.volunteerFirstName())));
            }
        }
        return states;
    }

    private WebResponse saved(WebRequest req, long id, String anchor) {
        return WebResponse.redirect(req.link("/" + WmoIntakeModule.ID + "/dossiers/" + id) + "?opgeslagen=1" + anchor);
    }

    // --- conversation ----------------------------------------------------------------------------

    WebResponse conversationForm(WebRequest req) {
        IntakeFile f = service.openForChange(req, req.pathId("id"), Action.READ);
        Conversation c = service.detail(req, f).conversation();
        return conversationPage(req, f, c, Map.of(), 200);
    }

    WebResponse saveConversation(WebRequest req) {
        long id = req.pathId("id");
        Map<String, String> values = new HashMap<>();
        values.put("heldOn", req.form("heldOn").orElse(null));
        values.put("present", req.form("present").orElse(null));
        for (String field : Conversation.FIELDS) {
            values.put(field, req.form(field).orElse(null));
        }
        Checked<Conversation> c = service.saveConversation(req, id, values);
        if (!c.ok()) {
            IntakeFile f = service.openForChange(req, id);
            Map<String, String> shown = new HashMap<>();
            values.forEach((k, v) -> shown.put(k, v == null ? "" : v));
            return conversationPage(req, f, Conversation.empty(id), c.problems(), 400, shown);
        }
        return saved(req, id, "#gesprek");
    }

    private WebResponse conversationPage(WebRequest req, IntakeFile f, Conversation c, Map<String, String> problems, int status) {
        return conversationPage(req, f, c, problems, status, Map.of());
    }

    private WebResponse conversationPage(WebRequest req, IntakeFile f, Conversation c, Map<String, String> problems, int status,
            Map<String, String> values) {
        Map<String, Object> p = new HashMap<>();
        p.put("v", IntakePages.view(req, problems, values));
        p.put("c", c);
        p.put("action", fileLink(req, f.id(), "/gesprek"));
        p.put("back", fileLink(req, f.id(), ""));
        return WebResponse.page(req.messages().get("conversation.title", f.residentName()), Templates.render("conversation.jte", p))
                .status(status);
    }

    // --- measurements ----------------------------------------------------------------------------

    WebResponse phForm(WebRequest req) {
        IntakeFile f = service.openForChange(req, req.pathId("id"), Action.READ);
        return measurePage(req, f, "ph.jte", "ph.title.page", Map.of(), Map.of(), 200);
    }

    WebResponse savePh(WebRequest req) {
        long id = req.pathId("id");
        Map<String, String> raw = new HashMap<>();
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            raw.put(d.key(), req.form(d.key()).orElse(null));
        }
        List<String> talk = req.formValues("wantToTalk");
        var r = service.addPositiveHealth(req, id, req.form("measuredOn").orElse(null), raw, talk);
        if (!r.ok()) {
            Map<String, String> values = new HashMap<>();
            raw.forEach((k, v) -> values.put(k, v == null ? "" : v));
            talk.forEach(k -> values.put("talk-" + k, "1"));
            values.put("measuredOn", req.form("measuredOn").orElse(""));
            return measurePage(req, service.openForChange(req, id), "ph.jte", "ph.title.page", r.problems(), values, 400);
        }
        return saved(req, id, "#metingen");
    }

    WebResponse zrmForm(WebRequest req) {
        IntakeFile f = service.openForChange(req, req.pathId("id"), Action.READ);
        return measurePage(req, f, "zrm.jte", "zrm.title.page", Map.of(), Map.of(), 200);
    }

    WebResponse saveZrm(WebRequest req) {
        long id = req.pathId("id");
        Map<String, String> raw = new HashMap<>();
        for (ZrmDomain d : ZrmDomain.values()) {
            raw.put(d.key(), req.form(d.key()).orElse(null));
        }
        var r = service.addZrm(req, id, req.form("measuredOn").orElse(null), raw);
        if (!r.ok()) {
            Map<String, String> values = new HashMap<>();
            raw.forEach((k, v) -> values.put(k, v == null ? "" : v));
            values.put("measuredOn", req.form("measuredOn").orElse(""));
            return measurePage(req, service.openForChange(req, id), "zrm.jte", "zrm.title.page", r.problems(), values, 400);
        }
        return saved(req, id, "#metingen");
    }

    private WebResponse measurePage(WebRequest req, IntakeFile f, String template, String titleKey, Map<String, String> problems,
            Map<String, String> values, int status) {
        Map<String, Object> p = new HashMap<>();
        p.put("v", IntakePages.view(req, problems, values));
        p.put("action", fileLink(req, f.id(), template.equals("ph.jte") ? "/positieve-gezondheid" : "/zrm"));
        p.put("back", fileLink(req, f.id(), "#metingen"));
        p.put("today", service.today().toString());
        return WebResponse.page(req.messages().get(titleKey, f.residentName()), Templates.render(template, p)).status(status);
    }

    // --- steps and links -------------------------------------------------------------------------

    WebResponse step(WebRequest req) {
        long id = req.pathId("id");
        Steps.Step step = stepOf(req.pathParam("step"));
        Map<String, String> values = new HashMap<>();
        for (String name : List.of("planReceivedOn", "verslagSentOn", "reaction", "agreed", "reactionOn", "aanvraagOn", "beschikkingOn",
                "decision", "decisionNote", "closedOn", "closeReason", "retentionYears", "professionalUserId", "coachUserId",
                "coordinatorUserId")) {
            req.form(name).ifPresent(v -> values.put(name, v));
        }
        Checked<IntakeFile> r = service.step(req, id, step, values);
        if (!r.ok()) {
            return render(req, service.openForChange(req, id), r.problems(), values, 400, null);
        }
        return saved(req, id, step == Steps.Step.PLAN ? "#termijnen" : step == Steps.Step.TOEWIJZING ? "#toewijzing" : "#verslag");
    }

    WebResponse residentReaction(WebRequest req) {
        long id = req.pathId("id");
        String reaction = req.form("reaction").orElse(null);
        String agreed = req.form("agreed").orElse(null);
        Checked<IntakeFile> r = service.residentReaction(req, id, reaction, agreed);
        if (!r.ok()) {
            Map<String, String> values = new HashMap<>();
            values.put("reaction", reaction == null ? "" : reaction);
            values.put("agreed", agreed == null ? "" : agreed);
            return render(req, service.open(req, id, Action.READ), r.problems(), values, 400, null);
        }
        return saved(req, id, "#verslag");
    }

    WebResponse reopen(WebRequest req) {
        long id = req.pathId("id");
        service.reopen(req, id);
        return saved(req, id, "");
    }

    static Steps.Step stepOf(String path) {
        for (Steps.Step s : Steps.Step.values()) {
            if (s.path().equals(path)) {
                return s;
            }
        }
        throw ProblemException.notFound();
    }

    WebResponse linkActivity(WebRequest req) {
        long id = req.pathId("id");
        var r = service.linkActivity(req, id, req.form("activity").orElse(null));
        return linked(req, id, r, Map.of("activity", req.form("activity").orElse("")));
    }

    WebResponse linkVolunteer(WebRequest req) {
        long id = req.pathId("id");
        var r = service.linkVolunteer(req, id, req.form("helpCategory").orElse(null), req.form("helpDescription").orElse(null),
                req.form("helpDate").orElse(null));
        return linked(req, id, r, Map.of("helpCategory", req.form("helpCategory").orElse(""), "helpDescription",
                req.form("helpDescription").orElse(""), "helpDate", req.form("helpDate").orElse("")));
    }

    WebResponse linkText(WebRequest req) {
        long id = req.pathId("id");
        var r = service.linkText(req, id, req.form("linkText").orElse(null));
        return linked(req, id, r, Map.of("linkText", req.form("linkText").orElse("")));
    }

    private WebResponse linked(WebRequest req, long id, Checked<Link> r, Map<String, String> values) {
        if (!r.ok()) {
            return render(req, service.openForChange(req, id), r.problems(), values, 400, null);
        }
        return saved(req, id, "#samen");
    }

    // --- verslag and export ----------------------------------------------------------------------

    WebResponse pdf(WebRequest req) {
        IntakeFile f = service.open(req, req.pathId("id"), Action.PRINT);
        FileDetail d = service.detail(req, f);
        byte[] pdf = VerslagPdf.render(d, req.initiative().name(), service.today(), service.deadlineClock().terms());
        return WebResponse.bytes("application/pdf", pdf).attachment("verslag-wmo-" + f.id() + ".pdf").header("Cache-Control", "no-store");
    }

    WebResponse export(WebRequest req) {
        IntakeFile f = service.open(req, req.pathId("id"), Action.EXPORT);
        return WebResponse.json(Export.of(service.detail(req, f))).attachment("wmo-dossier-" + f.id() + ".json").header("Cache-Control", "no-store");
    }

    private static String fileLink(WebRequest req, long id, String rest) {
        return req.link("/" + WmoIntakeModule.ID + "/dossiers/" + id + rest);
    }
}
