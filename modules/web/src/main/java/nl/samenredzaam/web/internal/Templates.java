package nl.samenredzaam.web.internal;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import nl.samenredzaam.api.web.Html;

/** The web bundle's precompiled jte templates (escaping by default). */
final class Templates {

    private static final TemplateEngine ENGINE = create();

    private Templates() {
    }

    /**
     * jte's precompiled loader ignores the class loader it is given and takes the thread's context
     * class loader (jte 3.2.x, {@code RuntimeTemplateLoader.createClassLoader}); in OSGi that is not
     * the bundle's, so it is set to the bundle's while the engine is made.
     */
    private static TemplateEngine create() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Templates.class.getClassLoader());
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(),
                    "nl.samenredzaam.web.internal.templates");
        } finally {
            thread.setContextClassLoader(previous);
        }
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
