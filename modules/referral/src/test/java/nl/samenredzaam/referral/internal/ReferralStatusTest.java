package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The FHIR status mapping uses only codes of the R4 value sets and reads back what it writes. */
class ReferralStatusTest {

    static final Set<String> REQUEST_STATUS = Set.of("draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown");
    static final Set<String> TASK_STATUS = Set.of("draft", "requested", "received", "accepted", "rejected", "ready", "cancelled",
            "in-progress", "on-hold", "failed", "completed", "entered-in-error");

    @Test
    void everyStatusMapsToValidCodesAndBack() {
        for (ReferralStatus s : ReferralStatus.values()) {
            assertTrue(REQUEST_STATUS.contains(s.serviceRequestStatus()), s.name());
            assertTrue(TASK_STATUS.contains(s.taskStatus()), s.name());
            if (s != ReferralStatus.ENTERED_IN_ERROR) {
                assertEquals(Optional.of(s), ReferralStatus.fromFhir(s.serviceRequestStatus(), s.taskStatus()), s.name());
            }
        }
    }

    @Test
    void theBriefsCodesAreAllUsed() {
        Set<String> sr = new java.util.HashSet<>();
        Set<String> task = new java.util.HashSet<>();
        for (ReferralStatus s : ReferralStatus.values()) {
            sr.add(s.serviceRequestStatus());
            task.add(s.taskStatus());
        }
        assertTrue(sr.containsAll(Set.of("active", "on-hold", "revoked", "completed", "entered-in-error")));
        assertEquals(Set.of("requested", "accepted", "rejected", "cancelled", "in-progress", "on-hold", "failed", "completed"), task);
    }

    @Test
    void draftsAndMistakesAreNotReceived() {
        assertEquals(Optional.empty(), ReferralStatus.fromFhir("draft", "requested"));
        assertEquals(Optional.empty(), ReferralStatus.fromFhir("entered-in-error", null));
        assertEquals(Optional.of(ReferralStatus.NEW), ReferralStatus.fromFhir("active", null));
        assertEquals(Optional.of(ReferralStatus.CANCELLED), ReferralStatus.fromFhir("revoked", "requested"));
        assertEquals(Optional.of(ReferralStatus.CLOSED), ReferralStatus.fromFhir("completed", "in-progress"));
    }
}
