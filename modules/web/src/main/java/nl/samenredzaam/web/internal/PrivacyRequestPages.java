package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.privacy.PrivacyContributor;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.MemberAccount;
import nl.samenredzaam.identity.platform.MemberService;

/**
 * {@code beheer/privacy}: a person's privacy request handled by the initiative admin: everything
 * the modules hold about them as one JSON file (right of access), or erased (right to erasure),
 * through every module's {@link PrivacyContributor} — also of modules that are switched off, whose
 * data is kept. Both are written to the audit log. Only the initiative's own admins, not the
 * platform operator.
 */
public final class PrivacyRequestPages {

    /** A module's answer to an erasure. */
    public record ErasureRow(String module, int removed, int anonymised, List<String> kept, String failed) {
    }

    private final ModuleRegistry modules;
    private final IdentityService identity;
    private final Responses responses;

    PrivacyRequestPages(ModuleRegistry modules, IdentityService identity, Responses responses) {
        this.modules = modules;
        this.identity = identity;
        this.responses = responses;
    }

    void handle(AdminPages.Page page, List<String> rest) throws IOException {
        Exchange ex = page.ex();
        if (!page.by().roles().contains(Role.ADMIN)) {
            // the platform operator manages the platform, not the personal data of an initiative's members
            throw ProblemException.forbidden();
        }
        MemberService members = PageServices.current().members()
                .orElseThrow(() -> new ProblemException(503, "Ledenbeheer is nu niet beschikbaar / member management is not available"));
        PlatformDatabase db = PageServices.current().database()
                .orElseThrow(() -> new ProblemException(503, "De database is nu niet beschikbaar / the database is not available"));
        if (rest.isEmpty()) {
            Exchange.requireMethod(ex, "GET");
            show(page, members, Form.empty(), 200);
            return;
        }
        if (rest.size() != 1) {
            throw ProblemException.notFound();
        }
        Exchange.requireMethod(ex, "POST");
        Form form = Form.empty();
        MemberAccount member = null;
        String userId = ex.formField("lid").orElse("");
        form.value("lid", userId);
        try {
            member = members.member(page.by(), page.initiative(), Long.parseLong(userId)).orElse(null);
        } catch (NumberFormatException e) {
            member = null;
        }
        if (member == null) {
            form.error("lid", page.msg().get("privacyRequest.memberMissing"));
            show(page, members, form, 400);
            return;
        }
        Person person = new Person(member.userId(), member.displayName(), member.email(), null, null);
        switch (rest.get(0)) {
            case "inzage" -> export(page, db, member, person);
            case "wissen" -> erase(page, db, member, person);
            default -> throw ProblemException.notFound();
        }
    }

    private void show(AdminPages.Page page, MemberService members, Form form, int status) throws IOException {
        Map<String, Object> params = AdminPages.base(page, "privacy");
        params.put("members", members.members(page.by(), page.initiative()));
        params.put("form", form);
        params.put("modules", moduleNames(page));
        Html content = Templates.render("privacy-requests.jte", params);
        responses.write(page.ex(), WebResponse.page(page.msg().get("privacyRequest.title"), content).status(status), page.context());
    }

    private List<String> moduleNames(AdminPages.Page page) {
        List<String> names = new ArrayList<>();
        for (PrivacyContributor c : PageServices.current().privacyContributors()) {
            names.add(name(c, page));
        }
        names.sort(String::compareToIgnoreCase);
        return names;
    }

    private String name(PrivacyContributor c, AdminPages.Page page) {
        if (c.moduleId().equals(PageServices.IDENTITY)) {
            return page.msg().get("privacy.identityName");
        }
        return modules.info(c.moduleId()).map(m -> m.name().in(page.ex().locale())).orElse(c.moduleId());
    }

    private void export(AdminPages.Page page, PlatformDatabase db, MemberAccount member, Person person) throws IOException {
        Exchange ex = page.ex();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("initiative", page.initiative().name());
        out.put("person", Map.of("userId", member.userId(), "name", member.displayName(), "username", member.username()));
        out.put("roles", member.roles());
        out.put("createdAt", Instant.now().toString());
        Map<String, Object> byModule = new LinkedHashMap<>();
        for (PrivacyContributor c : PageServices.current().privacyContributors()) {
            byModule.put(c.moduleId(), db.transaction(page.initiative().id(), sql -> c.export(sql, person)));
        }
        out.put("modules", byModule);
        identity.audit(page.initiative(), page.by(), new AuditEvent(AuditEvent.Action.EXPORT, "platform.privacy-request",
                String.valueOf(member.userId()), member.userId(), null, "privacy-request", true), ex.remoteAddress());
        byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
        ex.response.setStatus(200);
        ex.response.setHeader("Cache-Control", "no-store");
        ex.response.setHeader("Content-Disposition", "attachment; filename=\"gegevens-" + member.userId() + ".json\"");
        ex.response.setContentType("application/json");
        ex.response.setContentLength(bytes.length);
        ex.response.getOutputStream().write(bytes);
    }

    private void erase(AdminPages.Page page, PlatformDatabase db, MemberAccount member, Person person) throws IOException {
        Exchange ex = page.ex();
        Map<String, Object> params = AdminPages.base(page, "privacy");
        params.put("member", member);
        if (!"ja".equals(ex.formField("bevestigd").orElse(""))) {
            params.put("modules", moduleNames(page));
            Html content = Templates.render("privacy-erase-confirm.jte", params);
            responses.write(ex, WebResponse.page(page.msg().get("privacyRequest.confirmTitle"), content), page.context());
            return;
        }
        List<ErasureRow> rows = new ArrayList<>();
        for (PrivacyContributor c : PageServices.current().privacyContributors()) {
            try {
                Erasure e = db.transaction(page.initiative().id(), sql -> c.erase(sql, person));
                rows.add(new ErasureRow(name(c, page), e.removed(), e.anonymised(), e.kept(), null));
            } catch (RuntimeException e) {
                rows.add(new ErasureRow(name(c, page), 0, 0, List.of(), page.msg().get("privacyRequest.failed")));
            }
        }
        boolean allDone = rows.stream().allMatch(r -> r.failed() == null);
        identity.audit(page.initiative(), page.by(), new AuditEvent(AuditEvent.Action.DELETE, "platform.privacy-request",
                String.valueOf(member.userId()), member.userId(), null, "privacy-request", allDone), ex.remoteAddress());
        params.put("rows", rows);
        Html content = Templates.render("privacy-erase-done.jte", params);
        responses.write(ex, WebResponse.page(page.msg().get("privacyRequest.doneTitle"), content).status(allDone ? 200 : 500),
                page.context());
    }
}
