package nl.samenredzaam.web.internal;

/** A module on an initiative's home page. */
public record HomeItem(String name, String summary, String href) {
}
