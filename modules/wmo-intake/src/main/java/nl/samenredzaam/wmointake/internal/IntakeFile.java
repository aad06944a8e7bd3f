package nl.samenredzaam.wmointake.internal;

import java.time.Instant;
import java.time.LocalDate;

import nl.samenredzaam.wmointake.internal.deadline.DeadlineClock;

/**
 * A Wmo file (dossier): the melding and how it went on. Holds special-category personal data:
 * {@link #toString()} leaves out every name and free text, so a file can never end up in a log.
 */
public record IntakeFile(long id, Long residentUserId, String residentName, String residentPhone, LocalDate meldingDate,
        String reportedBy, String reporterName, String channel, String requestText, boolean consentProcessing,
        boolean consentMunicipality, boolean consentGp, boolean wantsCoach, long professionalUserId, Long coachUserId,
        Long coordinatorUserId, FileStatus status, LocalDate planReceivedOn, LocalDate verslagSentOn, String reaction,
        Boolean agreed, LocalDate reactionOn, LocalDate aanvraagOn, LocalDate beschikkingOn, String decision,
        String decisionNote, LocalDate closedOn, String closeReason, int retentionYears, Instant createdAt, Instant updatedAt) {

    /** The facts the terms are computed from. */
    public DeadlineClock.Facts facts() {
        return new DeadlineClock.Facts(meldingDate, planReceivedOn, verslagSentOn, aanvraagOn, beschikkingOn);
    }

    public boolean closed() {
        return status == FileStatus.GESLOTEN;
    }

    /** A reference to the person for the audit log when they have no account. */
    public String clientRef() {
        return "wmo-intake.file:" + id;
    }

    @Override
    public String toString() {
        return "IntakeFile[id=" + id + ", status=" + status + "]";
    }
}
