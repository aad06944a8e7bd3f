package nl.samenredzaam.wmointake.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.instruments.SpiderWeb;

/** JSON API under {@code /api/v1/{slug}/wmo-intake}; see docs/api/wmo-intake.md. */
final class IntakeApi {

    /** The conversation as JSON. */
    record ConversationBody(String heldOn, String present, String vraag, String omstandigheden, String zelf, String herwinnen,
            String netwerk, String vrijwilligers, String voorzieningen, String maatwerk) {
        @Override
        public String toString() {
            return "ConversationBody[]";
        }
    }

    /** A Positieve Gezondheid measurement as JSON. */
    record PositiveHealthBody(String measuredOn, Map<String, String> scores, List<String> wantToTalk) {
    }

    /** A ZRM measurement as JSON. */
    record ZrmBody(String measuredOn, Map<String, String> scores) {
    }

    /** Something arranged from the conversation. */
    record LinkBody(String kind, String activity, String category, String description, String preferredDate, String text) {
        @Override
        public String toString() {
            return "LinkBody[]";
        }
    }

    private static final Map<Steps.Step, Set<String>> STEP_FIELDS = Map.of(
            Steps.Step.PLAN, Set.of("planReceivedOn"),
            Steps.Step.VERSLAG, Set.of("verslagSentOn"),
            Steps.Step.REACTIE, Set.of("reaction", "agreed", "reactionOn"),
            Steps.Step.AANVRAAG, Set.of("aanvraagOn"),
            Steps.Step.BESCHIKKING, Set.of("beschikkingOn", "decision", "decisionNote"),
            Steps.Step.SLUITEN, Set.of("closedOn", "closeReason", "retentionYears"),
            Steps.Step.TOEWIJZING, Set.of("professionalUserId", "coachUserId", "coordinatorUserId"));

    private final IntakeService service;
    private final IntakePages pages;

    IntakeApi(IntakeService service, AccessLogHolder accessLog) {
        this.service = service;
        this.pages = new IntakePages(service, accessLog);
    }

