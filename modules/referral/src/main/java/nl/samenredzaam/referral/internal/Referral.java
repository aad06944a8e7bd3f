package nl.samenredzaam.referral.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One referral ("verwijzing") with its handling by the coach. Special-category personal data. */
public record Referral(long id, ReferralStatus status, String source, String patientName, LocalDate patientBirthDate,
        String patientPhone, List<String> reasons, String note, Urgency urgency, boolean consentContact,
        boolean consentFeedback, Long referrerUserId, String referrerName, String referrerOrg, ReferrerType referrerType,
        String referrerEmail, String externalId, Long coachUserId, String coachName, String questionBehind, String goals,
        boolean sharePlan, boolean shareScores, boolean shareOutcome, String outcome, Instant createdAt,
        Instant firstContactAt, Instant intakeAt, Instant closedAt, Instant updatedAt) {

    public Referral {
        reasons = List.copyOf(reasons);
    }

    /** The short reference shown to people instead of the name, e.g. in e-mails: {@code R-42}. */
    public String reference() {
        return "R-" + id;
    }
}
