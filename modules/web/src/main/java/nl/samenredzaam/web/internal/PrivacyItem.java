package nl.samenredzaam.web.internal;

/** One module's line in the privacy statement: how long it keeps personal data. */
public record PrivacyItem(String module, String retention) {
}
