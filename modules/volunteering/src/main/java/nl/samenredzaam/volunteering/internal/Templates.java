package nl.samenredzaam.volunteering.internal;

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
     * jte 3.2.5 ignores the class loader given to {@code createPrecompiled} when the class
     * directory is {@code null} and takes the thread's context class loader at creation instead;
     * in OSGi that is the launcher's, which cannot see this bundle's template classes. So the
     * engine is created with this bundle's loader as the context class loader.
     */
    private static TemplateEngine create() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader bundle = Templates.class.getClassLoader();
        thread.setContextClassLoader(bundle);
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, bundle, "nl.samenredzaam.volunteering.internal.templates");
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
