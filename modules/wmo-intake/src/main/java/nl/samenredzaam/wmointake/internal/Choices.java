package nl.samenredzaam.wmointake.internal;

/** The fixed choices of the melding and the decision; their labels are in the messages ({@code reportedBy.X}, ...). */
public final class Choices {

    private Choices() {
    }

    /** Who reported the need. */
    public enum ReportedBy {
        INWONER, FAMILIE, MANTELZORGER, HUISARTS, BUUR, WIJKVERPLEEGKUNDIGE, ANDERS
    }

    /** How the melding came in. */
    public enum Channel {
        TELEFOON, HUISBEZOEK, INLOOP, EMAIL, BRIEF, ONLINE
    }

    /** The municipality's decision. */
    public enum Decision {
        TOEGEKEND, DEELS, AFGEWEZEN
    }

    /** What a link from the conversation points to. */
    public enum LinkKind {
        ACTIVITY, VOLUNTEER, TEXT
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        return null;
    }
}
