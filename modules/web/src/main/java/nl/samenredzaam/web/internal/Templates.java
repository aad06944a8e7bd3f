package nl.samenredzaam.web.internal;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import nl.samenredzaam.api.web.Html;

/** The web bundle's precompiled jte templates (escaping by default). */
final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), "nl.samenredzaam.web.internal.templates");

    private Templates() {
    }

    static Html render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        return new Html(out.toString());
    }

    static String page(PageModel page) {
        StringOutput out = new StringOutput();
        ENGINE.render("layout.jte", page, out);
        return out.toString();
    }
}
