package nl.samenredzaam.wmointake.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The keukentafelgesprek in the structure of art. 2.3.2 Wmo and of reablement: the request and the
 * need; circumstances and preferences; what the person can do themselves (zelf); what they want to
 * regain and how (herwinnen); what network and mantelzorger, volunteers and community activities,
 * and general facilities can do (samen oplossen); and what remains for maatwerk.
 * Free text: {@link #toString()} shows none of it.
 */
public record Conversation(long fileId, LocalDate heldOn, String present, String vraag, String omstandigheden, String zelf,
        String herwinnen, String netwerk, String vrijwilligers, String voorzieningen, String maatwerk, Instant updatedAt) {

    /** The text fields in the order of the conversation, with their form names. */
    public static final java.util.List<String> FIELDS = java.util.List.of("vraag", "omstandigheden", "zelf", "herwinnen", "netwerk",
            "vrijwilligers", "voorzieningen", "maatwerk");

    public static Conversation empty(long fileId) {
        return new Conversation(fileId, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The text of a field by its form name. */
    public String field(String name) {
        return switch (name) {
            case "vraag" -> vraag;
            case "omstandigheden" -> omstandigheden;
            case "zelf" -> zelf;
            case "herwinnen" -> herwinnen;
            case "netwerk" -> netwerk;
            case "vrijwilligers" -> vrijwilligers;
            case "voorzieningen" -> voorzieningen;
            case "maatwerk" -> maatwerk;
            case "present" -> present;
            default -> throw new IllegalArgumentException(name);
        };
    }

    public boolean isEmpty() {
        return heldOn == null && FIELDS.stream().allMatch(f -> field(f) == null || field(f).isBlank());
    }

    @Override
    public String toString() {
        return "Conversation[file=" + fileId + "]";
    }
}
