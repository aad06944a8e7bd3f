package nl.samenredzaam.instruments;

import java.util.Locale;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Text;

/** The six dimensions of Positieve Gezondheid (Huber), each rated 0–10. */
public enum PositiveHealthDimension {
    LICHAAMSFUNCTIES(Text.of("Lichaamsfuncties", "Bodily functions"),
            Text.of("Hoe gaat het met uw lichaam?", "How is your body doing?")),
    MENTAAL_WELBEVINDEN(Text.of("Mentaal welbevinden", "Mental wellbeing"),
            Text.of("Hoe voelt u zich?", "How do you feel?")),
    ZINGEVING(Text.of("Zingeving", "Meaningfulness"),
            Text.of("Heeft u zin in het leven?", "Does your life feel worthwhile?")),
    KWALITEIT_VAN_LEVEN(Text.of("Kwaliteit van leven", "Quality of life"),
            Text.of("Hoe fijn is uw leven?", "How good is your life?")),
    MEEDOEN(Text.of("Meedoen", "Participation"),
            Text.of("Doet u mee met anderen?", "Do you take part with others?")),
    DAGELIJKS_FUNCTIONEREN(Text.of("Dagelijks functioneren", "Daily functioning"),
            Text.of("Lukt het u om de dingen van elke dag te doen?", "Can you manage the things of every day?"));

    /** The lowest and highest score. */
    public static final int MIN = 0;
    public static final int MAX = 10;

    private final Text label;
    private final Text question;

    PositiveHealthDimension(Text label, Text question) {
        this.label = label;
        this.question = question;
    }

    public Text label() {
        return label;
    }

    /** The question of the simple version, for people who read less easily (B1 and lower). */
    public Text question() {
        return question;
    }

    /** A stable key for forms and JSON, e.g. {@code mentaal-welbevinden}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The dimension with this {@link #key()}, or with this enum name. */
    public static Optional<PositiveHealthDimension> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (PositiveHealthDimension d : values()) {
            if (d.key().equals(key) || d.name().equals(key)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
