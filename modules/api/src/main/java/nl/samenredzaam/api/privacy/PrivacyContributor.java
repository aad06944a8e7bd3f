package nl.samenredzaam.api.privacy;

import java.time.Period;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Text;

/**
 * The privacy contract: a module that stores personal data registers one of these. The platform
 * combines all of them into one request per person (right of access, right to erasure) and runs
 * the retention rules.
 */
@ConsumerType
public interface PrivacyContributor {

    /** The module this contributor belongs to. */
    String moduleId();

    /** Everything the module holds about the person in this initiative, as JSON-ready maps and lists. */
    Map<String, Object> export(Sql sql, Person person);

    /** Erases or anonymises the person's data in this initiative. */
    Erasure erase(Sql sql, Person person);

    /** How long the module keeps personal data, in plain words, for the privacy statement. */
    Text retention();

    /** The term after which {@link #purgeExpired} removes data; {@code null} when kept until erased. */
    default Period retentionTerm() {
        return null;
    }

    /** Removes data older than the retention term; returns the number of records removed. */
    default int purgeExpired(Sql sql, java.time.Instant now) {
        return 0;
    }
}
