package nl.samenredzaam.volunteering.internal.matching;

import java.time.LocalDate;

/** What the initiative knows about a volunteer's VOG (Verklaring Omtrent het Gedrag). */
public enum VogStatus {
    /** No VOG known. */
    NONE,
    /** Requested at Justis, not yet received. */
    REQUESTED,
    /** Issued on a known date; valid for {@link #VALID_YEARS} years after that. */
    ISSUED;

    /** Renewal is advised every three years. */
    public static final int VALID_YEARS = 3;

    /** A VOG counts as valid when it was issued on or before today and at most three years ago. */
    public static boolean isValid(VogStatus status, LocalDate issuedOn, LocalDate today) {
        return status == ISSUED && issuedOn != null && !issuedOn.isAfter(today)
                && issuedOn.isAfter(today.minusYears(VALID_YEARS));
    }

    /** The day the VOG stops counting as valid, or {@code null} when none was issued. */
    public static LocalDate validUntil(VogStatus status, LocalDate issuedOn) {
        return status == ISSUED && issuedOn != null ? issuedOn.plusYears(VALID_YEARS) : null;
    }
}
