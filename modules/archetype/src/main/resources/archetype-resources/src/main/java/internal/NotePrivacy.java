package ${package}.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.privacy.PrivacyContributor;

/** The personal data of this module: who wrote a note. */
@Component
public final class NotePrivacy implements PrivacyContributor {

    private final NoteRepository repository = new NoteRepository();

    @Override
    public String moduleId() {
        return NoteModule.ID;
    }

    @Override
    public Map<String, Object> export(Sql sql, Person person) {
        if (person.userId() == null) {
            return Map.of("notes", List.of());
        }
        return Map.of("notes", repository.byAuthor(sql, person.userId()));
    }

    @Override
    public Erasure erase(Sql sql, Person person) {
        if (person.userId() == null) {
            return new Erasure(0, 0, List.of());
        }
        return new Erasure(0, repository.anonymise(sql, person.userId()), List.of());
    }

    @Override
    public Text retention() {
        return Text.of("Notities blijven staan tot de beheerder ze weghaalt. Vraagt u om verwijdering, dan halen wij uw naam weg.",
                "Notes stay until the admin removes them. If you ask for erasure, we remove your name.");
    }
}
