package nl.samenredzaam.instruments;

import java.util.Locale;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Text;

/** The 13 domains of the Zelfredzaamheidsmatrix (ZRM 2017). */
public enum ZrmDomain {
    FINANCIEN(Text.of("Financiën", "Finances")),
    WERK_EN_OPLEIDING(Text.of("Werk & opleiding", "Work & education")),
    TIJDSBESTEDING(Text.of("Tijdsbesteding", "Use of time")),
    HUISVESTING(Text.of("Huisvesting", "Housing")),
    HUISELIJKE_RELATIES(Text.of("Huiselijke relaties", "Domestic relationships")),
    GEESTELIJKE_GEZONDHEID(Text.of("Geestelijke gezondheid", "Mental health")),
    LICHAMELIJKE_GEZONDHEID(Text.of("Lichamelijke gezondheid", "Physical health")),
    MIDDELENGEBRUIK(Text.of("Middelengebruik", "Substance use")),
    BASALE_ADL(Text.of("Basale ADL", "Basic ADL")),
    INSTRUMENTELE_ADL(Text.of("Instrumentele ADL", "Instrumental ADL")),
    SOCIAAL_NETWERK(Text.of("Sociaal netwerk", "Social network")),
    MAATSCHAPPELIJKE_PARTICIPATIE(Text.of("Maatschappelijke participatie", "Social participation")),
    JUSTITIE(Text.of("Justitie", "Justice"));

    /** The lowest and highest score. */
    public static final int MIN = 1;
    public static final int MAX = 5;

    private final Text label;

    ZrmDomain(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }

    /** A stable key for forms and JSON, e.g. {@code basale-adl}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The domain with this {@link #key()}, or with this enum name. */
    public static Optional<ZrmDomain> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (ZrmDomain d : values()) {
            if (d.key().equals(key) || d.name().equals(key)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Whether a score is on the ZRM scale (1 to 5). */
    public static boolean isValidScore(int score) {
        return score >= MIN && score <= MAX;
    }

    /** The official ZRM score labels, 1 to 5. */
    public static Text scoreLabel(int score) {
        return switch (score) {
            case 1 -> Text.of("Acute problematiek", "Acute problems");
            case 2 -> Text.of("Niet zelfredzaam", "Not self-reliant");
            case 3 -> Text.of("Beperkt zelfredzaam", "Limited self-reliance");
            case 4 -> Text.of("Voldoende zelfredzaam", "Sufficiently self-reliant");
            case 5 -> Text.of("Volledig zelfredzaam", "Fully self-reliant");
            default -> throw new IllegalArgumentException("ZRM scores are 1 to 5");
        };
    }
}
