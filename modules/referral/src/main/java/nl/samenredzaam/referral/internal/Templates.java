package nl.samenredzaam.referral.internal;

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
     * jte 3.2.5 ignores the class loader given to {@code createPrecompiled} when there is no class
     * directory and takes the thread's context class loader (in OSGi: the HTTP thread's, which
     * cannot see this bundle's templates). So the engine is made with this bundle's loader as the
     * context class loader; it keeps that loader.
     */
    private static TemplateEngine create() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader own = Templates.class.getClassLoader();
        thread.setContextClassLoader(own);
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, own, "nl.samenredzaam.referral.internal.templates");
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
