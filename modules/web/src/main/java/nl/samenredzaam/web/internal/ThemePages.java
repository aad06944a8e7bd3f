package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;

/**
 * {@code beheer/uitstraling}: the initiative's colour, logo and contact details; and the public
 * files made from them (a small stylesheet with the design tokens, the logo). A colour that white
 * text cannot be read on (WCAG AA, 4.5:1) is refused with the measured contrast.
 */
final class ThemePages {

    private final Responses responses;

    ThemePages(Responses responses) {
        this.responses = responses;
    }

    void handle(AdminPages.Page page, List<String> rest) throws IOException {
        if (!rest.isEmpty()) {
            throw ProblemException.notFound();
        }
        Exchange ex = page.ex();
        Exchange.requireMethod(ex, "GET", "POST");
        ThemeStore store = PageServices.current().themes()
                .orElseThrow(() -> new ProblemException(503, "Dit is nu niet beschikbaar / not available now"));
        Theme current = store.theme(page.initiative().id());
        Form form = Form.empty();
        int status = 200;
        if (ex.method().equals("POST")) {
            Map<String, Multipart.Part> parts = Multipart.is(ex) ? Multipart.parse(ex) : Map.of();
            Theme changed = read(parts, ex, current, form, page.msg());
            if (!form.hasErrors()) {
                store.save(page.initiative().id(), changed);
                AdminPages.redirect(ex, page.base() + "uitstraling?opgeslagen=1");
                return;
            }
            status = 400;
        } else {
            form.value("kleur", current.primaryColour()).value("email", current.contactEmail()).value("telefoon", current.contactPhone())
                    .value("adres", current.contactAddress()).value("welkom", current.welcome());
        }
        Map<String, Object> params = AdminPages.base(page, "theme");
        params.put("form", form);
        params.put("theme", current);
        params.put("logoSrc", current.hasLogo() ? "/platform/thema/" + page.initiative().slug() + "/logo?v=" + current.version() : null);
        params.put("maxKb", ThemeStore.MAX_LOGO_BYTES / 1024);
        Html content = Templates.render("theme.jte", params);
        responses.write(ex, WebResponse.page(page.msg().get("theme.title"), content).status(status), page.context());
    }

    /** The theme as sent; every mistake goes into {@code form} next to its field. Fields come from a multipart or urlencoded form. */
    static Theme read(Map<String, Multipart.Part> parts, Exchange ex, Theme current, Form form, Messages msg) {
        String colourText = field(parts, ex, "kleur");
        String email = field(parts, ex, "email");
        String phone = field(parts, ex, "telefoon");
        String address = field(parts, ex, "adres");
        String welcome = field(parts, ex, "welkom");
        form.value("welkom", welcome);
        form.value("kleur", colourText).value("email", email).value("telefoon", phone).value("adres", address);
        String colour = Contrast.normalise(colourText);
        check(colourText, email, phone, address, welcome, msg).forEach(form::error);
        String logoType = current.logoType();
        byte[] logo = current.logo();
        if ("ja".equals(field(parts, ex, "logoWeg"))) {
            logoType = null;
            logo = null;
        }
        Multipart.Part file = parts.get("logo");
        if (file != null && file.isFile() && file.data().length > 0) {
            String type = imageType(file.data());
            if (file.data().length > ThemeStore.MAX_LOGO_BYTES) {
                form.error("logo", msg.get("theme.logoTooLarge", ThemeStore.MAX_LOGO_BYTES / 1024));
            } else if (type == null) {
                form.error("logo", msg.get("theme.logoType"));
            } else {
                logoType = type;
                logo = file.data();
            }
        }
        return new Theme(colour.isEmpty() ? current.primaryColour() : colour, logoType, logo, blankToNull(email), blankToNull(phone),
                blankToNull(address), blankToNull(welcome), current.version());
    }

    /**
     * The mistakes in a theme's text fields, by form field name ({@code kleur}, {@code email},
     * {@code telefoon}, {@code adres}, {@code welkom}), in the language of {@code msg}. Used by the
     * page and the JSON API alike.
     */
    static Map<String, String> check(String colourText, String email, String phone, String address, String welcome, Messages msg) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String colour = Contrast.normalise(colourText);
        if (colourText.isEmpty()) {
            errors.put("kleur", msg.get("theme.colourMissing"));
        } else if (colour.isEmpty()) {
            errors.put("kleur", msg.get("theme.colourInvalid"));
        } else if (!Contrast.readableOnWhite(colour)) {
            errors.put("kleur", msg.get("theme.colourTooLight", Contrast.format(Contrast.ratio(colour, "#ffffff"), msg.locale())));
        }
        if (!email.isEmpty() && (email.length() > 200 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.put("email", msg.get("theme.emailInvalid"));
        }
        if (!phone.isEmpty() && (phone.length() > 40 || !phone.matches("[0-9+()\\- ]{6,40}"))) {
            errors.put("telefoon", msg.get("theme.phoneInvalid"));
        }
        if (welcome.length() > 1000) {
            errors.put("welkom", msg.get("theme.welcomeTooLong"));
        }
        if (address.length() > 300) {
            errors.put("adres", msg.get("theme.addressTooLong"));
        }
        return errors;
    }

    private static String field(Map<String, Multipart.Part> parts, Exchange ex, String name) {
        Multipart.Part part = parts.get(name);
        if (part != null) {
            return part.isFile() ? "" : part.text();
        }
        return ex.formField(name).orElse("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** PNG, JPEG, GIF or WebP by their first bytes; {@code null} otherwise (no SVG: it can carry script). */
    static String imageType(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** The design tokens of a theme as a stylesheet that follows the platform's own. */
    static String css(Theme theme) {
        return ":root{--sr-color-primary:" + theme.primaryColour() + ";--sr-color-primary-dark:" + theme.darkerColour()
                + ";--sr-color-primary-text:#ffffff}\n";
    }

    /** {@code GET /platform/thema/{slug}/thema.css} and {@code .../logo}: public, cacheable (the URL carries the version). */
    static void publicFile(Exchange ex, long initiativeId, String file) throws IOException {
        Exchange.requireMethod(ex, "GET");
        Theme theme = PageServices.current().theme(initiativeId);
        byte[] bytes;
        String type;
        if (file.equals("thema.css")) {
            bytes = css(theme).getBytes(StandardCharsets.UTF_8);
            type = "text/css;charset=UTF-8";
        } else if (file.equals("logo") && theme.hasLogo()) {
            bytes = theme.logo();
            type = theme.logoType();
        } else {
            throw ProblemException.notFound();
        }
        ex.response.setContentType(type);
        ex.response.setHeader("Cache-Control", ex.request.getParameter("v") != null ? "public, max-age=31536000, immutable" : "no-cache");
        ex.response.setContentLength(bytes.length);
        ex.response.getOutputStream().write(bytes);
    }

}
