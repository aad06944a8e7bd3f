package nl.samenredzaam.wmointake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.demo.DemoContext;
import nl.samenredzaam.api.demo.DemoDataContributor;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.PositiveHealthScores;
import nl.samenredzaam.instruments.ZrmDomain;
import nl.samenredzaam.instruments.ZrmScores;

/**
 * Two fictional Lindeholt files at different stages: Gerrit de Boer (verslag agreed, aanvraag
 * made, two Positieve Gezondheid measurements so the spider web shows before and after) and Truus
 * Bakker-Visser (a fresh melding by her daughter, cliëntondersteuner wanted).
 */
@Component
public final class WmoIntakeDemo implements DemoDataContributor {

    /** For tests. */
    public WmoIntakeDemo() {
    }

    /**
     * Registered only once this bundle's module is: the platform's demo loader looks for a
     * contributor when a module becomes active and when a contributor arrives, so a contributor that
     * arrives before its module (possible when the bundle is installed while the platform runs)
     * would otherwise never be asked.
     */
    @Activate
    public WmoIntakeDemo(@Reference(target = "(component.name=nl.samenredzaam.wmointake.internal.WmoIntakeModule)") Module module) {
    }

    @Override
    public String moduleId() {
        return WmoIntakeModule.ID;
    }

    @Override
    public void populate(Sql sql, DemoContext context) {
        Instant now = context.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, IntakeService.AMSTERDAM);
        FileRepository files = new FileRepository();
        MeasurementRepository measurements = new MeasurementRepository();
        long professional = context.userId("professional");
        long coordinator = context.userId("coordinator");

        // 1. Gerrit de Boer: conversation done, verslag agreed, aanvraag made; the beschikking is due soon.
        LocalDate melding = today.minusDays(38);
        long gerrit = files.create(sql, new MeldingInput(context.userId("resident"), "Gerrit de Boer", "0512 123 456", melding,
                Choices.ReportedBy.HUISARTS, "Praktijk Van Dijk", Choices.Channel.TELEFOON,
                "Sinds mijn vrouw is overleden lukt het huishouden me niet meer. Ik kom weinig buiten en de trap is lastig.",
                true, true, true, true, professional, context.userId("volunteer"), coordinator),
                WmoIntakeModule.RETENTION_DEFAULT, now);
        measurements.addPositiveHealth(sql, gerrit, ph(melding.plusDays(2), new int[] {5, 3, 3, 4, 2, 4},
                Set.of(PositiveHealthDimension.MEEDOEN, PositiveHealthDimension.MENTAAL_WELBEVINDEN)), now);
        files.saveConversation(sql, new Conversation(gerrit, melding.plusDays(9), "Gerrit de Boer, zoon Jeroen, Sanne Meijer (cliëntondersteuner)",
                "Meneer wil in zijn eigen huis blijven wonen en weer onder de mensen komen.",
                "Woont alleen in een eengezinswoning met de slaapkamer boven. Heeft last van zijn knie. Vindt zelfstandigheid heel belangrijk.",
                "Kan zichzelf wassen en aankleden, kookt eenvoudige maaltijden en doet de administratie zelf.",
                "Wil weer zelf boodschappen doen. Oefenen met de rollator via de fysiotherapeut; over drie maanden evalueren.",
                "Zoon Jeroen komt elke zaterdag en doet dan de grote boodschappen. Buurvrouw haalt de post als hij weg is.",
                "Koffieochtend in dorpshuis De Linde op donderdag; een maatje om samen te wandelen.",
                "Boodschappendienst van de dorpscoöperatie tot hij het weer zelf kan.",
                "Hulp bij het huishouden, twee uur per week. Een trapleuning aan de tweede kant (woningaanpassing).", now), now);
        files.setStatus(sql, gerrit, FileStatus.GESPREK, now);
        files.addLink(sql, gerrit, Choices.LinkKind.TEXT, null, "Koffieochtend De Linde, donderdag 10.00 uur: Sanne gaat de eerste keer mee",
                null, now);
        files.addLink(sql, gerrit, Choices.LinkKind.TEXT, null, "Zoon Jeroen doet op zaterdag de boodschappen", null, now);
        Map<ZrmDomain, Integer> zrm = new EnumMap<>(ZrmDomain.class);
        zrm.put(ZrmDomain.FINANCIEN, 4);
        zrm.put(ZrmDomain.TIJDSBESTEDING, 2);
        zrm.put(ZrmDomain.HUISVESTING, 3);
        zrm.put(ZrmDomain.HUISELIJKE_RELATIES, 4);
        zrm.put(ZrmDomain.GEESTELIJKE_GEZONDHEID, 3);
        zrm.put(ZrmDomain.LICHAMELIJKE_GEZONDHEID, 3);
        zrm.put(ZrmDomain.BASALE_ADL, 4);
        zrm.put(ZrmDomain.INSTRUMENTELE_ADL, 2);
        zrm.put(ZrmDomain.SOCIAAL_NETWERK, 3);
        zrm.put(ZrmDomain.MAATSCHAPPELIJKE_PARTICIPATIE, 2);
        measurements.addZrm(sql, gerrit, new ZrmScores(melding.plusDays(9), zrm), now);
        measurements.addPositiveHealth(sql, gerrit, ph(today.minusDays(3), new int[] {6, 5, 5, 6, 4, 5},
                Set.of(PositiveHealthDimension.MEEDOEN)), now);
        files.verslagSent(sql, gerrit, melding.plusDays(12), now);
        files.reaction(sql, gerrit, "Het verslag klopt. Ik wil graag dat de trapleuning er snel komt.", true, melding.plusDays(15), now);
        files.aanvraag(sql, gerrit, today.minusDays(12), now);

        // 2. Truus Bakker-Visser: a fresh melding by her daughter; the persoonlijk plan term is running.
        files.create(sql, new MeldingInput(context.userId("resident2"), "Truus Bakker-Visser", null, today.minusDays(3),
                Choices.ReportedBy.FAMILIE, "Anja (dochter)", Choices.Channel.INLOOP,
                "Mijn moeder vergeet steeds vaker te eten en zit de hele dag alleen. Wij wonen ver weg.",
                true, false, false, true, professional, null, coordinator), WmoIntakeModule.RETENTION_DEFAULT, now);
    }

    private static PositiveHealthScores ph(LocalDate on, int[] scores, Set<PositiveHealthDimension> talk) {
        Map<PositiveHealthDimension, Integer> m = new EnumMap<>(PositiveHealthDimension.class);
        PositiveHealthDimension[] dims = PositiveHealthDimension.values();
        for (int i = 0; i < dims.length; i++) {
            m.put(dims[i], scores[i]);
        }
        return new PositiveHealthScores(on, m, talk);
    }
}
