package nl.samenredzaam.volunteering.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.data.Sql;

/**
 * Volunteering's offer to other modules. Every call takes the caller's {@link Sql} (same
 * transaction and initiative). Callers check first that the volunteering module is enabled for the
 * initiative, and fall back to free text when it is not.
 */
@ProviderType
public interface HelpRequestService {

    /** The categories of this initiative: key and Dutch label. */
    List<Category> categories(Sql sql);

    /** Files a request on the person's behalf (visible to coordinators); returns its id. */
    long requestHelp(Sql sql, HelpRequestDraft draft);

    Optional<HelpRequestStatus> status(Sql sql, long requestId);

    /** A help category. */
    record Category(String key, String labelNl, String labelEn) {
    }
}
