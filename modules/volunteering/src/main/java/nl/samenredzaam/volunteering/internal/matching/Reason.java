package nl.samenredzaam.volunteering.internal.matching;

/**
 * Why a volunteer got (or lost) points: shown next to the suggestion.
 *
 * @param kind   what
 * @param points the points it gave, negative when it counts against
 * @param count  a number for the text (times helped, requests now), else 0
 */
public record Reason(Kind kind, int points, int count) {

    /** The reasons; the message key is {@code reason.<name in lower case>}. */
    public enum Kind {
        SKILL, TIME_FULL, TIME_PARTLY, TIME_NONE, AREA, AREA_ALL, AREA_OTHER, CAR, NO_CAR, VOG, FREE, LOAD, CONTINUITY
    }

    public String messageKey() {
        return "reason." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
