package nl.samenredzaam.referral.internal;

/**
 * Where a referral stands, with its FHIR R4 mapping: the referral itself is a ServiceRequest,
 * the initiative's handling of it a Task.
 */
public enum ReferralStatus {
    /** Received, nobody has taken it on yet. */
    NEW("active", "requested", true),
    /** A coach has taken it on, no contact yet. */
    ACCEPTED("active", "accepted", true),
    /** Contact made: intake, plan and follow-up. */
    IN_PROGRESS("active", "in-progress", true),
    /** Paused, e.g. the person is in hospital. */
    ON_HOLD("on-hold", "on-hold", true),
    /** Finished with an outcome. */
    CLOSED("completed", "completed", false),
    /** The person or the coach decided this is not the right help. */
    DECLINED("revoked", "rejected", false),
    /** The person could not be reached. */
    UNREACHABLE("revoked", "failed", false),
    /** Withdrawn by the referrer. */
    CANCELLED("revoked", "cancelled", false),
    /** Made by mistake. */
    ENTERED_IN_ERROR("entered-in-error", "cancelled", false);

    private final String serviceRequestStatus;
    private final String taskStatus;
    private final boolean open;

    ReferralStatus(String serviceRequestStatus, String taskStatus, boolean open) {
        this.serviceRequestStatus = serviceRequestStatus;
        this.taskStatus = taskStatus;
        this.open = open;
    }

    /** FHIR ServiceRequest.status (request-status value set). */
    public String serviceRequestStatus() {
        return serviceRequestStatus;
    }

    /** FHIR Task.status (task-status value set). */
    public String taskStatus() {
        return taskStatus;
    }

    /** Whether the coach still works on it. */
    public boolean isOpen() {
        return open;
    }

    /** The message key of the Dutch/English label. */
    public String labelKey() {
        return "status." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Our status for an incoming ServiceRequest and Task status pair; empty when the pair makes
     * no sense for a received referral (a draft, or a request entered in error).
     */
    public static java.util.Optional<ReferralStatus> fromFhir(String serviceRequestStatus, String taskStatus) {
        if (!"active".equals(serviceRequestStatus) && !"on-hold".equals(serviceRequestStatus)
                && !"completed".equals(serviceRequestStatus) && !"revoked".equals(serviceRequestStatus)) {
            return java.util.Optional.empty();
        }
        ReferralStatus status = switch (taskStatus == null ? "requested" : taskStatus) {
            case "requested", "received", "ready", "draft" -> NEW;
            case "accepted" -> ACCEPTED;
            case "in-progress" -> IN_PROGRESS;
            case "on-hold" -> ON_HOLD;
            case "completed" -> CLOSED;
            case "rejected" -> DECLINED;
            case "failed" -> UNREACHABLE;
            case "cancelled" -> CANCELLED;
            default -> null;
        };
        if (status == null) {
            return java.util.Optional.empty();
        }
        if ("revoked".equals(serviceRequestStatus) && status.isOpen()) {
            status = CANCELLED;
        }
        if ("on-hold".equals(serviceRequestStatus) && status.isOpen()) {
            status = ON_HOLD;
        }
        if ("completed".equals(serviceRequestStatus) && status.isOpen()) {
            status = CLOSED;
        }
        return java.util.Optional.of(status);
    }
}
