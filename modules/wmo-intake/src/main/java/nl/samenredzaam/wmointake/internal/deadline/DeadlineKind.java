package nl.samenredzaam.wmointake.internal.deadline;

/** The terms of a Wmo file, in the order they come. */
public enum DeadlineKind {
    /** The resident may hand in a persoonlijk plan (their right; nobody is late). */
    PERSOONLIJK_PLAN(false),
    /** The onderzoek must be done: conversation held and verslag sent (a duty of the professional). */
    ONDERZOEK(true),
    /** The municipality must decide on the aanvraag (followed up by the professional). */
    BESCHIKKING(true),
    /** The resident may object to the decision (their right). */
    BEZWAAR(false);

    private final boolean duty;

    DeadlineKind(boolean duty) {
        this.duty = duty;
    }

    /** Whether someone must act before the end (warnings are sent), rather than the resident may. */
    public boolean isDuty() {
        return duty;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
