package nl.samenredzaam.identity.platform;

/** How a consent or withdrawal reached the register. */
public enum ConsentChannel {
    /** The person on the web page. */
    WEB,
    /** The person through the JSON API (an app or script with their token). */
    API,
    /** A coordinator recording a paper form (or a phone call) for the person; audited with both people. */
    PAPER
}
