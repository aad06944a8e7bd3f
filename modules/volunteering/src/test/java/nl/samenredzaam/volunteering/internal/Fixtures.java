package nl.samenredzaam.volunteering.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;
import nl.samenredzaam.volunteering.internal.HelpRequest.Urgency;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;
import nl.samenredzaam.volunteering.internal.HelpRequest.WhenKind;

/** Test data shared by the unit tests. */
final class Fixtures {

    static final Viewer COORDINATOR = new Viewer(1, "Ria", true, false, false);
    static final Viewer RESIDENT = new Viewer(2, "Gerrit", false, false, true);
    static final Viewer OTHER_RESIDENT = new Viewer(3, "Truus", false, false, true);
    static final Viewer VOLUNTEER = new Viewer(4, "Sanne", false, true, false);
    static final Viewer OTHER_VOLUNTEER = new Viewer(5, "Youssef", false, true, false);
    static final Messages NL = Messages.of(VolunteeringModule.class, Locale.forLanguageTag("nl"));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private Fixtures() {
    }

    static HelpRequest request(State state, Visibility visibility, Long volunteer) {
        return new HelpRequest(10, "boodschappen", "Boodschappen", 2L, "Gerrit de Boer", "06 12345678", "Lindelaan 12", "De Hoeve",
                WhenKind.FLEXIBLE, null, null, null, null, Urgency.NORMAL, false, visibility, state, 2L, "Gerrit", false, null, null,
                null, null, volunteer, volunteer == null ? null : "Sanne Meijer", null, null, null, Instant.EPOCH, Instant.EPOCH, null, null);
    }
}
