package nl.samenredzaam.calendar.internal;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import nl.samenredzaam.api.web.Html;

/** This module's precompiled, escaping jte templates. */
final class Templates {

    private static final TemplateEngine ENGINE = create();

    private Templates() {
    }

    /**
     * jte's precompiled loader takes the thread's context class loader rather than the one it is
     * given (jte 3.2.x); in OSGi that is not this bundle's, so it is set while the engine is made.
     */
    private static TemplateEngine create() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Templates.class.getClassLoader());
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(),
                    "nl.samenredzaam.calendar.internal.templates");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static Html render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        return new Html(out.toString());
    }
}
