package nl.samenredzaam.wmointake.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.wmointake.internal.coop.AccessLogSource;

/** The pages around files: the work queue, a new melding, the resident's own files and who looked at them. */
public final class IntakePages {

    private final IntakeService service;
    private final AccessLogHolder accessLog;

    IntakePages(IntakeService service, AccessLogHolder accessLog) {
        this.service = service;
        this.accessLog = accessLog;
    }

    static View view(WebRequest req, Map<String, String> problems, Map<String, String> values) {
        return new View(req.messages(), req.link("/" + WmoIntakeModule.ID), req.csrfToken(), problems, values);
    }

    WebResponse queue(WebRequest req) {
        boolean withClosed = req.query("closed").isPresent();
        Map<String, Object> p = new HashMap<>();
        p.put("v", view(req, Map.of(), Map.of()));
        p.put("rows", service.queue(req, withClosed));
        p.put("withClosed", withClosed);
        return WebResponse.page(req.messages().get("queue.title"), Templates.render("queue.jte", p));
    }

    WebResponse mine(WebRequest req) {
        Map<String, Object> p = new HashMap<>();
        p.put("v", view(req, Map.of(), Map.of()));
        p.put("files", service.mine(req));
        return WebResponse.page(req.messages().get("mine.title"), Templates.render("mine.jte", p));
    }

    WebResponse newMelding(WebRequest req) {
        Actor actor = req.requireActor();
        Long professional = actor.roles().contains(Role.PROFESSIONAL) ? actor.userId() : null;
        Long coordinator = actor.roles().contains(Role.COORDINATOR) ? actor.userId() : null;
        return meldingForm(req, MeldingInput.Form.empty(service.today(), professional, coordinator), Map.of(), 200);
    }

    WebResponse createMelding(WebRequest req) {
        MeldingInput.Form form = new MeldingInput.Form(f(req, "residentUserId"), f(req, "residentName"), f(req, "residentPhone"),
                f(req, "meldingDate"), f(req, "reportedBy"), f(req, "reporterName"), f(req, "channel"), f(req, "requestText"),
                f(req, "consentProcessing"), f(req, "consentMunicipality"), f(req, "consentGp"), f(req, "wantsCoach"),
                f(req, "professionalUserId"), f(req, "coachUserId"), f(req, "coordinatorUserId"));
        Checked<Long> created = service.createMelding(req, form,
                WmoIntakeModule.retentionYears(req.setting(WmoIntakeModule.RETENTION_SETTING)));
        if (!created.ok()) {
            return meldingForm(req, form, created.problems(), 400);
        }
        return WebResponse.redirect(req.link("/" + WmoIntakeModule.ID + "/dossiers/" + created.value()));
    }

    private WebResponse meldingForm(WebRequest req, MeldingInput.Form form, Map<String, String> problems, int status) {
        var sql = req.sql();
        var members = service.members();
        Map<String, Object> p = new HashMap<>();
        // checkboxes: an unticked box sends nothing, so after an error the form shows what was sent
        Map<String, String> values = new HashMap<>();
        if (status != 200) {
            for (String box : List.of("consentProcessing", "consentMunicipality", "consentGp", "wantsCoach")) {
                values.put(box, Checked.Collector.bool(box.equals("consentProcessing") ? form.consentProcessing()
                        : box.equals("consentMunicipality") ? form.consentMunicipality()
                        : box.equals("consentGp") ? form.consentGp() : form.wantsCoach()) ? "true" : "");
            }
        }
        p.put("v", view(req, problems, values));
        p.put("form", form);
        p.put("residents", members.withRole(sql, Role.RESIDENT));
        p.put("professionals", members.withRole(sql, Role.PROFESSIONAL));
        p.put("coaches", members.coaches(sql));
        p.put("coordinators", members.withRole(sql, Role.COORDINATOR));
        return WebResponse.page(req.messages().get("melding.title"), Templates.render("melding.jte", p)).status(status);
    }

    /** One line of "wie heeft mijn dossier bekeken". */
    public record AccessRow(Instant at, String who, String action, boolean success) {
    }

    /** Who looked at the file: for the resident it is about. */
    WebResponse accessLog(WebRequest req) {
        IntakeFile f = service.open(req, req.pathId("id"), Action.READ);
        Actor actor = req.requireActor();
        if (f.residentUserId() == null || f.residentUserId() != actor.userId()) {
            throw ProblemException.forbidden();
        }
        List<AccessRow> rows = accessRows(req, f);
        Map<String, Object> p = new HashMap<>();
        p.put("v", view(req, Map.of(), Map.of()));
        p.put("rows", rows);
        p.put("available", accessLog.get().isPresent());
        p.put("back", req.link("/" + WmoIntakeModule.ID + "/dossiers/" + f.id()));
        return WebResponse.page(req.messages().get("accessLog.title"), Templates.render("accesslog.jte", p));
    }

    List<AccessRow> accessRows(WebRequest req, IntakeFile f) {
        List<AccessRow> rows = new ArrayList<>();
        AccessLogSource source = accessLog.get().orElse(null);
        if (source == null) {
            return rows;
        }
        for (AccessLogSource.Entry e : source.aboutMe(req.requireActor(), req.initiative(), 500)) {
            if (IntakeService.RECORD_TYPE.equals(e.recordType()) && Long.toString(f.id()).equals(e.recordId())) {
                String who = e.userId() == null ? req.messages().get("accessLog.nobody")
                        : e.userId() == req.requireActor().userId() ? req.messages().get("accessLog.you")
                        : service.members().name(req.sql(), e.userId());
                rows.add(new AccessRow(e.at(), who, e.action(), e.success()));
            }
        }
        return rows;
    }

    private static String f(WebRequest req, String name) {
        return req.form(name).orElse(null);
    }
}
