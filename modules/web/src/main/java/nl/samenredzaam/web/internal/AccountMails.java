package nl.samenredzaam.web.internal;

import java.util.Locale;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.platform.MailTemplate;

/**
 * The account e-mails, Dutch first and then English (we do not know the reader's language yet).
 * Links start with the configured public address ({@link #publicUrl}), so a forged {@code Host}
 * header cannot send a reset link to another site.
 */
final class AccountMails {

    /** Environment variable (or system property {@code samenredzaam.public.url}) with the site's public address. */
    static final String PUBLIC_URL_ENV = "SAMENREDZAAM_PUBLIC_URL";

    private AccountMails() {
    }

    static MailTemplate invitation(Exchange ex, Initiative initiative, Role role) {
        Messages nl = Messages.of(Shell.class, Text.DUTCH);
        Messages en = Messages.of(Shell.class, Locale.ENGLISH);
        String base = publicUrl(ex);
        return (to, name, token) -> {
            String link = base + "/" + initiative.slug() + "/uitnodiging/" + token;
            String roleNl = role.label().nl().toLowerCase(new Locale("nl"));
            String roleEn = role.label().en().toLowerCase(Locale.ENGLISH);
            return new Mail(to, nl.get("mail.invitation.subject", initiative.name()) + " / " + en.get("mail.invitation.subject", initiative.name()),
                    nl.get("mail.invitation.body", name, initiative.name(), roleNl, link) + "\n\n----\n\n"
                            + en.get("mail.invitation.body", name, initiative.name(), roleEn, link));
        };
    }

    static MailTemplate passwordReset(Exchange ex) {
        Messages nl = Messages.of(Shell.class, Text.DUTCH);
        Messages en = Messages.of(Shell.class, Locale.ENGLISH);
        String base = publicUrl(ex);
        return (to, name, token) -> {
            String link = base + "/wachtwoord-herstellen/" + token;
            return new Mail(to, nl.get("mail.reset.subject") + " / " + en.get("mail.reset.subject"),
                    nl.get("mail.reset.body", name, link) + "\n\n----\n\n" + en.get("mail.reset.body", name, link));
        };
    }

    /** The configured public address without trailing slash, or the request's own address when none is configured. */
    static String publicUrl(Exchange ex) {
        String configured = System.getProperty("samenredzaam.public.url");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(PUBLIC_URL_ENV);
        }
        if (configured != null && configured.matches("https?://[A-Za-z0-9.:\\[\\]-]+(/[A-Za-z0-9._~/-]*)?")) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return ex.baseUrl();
    }
}
