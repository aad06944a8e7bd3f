package nl.samenredzaam.volunteering.api;

/**
 * Where a help request stands.
 *
 * @param requestId      the request
 * @param state          workflow state
 * @param volunteerFirstName first name of the confirmed volunteer, or {@code null}
 * @param path           page path within the initiative
 */
public record HelpRequestStatus(long requestId, State state, String volunteerFirstName, String path) {

    /** The workflow: submitted → open → proposed → confirmed → done → closed, with side exits. */
    public enum State {
        SUBMITTED, OPEN, PROPOSED, CONFIRMED, DONE, CLOSED, CANCELLED, EXPIRED, NO_MATCH
    }
}
