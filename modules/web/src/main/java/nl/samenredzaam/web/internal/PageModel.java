package nl.samenredzaam.web.internal;

import java.util.List;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.web.Html;

/**
 * Everything the page layout shows around a page's own content.
 *
 * @param msg           the web bundle's messages in the page language
 * @param lang          {@code nl} or {@code en}
 * @param title         page heading and tab title
 * @param initiative    the initiative, or {@code null} on platform pages
 * @param nav           main navigation
 * @param userName      the signed-in person's name, or {@code null}
 * @param csrf          the session's CSRF token (for the sign-out form), or empty
 * @param content       the page's own HTML
 * @param otherLangHref link that switches language on this page
 * @param adminHref     link to the admin pages when the person may manage, else {@code null}
 * @param theme         the initiative's theme (the standard one on platform pages)
 * @param operatorHref  link to the operator pages for a platform operator, else {@code null}
 */
public record PageModel(Messages msg, String lang, String title, Initiative initiative, List<NavItem> nav, String userName,
        String csrf, Html content, String otherLangHref, String adminHref, Theme theme, String operatorHref) {

    /** One navigation link. */
    public record NavItem(String label, String href, boolean current) {
    }

    public String homeHref() {
        return initiative == null ? "/" : "/" + initiative.slug() + "/";
    }

    /** The browser tab's title: the page, then the site (once when they are the same). */
    public String documentTitle() {
        return title.equals(siteName()) ? title : title + " – " + siteName();
    }

    public String siteName() {
        return initiative == null ? "Samenredzaam" : initiative.name();
    }

    /** The initiative's theme stylesheet, or {@code null} when it uses the standard look. */
    public String themeCssHref() {
        return initiative == null || theme.version() == 0 ? null
                : "/platform/thema/" + initiative.slug() + "/thema.css?v=" + theme.version();
    }

    /** The logo's address, or {@code null}. */
    public String logoSrc() {
        return initiative == null || !theme.hasLogo() ? null : "/platform/thema/" + initiative.slug() + "/logo?v=" + theme.version();
    }

    public String privacyHref() {
        return initiative == null ? "/platform/privacy" : "/" + initiative.slug() + "/privacy";
    }

    /** The phone number for a {@code tel:} link: digits and a leading plus only. */
    public String phoneHref() {
        return theme.contactPhone() == null ? null : "tel:" + theme.contactPhone().replaceAll("[^0-9+]", "");
    }
}
