package nl.samenredzaam.core.platform;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.initiative.Initiative;

/** Creating, finding, renaming and archiving initiatives. Lookups by slug are cached. */
@ProviderType
public interface InitiativeService {

    List<Initiative> list(boolean includeArchived);

    Optional<Initiative> bySlug(String slug);

    Optional<Initiative> byId(long id);

    /** Creates an initiative; a 400 problem for a bad slug or name, 409 when the slug is taken. */
    Initiative create(String slug, String name);

    Initiative rename(long id, String name);

    Initiative setArchived(long id, boolean archived);
}
