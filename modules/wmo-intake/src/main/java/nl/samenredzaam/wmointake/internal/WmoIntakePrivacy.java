package nl.samenredzaam.wmointake.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.privacy.PrivacyContributor;
import nl.samenredzaam.wmointake.internal.coop.Cooperation;
import nl.samenredzaam.wmointake.internal.deadline.DeadlineClock;
import nl.samenredzaam.wmointake.internal.deadline.WmoTerms;
import nl.samenredzaam.wmointake.internal.deadline.WmoTermsConfiguration;

/**
 * The privacy contract: the whole file of a person (with an account, or by name and phone when
 * it was made on their behalf), erasure, and the retention term that each closed file carries
 * (set from the module's setting when the file is made, changeable when it is closed).
 */
@Component(service = PrivacyContributor.class, configurationPid = WmoTerms.PID)
public final class WmoIntakePrivacy implements PrivacyContributor {

    private final FileRepository files = new FileRepository();
    private final Members members = new Members();
    private final IntakeService service;

    @Activate
    public WmoIntakePrivacy(WmoTermsConfiguration config) {
        this(WmoTerms.from(config), Clock.systemUTC());
    }

    public WmoIntakePrivacy(WmoTerms terms, Clock clock) {
        this.service = new IntakeService(files, new MeasurementRepository(), members, new Cooperation(), new DeadlineClock(terms),
                clock);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setDirectory(Directory d) {
        members.set(d);
    }

    void unsetDirectory(Directory d) {
        members.unset(d);
    }

    @Override
    public String moduleId() {
        return WmoIntakeModule.ID;
    }

    private List<IntakeFile> filesOf(Sql sql, Person person) {
        List<IntakeFile> out = new ArrayList<>();
        if (person.userId() != null) {
            out.addAll(files.ofResident(sql, person.userId()));
        }
        if (person.name() != null && !person.name().isBlank()) {
            out.addAll(files.byName(sql, person.name().strip(), person.phone()));
        }
        return out;
    }

    @Override
    public Map<String, Object> export(Sql sql, Person person) {
        List<Object> list = new ArrayList<>();
        for (IntakeFile f : filesOf(sql, person)) {
            list.add(Export.of(service.detail(sql, f, FileAccess.Level.RESIDENT)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("files", list);
        return out;
    }

    @Override
    public Erasure erase(Sql sql, Person person) {
        int removed = 0;
        for (IntakeFile f : filesOf(sql, person)) {
            removed += files.delete(sql, f.id());
        }
        return new Erasure(removed, 0, List.of());
    }

    @Override
    public Text retention() {
        return Text.of("Een Wmo-dossier bewaren wij na het sluiten " + WmoIntakeModule.RETENTION_DEFAULT
                + " jaar, of de termijn die bij het dossier is afgesproken (1 tot 30 jaar). Daarna verwijderen wij het helemaal.",
                "We keep a Wmo file for " + WmoIntakeModule.RETENTION_DEFAULT
                        + " years after it is closed, or the term agreed for that file (1 to 30 years). Then we delete it completely.");
    }

    @Override
    public Period retentionTerm() {
        return Period.ofYears(WmoIntakeModule.RETENTION_DEFAULT);
    }

    @Override
    public int purgeExpired(Sql sql, Instant now) {
        int removed = 0;
        for (long id : files.expired(sql, LocalDate.ofInstant(now, IntakeService.AMSTERDAM))) {
            removed += files.delete(sql, id);
        }
        return removed;
    }
}
