package nl.samenredzaam.instruments;

import nl.samenredzaam.api.i18n.Text;

/** The six dimensions of Positieve Gezondheid (Huber), each rated 0–10. */
public enum PositiveHealthDimension {
    LICHAAMSFUNCTIES(Text.of("Lichaamsfuncties", "Bodily functions")),
    MENTAAL_WELBEVINDEN(Text.of("Mentaal welbevinden", "Mental wellbeing")),
    ZINGEVING(Text.of("Zingeving", "Meaningfulness")),
    KWALITEIT_VAN_LEVEN(Text.of("Kwaliteit van leven", "Quality of life")),
    MEEDOEN(Text.of("Meedoen", "Participation")),
    DAGELIJKS_FUNCTIONEREN(Text.of("Dagelijks functioneren", "Daily functioning"));

    private final Text label;

    PositiveHealthDimension(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }
}
