package nl.samenredzaam.referral.internal;

import nl.samenredzaam.api.i18n.Text;

/** Who referred: used in the monitor's figures per referrer type. */
public enum ReferrerType {
    HUISARTS(Text.of("Huisarts", "General practitioner")),
    POH(Text.of("Praktijkondersteuner (POH)", "Practice nurse")),
    FYSIOTHERAPEUT(Text.of("Fysiotherapeut", "Physiotherapist")),
    WIJKVERPLEGING(Text.of("Wijkverpleging", "District nurse")),
    SOCIAAL_TEAM(Text.of("Sociaal team of gemeente", "Social team or municipality")),
    ANDERS(Text.of("Anders", "Other"));

    private final Text label;

    ReferrerType(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }

    /** The type for a form or API value; {@code null} when unknown. */
    public static ReferrerType parse(String value) {
        if (value == null) {
            return null;
        }
        for (ReferrerType t : values()) {
            if (t.name().equalsIgnoreCase(value.trim())) {
                return t;
            }
        }
        return null;
    }
}
