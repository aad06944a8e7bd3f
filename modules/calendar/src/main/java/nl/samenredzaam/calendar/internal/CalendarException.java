package nl.samenredzaam.calendar.internal;

/** A calendar rule that stops an action; the web layer turns the reason into a message and status. */
public final class CalendarException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, with the HTTP status that fits. */
    public enum Reason {
        NO_ACTIVITY(404), NO_OCCURRENCE(404), NO_REGISTRATION(404), NOT_OPEN(409), CANCELLED(409), PAST(409),
        FULL(409), ALREADY(409), NOT_STARTED(409);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** Message key in i18n/messages. */
        public String key() {
            return "rule." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public CalendarException(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
