package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.privacy.PrivacyContributor;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.MemberAccount;
import nl.samenredzaam.identity.platform.MemberService;

/**
 * The admin settings as JSON, next to their pages: {@code /api/v1/{slug}/theme} (the look and
 * contact details; the logo is uploaded on the page) and {@code /api/v1/{slug}/privacy/export|erase}
 * (a member's privacy request). Same checks as the pages: the initiative's admins only (the theme
 * also the platform operator), CSRF for cookie-authenticated changes, problem+json naming the field.
 */
final class SettingsApi {

    /** Body of {@code PUT theme}: every field is replaced; omitted optional fields become empty. */
    record ThemeChange(String primaryColour, String contactEmail, String contactPhone, String contactAddress, String welcome) {
    }

    /** Body of {@code POST privacy/export} and {@code privacy/erase}. */
    record PrivacyRequest(Long userId, Boolean confirm) {
    }

    private static final Map<String, String> THEME_FIELDS = Map.of("kleur", "primaryColour", "email", "contactEmail", "telefoon",
            "contactPhone", "adres", "contactAddress", "welkom", "welcome");

    private final IdentityService identity;

    SettingsApi(IdentityService identity) {
        this.identity = identity;
    }

    private Actor actor(Exchange ex, Initiative initiative) {
        Actor actor = ex.account().map(a -> identity.actor(a, initiative))
                .orElseThrow(() -> new ProblemException(401, "Log eerst in / please sign in first"));
        if (!ex.method().equals("GET")) {
            Csrf.check(ex);
        }
        return actor;
    }

    void theme(Exchange ex, Initiative initiative, List<String> rest) throws IOException {
        if (!rest.isEmpty()) {
            throw ProblemException.notFound();
        }
        Exchange.requireMethod(ex, "GET", "PUT");
        Actor actor = actor(ex, initiative);
        if (!Access.managesInitiative(Optional.of(actor))) {
            throw ProblemException.forbidden();
        }
        ThemeStore store = PageServices.current().themes()
                .orElseThrow(() -> new ProblemException(503, "De uitstraling is nu niet beschikbaar / the theme is not available"));
        Theme current = store.theme(initiative.id());
        if (ex.method().equals("PUT")) {
            ThemeChange change = Json.read(ex.body(), ThemeChange.class);
            String colour = text(change.primaryColour());
            Map<String, String> nl = ThemePages.check(colour, text(change.contactEmail()), text(change.contactPhone()),
                    text(change.contactAddress()), text(change.welcome()), Messages.of(Shell.class, Text.DUTCH));
            Map<String, String> en = ThemePages.check(colour, text(change.contactEmail()), text(change.contactPhone()),
                    text(change.contactAddress()), text(change.welcome()), Messages.of(Shell.class, Locale.ENGLISH));
            if (!nl.isEmpty()) {
                Map<String, String> errors = new LinkedHashMap<>();
                nl.forEach((field, message) -> errors.put(THEME_FIELDS.get(field), message + " / " + en.get(field)));
                throw ProblemException.invalidFields(errors);
            }
            current = store.save(initiative.id(), new Theme(Contrast.normalise(colour), current.logoType(), current.logo(),
                    blankToNull(change.contactEmail()), blankToNull(change.contactPhone()), blankToNull(change.contactAddress()),
                    blankToNull(change.welcome()), current.version()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("primaryColour", current.primaryColour());
        body.put("contactEmail", current.contactEmail());
        body.put("contactPhone", current.contactPhone());
        body.put("contactAddress", current.contactAddress());
        body.put("welcome", current.welcome());
        body.put("hasLogo", current.hasLogo());
        body.put("stylesheet", "/platform/thema/" + initiative.slug() + "/thema.css?v=" + current.version());
        Responses.json(ex, 200, body);
    }

    void privacy(Exchange ex, Initiative initiative, List<String> rest) throws IOException {
        if (rest.size() != 1 || !(rest.get(0).equals("export") || rest.get(0).equals("erase"))) {
            throw ProblemException.notFound();
        }
        Exchange.requireMethod(ex, "POST");
        Actor actor = actor(ex, initiative);
        if (!actor.roles().contains(Role.ADMIN)) {
            // the platform operator manages the platform, not the personal data of an initiative's members
            throw ProblemException.forbidden();
        }
        MemberService members = PageServices.current().members()
                .orElseThrow(() -> new ProblemException(503, "Ledenbeheer is nu niet beschikbaar / member management is not available"));
        PlatformDatabase db = PageServices.current().database()
                .orElseThrow(() -> new ProblemException(503, "De database is nu niet beschikbaar / the database is not available"));
        PrivacyRequest request = Json.read(ex.body(), PrivacyRequest.class);
        if (request.userId() == null) {
            throw ProblemException.invalidField("userId", "Verplicht / required");
        }
        MemberAccount member = members.member(actor, initiative, request.userId())
                .orElseThrow(() -> ProblemException.invalidField("userId", "Geen lid van dit initiatief / not a member of this initiative"));
        Person person = new Person(member.userId(), member.displayName(), member.email(), null, null);
        if (rest.get(0).equals("export")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("initiative", initiative.name());
            out.put("person", Map.of("userId", member.userId(), "name", member.displayName(), "username", member.username()));
            out.put("roles", member.roles());
            out.put("createdAt", Instant.now().toString());
            Map<String, Object> byModule = new LinkedHashMap<>();
            for (PrivacyContributor c : PageServices.current().privacyContributors()) {
                byModule.put(c.moduleId(), db.transaction(initiative.id(), sql -> c.export(sql, person)));
            }
            out.put("modules", byModule);
            identity.audit(initiative, actor, new AuditEvent(AuditEvent.Action.EXPORT, "platform.privacy-request",
                    String.valueOf(member.userId()), member.userId(), null, "privacy-request", true), ex.remoteAddress());
            Responses.json(ex, 200, out);
            return;
        }
        if (!Boolean.TRUE.equals(request.confirm())) {
            throw ProblemException.invalidField("confirm", "Zet op true om te wissen; dit kan niet ongedaan / set to true to erase; this cannot be undone");
        }
        List<Map<String, Object>> report = new ArrayList<>();
        boolean allDone = true;
        for (PrivacyContributor c : PageServices.current().privacyContributors()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("module", c.moduleId());
            try {
                Erasure e = db.transaction(initiative.id(), sql -> c.erase(sql, person));
                row.put("removed", e.removed());
                row.put("anonymised", e.anonymised());
                row.put("kept", e.kept());
            } catch (RuntimeException e) {
                allDone = false;
                row.put("failed", true);
            }
            report.add(row);
        }
        identity.audit(initiative, actor, new AuditEvent(AuditEvent.Action.DELETE, "platform.privacy-request",
                String.valueOf(member.userId()), member.userId(), null, "privacy-request", allDone), ex.remoteAddress());
        Responses.json(ex, allDone ? 200 : 500, Map.of("userId", member.userId(), "complete", allDone, "modules", report));
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
