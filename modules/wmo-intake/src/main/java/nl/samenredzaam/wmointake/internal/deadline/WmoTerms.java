package nl.samenredzaam.wmointake.internal.deadline;

/**
 * The terms of the Wmo 2015 (and the Awb for bezwaar) in one place. The constants are the legal
 * defaults; {@link WmoTermsConfiguration} can change them for an installation.
 *
 * @param persoonlijkPlanDays the resident may hand in a persoonlijk plan within this many days of the melding
 * @param onderzoekWeeks      the onderzoek (keukentafelgesprek and verslag) is done within this many weeks of the melding
 * @param beschikkingWeeks    the municipality decides within this many weeks of the aanvraag
 * @param bezwaarWeeks        the resident may object within this many weeks of the beschikking
 * @param warningDays         the professional is warned this many days before a term ends
 * @param rule                how the last day is found
 */
public record WmoTerms(int persoonlijkPlanDays, int onderzoekWeeks, int beschikkingWeeks, int bezwaarWeeks, int warningDays,
        TermRule rule) {

    /** The configuration PID. */
    public static final String PID = "nl.samenredzaam.wmointake.terms";
    public static final int PERSOONLIJK_PLAN_DAYS = 7;
    public static final int ONDERZOEK_WEEKS = 6;
    public static final int BESCHIKKING_WEEKS = 2;
    public static final int BEZWAAR_WEEKS = 6;
    public static final int WARNING_DAYS = 3;

    /** The terms as the law sets them. */
    public static final WmoTerms WMO_2015 = new WmoTerms(PERSOONLIJK_PLAN_DAYS, ONDERZOEK_WEEKS, BESCHIKKING_WEEKS, BEZWAAR_WEEKS,
            WARNING_DAYS, TermRule.ALGEMENE_TERMIJNENWET);

    public WmoTerms {
        if (persoonlijkPlanDays < 1 || onderzoekWeeks < 1 || beschikkingWeeks < 1 || bezwaarWeeks < 1 || warningDays < 0) {
            throw new IllegalArgumentException("terms must be positive");
        }
        if (rule == null) {
            throw new IllegalArgumentException("rule");
        }
    }

    public static WmoTerms from(WmoTermsConfiguration c) {
        return new WmoTerms(c.persoonlijkPlanDays(), c.onderzoekWeeks(), c.beschikkingWeeks(), c.bezwaarWeeks(), c.warningDays(),
                c.rule());
    }
}
