package nl.samenredzaam.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.module.Role;

class AccountMailsTest {

    @AfterEach
    void clear() {
        System.clearProperty("samenredzaam.public.url");
    }

    @Test
    void linksUseTheConfiguredPublicAddressNotTheRequestsHost() {
        System.setProperty("samenredzaam.public.url", "https://zorg.example.nl/");
        Initiative lindeholt = new Initiative(1, "lindeholt", "Dorpszorg Lindeholt", false);
        // no request needed (null): the configured address wins over any Host header
        Mail invitation = AccountMails.invitation(null, lindeholt, Role.VOLUNTEER).mail("a@example.org", "Gerda", "TOKEN123");
        assertTrue(invitation.body().contains("https://zorg.example.nl/lindeholt/uitnodiging/TOKEN123\n"), invitation.body());
        assertTrue(invitation.body().startsWith("Beste Gerda,"), invitation.body());
        assertTrue(invitation.body().contains("Dear Gerda,"), "English below the Dutch");
        assertTrue(invitation.subject().equals("Uitnodiging voor Dorpszorg Lindeholt / Invitation to Dorpszorg Lindeholt"), invitation.subject());
        assertTrue(invitation.body().contains("vrijwilliger") && invitation.body().contains("volunteer"), invitation.body());

        Mail reset = AccountMails.passwordReset(null).mail("a@example.org", "Gerda", "RESET456");
        assertTrue(reset.body().contains("https://zorg.example.nl/wachtwoord-herstellen/RESET456\n"), reset.body());
        assertTrue(reset.body().contains("1 uur") && reset.body().contains("1 hour"), reset.body());
    }

    @Test
    void returnToIsOnlyALocalPath() {
        assertEquals("/lindeholt/", LoginPages.safeReturn("/lindeholt/"));
        assertEquals("/", LoginPages.safeReturn("https://evil.example/"));
        assertEquals("/", LoginPages.safeReturn("//evil.example/"));
        assertEquals("/", LoginPages.safeReturn("/\\evil.example"));
        assertEquals("/", LoginPages.safeReturn(null));
    }
}
