package nl.samenredzaam.instruments;

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

    private final Text label;

    ZrmDomain(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
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
