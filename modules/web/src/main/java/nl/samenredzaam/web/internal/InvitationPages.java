package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.Invitation;
import nl.samenredzaam.identity.platform.InvitationService;
import nl.samenredzaam.identity.platform.NewInvitation;
import nl.samenredzaam.identity.platform.Session;

/**
 * Invitations: {@code /{slug}/beheer/uitnodigingen} (list, invite, send again, revoke; admins and
 * coordinators) and {@code /{slug}/uitnodiging/{token}} (the link in the mail: make an account or
 * join with the signed-in one). Identity checks who may do what; these pages only show it.
 */
public final class InvitationPages {

    /** An invitation as listed. */
    public record Row(long id, String name, String email, String role, String status, String sent, String expires, boolean open,
            boolean resendable) {
    }

    private final IdentityService identity;
    private final Responses responses;

    InvitationPages(IdentityService identity, Responses responses) {
        this.identity = identity;
        this.responses = responses;
    }

    private static InvitationService service() {
        return PageServices.current().invitations()
                .orElseThrow(() -> new ProblemException(503, "Uitnodigen is nu niet beschikbaar / invitations are not available"));
    }

    // --- beheer/uitnodigingen ---

    void handle(AdminPages.Page page, List<String> rest) throws IOException {
        InvitationService service = service();
        Exchange ex = page.ex();
        if (rest.isEmpty()) {
            Exchange.requireMethod(ex, "GET");
            list(page, service, Form.empty(), 200);
        } else if (rest.equals(List.of("nieuw"))) {
            Exchange.requireMethod(ex, "POST");
            invite(page, service);
        } else if (rest.size() == 2 && (rest.get(1).equals("opnieuw") || rest.get(1).equals("intrekken"))) {
            Exchange.requireMethod(ex, "POST");
            long id = MemberPages.parseId(rest.get(0));
            if (rest.get(1).equals("opnieuw")) {
                Invitation current = service.invitations(page.by(), page.initiative()).stream().filter(i -> i.id() == id).findFirst()
                        .orElseThrow(ProblemException::notFound);
                service.resend(page.by(), page.initiative(), id, AccountMails.invitation(ex, page.initiative(), current.role()));
                AdminPages.redirect(ex, page.base() + "uitnodigingen?verstuurd=1");
            } else {
                service.revoke(page.by(), page.initiative(), id);
                AdminPages.redirect(ex, page.base() + "uitnodigingen?opgeslagen=1");
            }
        } else {
            throw ProblemException.notFound();
        }
    }

    private void invite(AdminPages.Page page, InvitationService service) throws IOException {
        Exchange ex = page.ex();
        Form form = Form.empty();
        for (String field : List.of("displayName", "email", "role")) {
            form.value(field, ex.formField(field).orElse(""));
        }
        Role role = MemberPages.parseRole(ex.formField("role").orElse(""));
        try {
            service.invite(page.by(), page.initiative(), new NewInvitation(ex.formField("email").orElse(""),
                    ex.formField("displayName").orElse(""), role), AccountMails.invitation(ex, page.initiative(), role == null ? Role.RESIDENT : role));
            AdminPages.redirect(ex, page.base() + "uitnodigingen?verstuurd=1");
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.from(e, ex.locale());
            list(page, service, form, 400);
        }
    }

