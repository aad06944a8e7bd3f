package nl.samenredzaam.volunteering.internal;

import java.util.Locale;

import nl.samenredzaam.api.consent.ConsentPurpose;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;

/**
 * The consent volunteering asks for (declared by {@link VolunteeringModule#purposes()}), through the platform's consent register: may the volunteer
 * who takes on a help request see the person's phone number? Without it the volunteer sees name
 * and address once the match is confirmed, not the phone number, and arranges the visit through the
 * coordinator. Coordinators and the person themselves always see it. Requests for someone without
 * an account (taken by phone) are not covered: the register needs an account, and the coordinator
 * who took the call asked it then (see the README).
 *
 * <p>Change {@link #VERSION} whenever the meaning of the texts {@code consent.phone.*} changes:
 * earlier consents then stop counting and people are asked again.
 */
final class PhoneConsent {

    private PhoneConsent() {
    }

    static final String ID = "share-phone";
    static final int VERSION = 1;

    /** The purpose with its texts from this bundle's messages in Dutch and English. */
    static final ConsentPurpose PURPOSE = purpose();

    private static ConsentPurpose purpose() {
        Messages nl = Messages.of(PhoneConsent.class, Text.DUTCH);
        Messages en = Messages.of(PhoneConsent.class, Locale.ENGLISH);
        return new ConsentPurpose(ID, VERSION, text(nl, en, "consent.phone.title"), text(nl, en, "consent.phone.text"),
                text(nl, en, "consent.phone.without"));
    }

    private static Text text(Messages nl, Messages en, String key) {
        return Text.of(nl.get(key), en.get(key));
    }
}
