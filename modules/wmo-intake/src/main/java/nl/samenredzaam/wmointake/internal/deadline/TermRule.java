package nl.samenredzaam.wmointake.internal.deadline;

/** How the end of a term is found after counting the days. */
public enum TermRule {
    /**
     * Algemene termijnenwet, article 1: a term set by law that ends on a Saturday, a Sunday or a
     * generally recognised public holiday (article 3) is extended to the next day that is none of
     * these. The default.
     */
    ALGEMENE_TERMIJNENWET,
    /** Plain calendar days: the term ends on the counted day, whatever day that is. */
    CALENDAR_DAYS
}
