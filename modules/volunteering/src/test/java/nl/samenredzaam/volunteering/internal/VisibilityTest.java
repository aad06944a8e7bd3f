package nl.samenredzaam.volunteering.internal;

import static nl.samenredzaam.volunteering.internal.Fixtures.COORDINATOR;
import static nl.samenredzaam.volunteering.internal.Fixtures.OTHER_RESIDENT;
import static nl.samenredzaam.volunteering.internal.Fixtures.OTHER_VOLUNTEER;
import static nl.samenredzaam.volunteering.internal.Fixtures.RESIDENT;
import static nl.samenredzaam.volunteering.internal.Fixtures.VOLUNTEER;
import static nl.samenredzaam.volunteering.internal.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;

class VisibilityTest {

    @Test
    void aCoordinatorOnlyRequestNeverReachesAVolunteerInAnyStateUnlessItIsTheirs() {
        for (State s : State.values()) {
            HelpRequest r = request(s, Visibility.COORDINATORS, null);
            assertFalse(Requests.canSee(VOLUNTEER, r), s.name());
            assertTrue(Requests.canSee(COORDINATOR, r), s.name());
            assertTrue(Requests.canSee(RESIDENT, r), s.name());
            assertFalse(Requests.canSee(OTHER_RESIDENT, r), s.name());
        }
    }

    @Test
    void volunteersSeeOpenPublicRequestsOnlyAndOtherResidentsNothing() {
        for (State s : State.values()) {
            HelpRequest r = request(s, Visibility.VOLUNTEERS, null);
            assertEquals(s == State.OPEN, Requests.canSee(VOLUNTEER, r), s.name());
            assertFalse(Requests.canSee(OTHER_RESIDENT, r), s.name());
        }
    }

    @Test
    void theAddressIsShownToTheVolunteerOnlyAfterConfirmation() {
        for (State s : State.values()) {
            HelpRequest mine = request(s, Visibility.VOLUNTEERS, VOLUNTEER.userId());
            boolean expected = s == State.CONFIRMED || s == State.DONE;
            assertEquals(expected, Requests.canSeeContact(VOLUNTEER, mine), s.name());
            assertFalse(Requests.canSeeContact(OTHER_VOLUNTEER, mine), s.name());
            RequestView view = RequestView.of(mine, VOLUNTEER, Locale.ROOT, List.of());
            if (expected) {
                assertEquals("Lindelaan 12", view.address());
                assertEquals("Gerrit de Boer", view.residentName());
            } else {
                assertNull(view.address(), s.name());
                assertNull(view.residentName(), s.name());
                assertNull(view.residentPhone(), s.name());
            }
            assertNull(RequestView.of(mine, OTHER_VOLUNTEER, Locale.ROOT, List.of()).address(), s.name());
        }
    }

    @Test
    void theResidentAndCoordinatorAlwaysSeeTheContactDetails() {
        HelpRequest r = request(State.OPEN, Visibility.VOLUNTEERS, null);
        assertNotNull(RequestView.of(r, RESIDENT, Locale.ROOT, List.of()).address());
        assertNotNull(RequestView.of(r, COORDINATOR, Locale.ROOT, List.of()).address());
    }

    @Test
    void aVolunteerIsOfferedToAcceptOnlyOpenPublicRequests() {
        assertTrue(RequestView.actionsFor(request(State.OPEN, Visibility.VOLUNTEERS, null), VOLUNTEER).contains("accept"));
        assertFalse(RequestView.actionsFor(request(State.OPEN, Visibility.COORDINATORS, null), VOLUNTEER).contains("accept"));
        assertEquals(List.of("accept", "decline"),
                RequestView.actionsFor(request(State.PROPOSED, Visibility.COORDINATORS, VOLUNTEER.userId()), VOLUNTEER));
        assertTrue(RequestView.actionsFor(request(State.CONFIRMED, Visibility.VOLUNTEERS, VOLUNTEER.userId()), VOLUNTEER)
                .containsAll(List.of("withdraw", "complete")));
    }
}
