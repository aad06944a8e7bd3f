package nl.samenredzaam.buurtnieuws.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.privacy.PrivacyContributor;

/** The notice board holds one piece of personal data: who wrote a message. */
@Component
public final class BuurtnieuwsPrivacy implements PrivacyContributor {

    private final NewsRepository repository = new NewsRepository();

    @Override
    public String moduleId() {
        return BuurtnieuwsModule.ID;
    }

    @Override
    public Map<String, Object> export(Sql sql, Person person) {
        if (person.userId() == null) {
            return Map.of("messages", List.of());
        }
        return Map.of("messages", repository.byAuthor(sql, person.userId()));
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
        return Text.of("Berichten blijven staan tot de beheerder ze weghaalt. Vraagt u om verwijdering, dan halen wij uw naam weg.",
                "Messages stay until the admin removes them. If you ask for erasure, we remove your name.");
    }
}