    WebResponse queue(WebRequest req) {
        boolean withClosed = req.query("closed").map(v -> v.equals("true") || v.equals("1")).orElse(false);
        return WebResponse.json(service.queue(req, withClosed).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.file().id());
            m.put("residentName", r.file().residentName());
            m.put("meldingDate", r.file().meldingDate().toString());
            m.put("status", r.file().status().name());
            m.put("professionalName", r.professionalName());
            m.put("nextDeadline", r.next() == null ? null : r.next().kind().key());
            m.put("nextDue", r.next() == null ? null : r.next().due().toString());
            m.put("daysLeft", r.next() == null ? null : r.next().daysLeft());
            m.put("overdue", r.overdue());
            return m;
        }).toList());
    }

    WebResponse mine(WebRequest req) {
        return WebResponse.json(service.mine(req).stream().map(f -> Map.of("id", f.id(), "meldingDate", f.meldingDate().toString(),
                "status", f.status().name())).toList());
    }

    WebResponse create(WebRequest req) {
        MeldingInput.Form form = req.body(MeldingInput.Form.class);
        long id = service.createMelding(req, form, WmoIntakeModule.retentionYears(req.setting(WmoIntakeModule.RETENTION_SETTING)))
                .orThrow();
        IntakeFile f = service.open(req, id, Action.READ);
        return WebResponse.created(location(req, id), Export.of(service.detail(req, f)));
    }

    WebResponse get(WebRequest req) {
        IntakeFile f = service.open(req, req.pathId("id"), Action.READ);
        return WebResponse.json(Export.of(service.detail(req, f)));
    }

    WebResponse conversation(WebRequest req) {
        long id = req.pathId("id");
        ConversationBody b = req.body(ConversationBody.class);
        Map<String, String> v = new HashMap<>();
        v.put("heldOn", b.heldOn());
        v.put("present", b.present());
        v.put("vraag", b.vraag());
        v.put("omstandigheden", b.omstandigheden());
        v.put("zelf", b.zelf());
        v.put("herwinnen", b.herwinnen());
        v.put("netwerk", b.netwerk());
        v.put("vrijwilligers", b.vrijwilligers());
        v.put("voorzieningen", b.voorzieningen());
        v.put("maatwerk", b.maatwerk());
        service.saveConversation(req, id, v).orThrow();
        return fresh(req, id);
    }

    WebResponse positiveHealth(WebRequest req) {
        long id = req.pathId("id");
        PositiveHealthBody b = req.body(PositiveHealthBody.class);
        service.addPositiveHealth(req, id, b.measuredOn(), b.scores() == null ? Map.of() : b.scores(),
                b.wantToTalk() == null ? List.of() : b.wantToTalk()).orThrow();
        return fresh(req, id).status(201);
    }

    WebResponse zrm(WebRequest req) {
        long id = req.pathId("id");
        ZrmBody b = req.body(ZrmBody.class);
        service.addZrm(req, id, b.measuredOn(), b.scores() == null ? Map.of() : b.scores()).orThrow();
        return fresh(req, id).status(201);
    }

    WebResponse spiderWeb(WebRequest req) {
        IntakeFile f = service.open(req, req.pathId("id"), Action.READ);
        FileDetail d = service.detail(req, f);
        if (d.currentPh() == null) {
            throw ProblemException.notFound();
        }
        return WebResponse.text("image/svg+xml;charset=UTF-8", SpiderWeb.svg(d.currentPh(), d.previousPh(), req.locale()))
                .header("Cache-Control", "no-store");
    }

    WebResponse step(WebRequest req) {
        long id = req.pathId("id");
        Steps.Step step = FilePages.stepOf(req.pathParam("step"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = req.body(Map.class);
        Map<String, String> values = new HashMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (!STEP_FIELDS.get(step).contains(k)) {
                unknown.put(k, req.messages().get("error.field.unknown"));
            } else if (v != null) {
                values.put(k, String.valueOf(v));
            }
        });
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidFields(unknown);
        }
        service.step(req, id, step, values).orThrow();
        return fresh(req, id);
    }

    WebResponse link(WebRequest req) {
        long id = req.pathId("id");
        LinkBody b = req.body(LinkBody.class);
        String kind = b.kind() == null ? "" : b.kind();
        Checked<Link> r = switch (kind) {
            case "activity" -> service.linkActivity(req, id, b.activity());
            case "volunteer" -> service.linkVolunteer(req, id, b.category(), b.description(), b.preferredDate());
            case "text" -> service.linkText(req, id, b.text());
            default -> throw ProblemException.invalidField("kind", req.messages().get("error.choice.unknown"));
        };
        Link l = r.orThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("kind", l.kind().name());
        m.put("externalId", l.externalId());
        m.put("title", l.title());
        m.put("startsAt", l.startsAt() == null ? null : l.startsAt().toString());
        return WebResponse.json(201, m);
    }

    /** The resident's own reaction to the verslag. */
    record ReactionBody(String reaction, String agreed) {
        @Override
        public String toString() {
            return "ReactionBody[]";
        }
    }

    WebResponse residentReaction(WebRequest req) {
        long id = req.pathId("id");
        ReactionBody b = req.body(ReactionBody.class);
        service.residentReaction(req, id, b.reaction(), b.agreed()).orThrow();
        return fresh(req, id);
    }

    WebResponse reopen(WebRequest req) {
        long id = req.pathId("id");
        service.reopen(req, id);
        return fresh(req, id);
    }

    WebResponse pdf(WebRequest req) {
        IntakeFile f = service.open(req, req.pathId("id"), Action.PRINT);
        byte[] pdf = VerslagPdf.render(service.detail(req, f), req.initiative().name(), service.today(),
                service.deadlineClock().terms());
        return WebResponse.bytes("application/pdf", pdf).attachment("verslag-wmo-" + f.id() + ".pdf").header("Cache-Control", "no-store");
    }

    WebResponse export(WebRequest req) {
        IntakeFile f = service.open(req, req.pathId("id"), Action.EXPORT);
        return WebResponse.json(Export.of(service.detail(req, f))).header("Cache-Control", "no-store");
    }

    WebResponse accessLog(WebRequest req) {
        IntakeFile f = service.open(req, req.pathId("id"), Action.READ);
        Actor actor = req.requireActor();
        if (f.residentUserId() == null || f.residentUserId() != actor.userId()) {
            throw ProblemException.forbidden();
        }
        return WebResponse.json(pages.accessRows(req, f).stream().map(r -> Map.of("at", r.at().toString(), "who", r.who(),
                "action", r.action(), "success", r.success())).toList());
    }

    private WebResponse fresh(WebRequest req, long id) {
        IntakeFile f = service.open(req, id, Action.READ);
        return WebResponse.json(Export.of(service.detail(req, f)));
    }

    private static String location(WebRequest req, long id) {
        return "/api/v1/" + req.initiative().slug() + "/" + WmoIntakeModule.ID + "/files/" + id;
    }
}