    private void list(AdminPages.Page page, InvitationService service, Form form, int status) throws IOException {
        Locale locale = page.ex().locale();
        Messages msg = page.msg();
        List<Row> rows = new ArrayList<>();
        for (Invitation i : service.invitations(page.by(), page.initiative())) {
            rows.add(new Row(i.id(), i.displayName(), i.email(), i.role().label().in(locale), msg.get("invitations.status." + i.status().name()),
                    Dates.dateTime(i.sentAt(), locale), Dates.dateTime(i.expiresAt(), locale), i.status() == Invitation.Status.OPEN,
                    i.status() == Invitation.Status.OPEN || i.status() == Invitation.Status.EXPIRED));
        }
        Set<Role> roles = page.by().roles();
        boolean all = roles.contains(Role.ADMIN) || page.by().isOperator();
        List<MemberPages.RoleOption> options = new ArrayList<>();
        String chosen = form.get("role").isEmpty() ? Role.RESIDENT.name() : form.get("role");
        for (Role r : Role.values()) {
            if (all || r == Role.RESIDENT || r == Role.VOLUNTEER) {
                options.add(new MemberPages.RoleOption(r.name(), r.label().in(locale), r.name().equals(chosen)));
            }
        }
        Map<String, Object> params = AdminPages.base(page, "invitations");
        params.put("rows", rows);
        params.put("form", form);
        params.put("roles", options);
        params.put("sent", "1".equals(page.ex().queryParameter("verstuurd")));
        Html content = Templates.render("invitations.jte", params);
        responses.write(page.ex(), WebResponse.page(msg.get("invitations.title"), content).status(status), page.context());
    }

    // --- /{slug}/uitnodiging/{token} ---

    void accept(Exchange ex, Initiative initiative, List<String> rest) throws IOException {
        if (rest.size() != 1) {
            throw ProblemException.notFound();
        }
        Exchange.requireMethod(ex, "GET", "POST");
        if (ex.method().equals("POST")) {
            ex.form();
        }
        InvitationService service = service();
        String token = rest.get(0);
        Optional<Account> account = ex.account();
        Optional<Actor> actor = account.map(a -> identity.actor(a, initiative));
        Shell.Context context = new Shell.Context(initiative, actor, null);
        Messages msg = Shell.messages(ex);
        Optional<Invitation> invitation = service.byToken(initiative, token).filter(i -> i.status() == Invitation.Status.OPEN);
        Form form = Form.empty();
        if (invitation.isEmpty()) {
            showAccept(ex, context, msg, null, form, token, account, 410);
            return;
        }
        if (ex.method().equals("GET")) {
            showAccept(ex, context, msg, invitation.get(), form, token, account, 200);
            return;
        }
        try {
            if (ex.formField("join").isPresent() && account.isPresent()) {
                Csrf.check(ex);
                if (ex.session().isEmpty()) {
                    throw ProblemException.forbidden();
                }
                service.acceptWithAccount(initiative, token, account.get().id());
            } else {
                String username = ex.formField("username").orElse("");
                form.value("username", username);
                String password = ex.form().getOrDefault("password", List.of("")).get(0);
                Account created = service.acceptWithNewAccount(initiative, token, username, password);
                ex.cookie(Exchange.SESSION_COOKIE).ifPresent(identity::endSession);
                Session session = identity.createSession(created.id(), Devices.of(ex));
                ex.response.addHeader("Set-Cookie", LoginPages.sessionCookie(ex, session.id(), -1));
            }
            AdminPages.redirect(ex, "/" + initiative.slug() + "/?welkom=1");
        } catch (ProblemException e) {
            if (e.status() == 410) {
                showAccept(ex, context, msg, null, form, token, account, 410);
            } else if (e.status() == 400 || e.status() == 409) {
                form.from(e, ex.locale());
                showAccept(ex, context, msg, invitation.get(), form, token, account, e.status());
            } else {
                throw e;
            }
        }
    }

    private void showAccept(Exchange ex, Shell.Context context, Messages msg, Invitation invitation, Form form, String token,
            Optional<Account> account, int status) throws IOException {
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("form", form);
        params.put("initiative", context.initiative().name());
        params.put("name", invitation == null ? null : invitation.displayName());
        params.put("role", invitation == null ? null : invitation.role().label().in(ex.locale()));
        params.put("action", "/" + context.initiative().slug() + "/uitnodiging/" + token);
        params.put("signedInAs", account.map(Account::displayName).orElse(null));
        params.put("csrf", ex.session().map(Session::csrfToken).orElse(""));
        params.put("gone", invitation == null);
        Html content = Templates.render("invitation-accept.jte", params);
        responses.write(ex, WebResponse.page(msg.get("accept.title"), content).status(status), context);
    }
}
