package nl.samenredzaam.web.internal;

/**
 * A module on an initiative's home page.
 *
 * @param name       the module's menu text or name
 * @param summary    what it offers
 * @param href       where it starts
 * @param needsLogin whether the visitor must sign in to use it
 */
public record HomeItem(String name, String summary, String href, boolean needsLogin) {
}
