package nl.samenredzaam.api.event;

/**
 * Conventions for domain events sent through OSGi Event Admin.
 *
 * <p>Topic: {@code samenredzaam/<moduleId>/<fact>}, e.g. {@code samenredzaam/calendar/registration-made}.
 * Properties: {@link #INITIATIVE} and ids of the records involved; never names, addresses or free
 * text.
 */
public final class DomainEvents {

    /** Prefix of every topic. */
    public static final String TOPIC_PREFIX = "samenredzaam/";
    /** Property: the initiative id ({@code Long}). */
    public static final String INITIATIVE = "initiative";
    /** Topic: a module was enabled or disabled for an initiative (properties: initiative, module, enabled). */
    public static final String MODULE_SWITCHED = TOPIC_PREFIX + "platform/module-switched";

    private DomainEvents() {
    }

    /** The topic for a fact of a module. */
    public static String topic(String moduleId, String fact) {
        return TOPIC_PREFIX + moduleId + "/" + fact;
    }
}
