package nl.samenredzaam.api.demo;

import java.time.Clock;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a demo data contributor gets: the demo accounts and the clock. The demo initiative has
 * these accounts (all fictional): {@code coordinator}, {@code resident}, {@code resident2},
 * {@code volunteer}, {@code volunteer2}, {@code professional}, {@code referrer}, {@code beheerder}.
 */
@ProviderType
public interface DemoContext {

    /** The user id of a demo account by its user name. */
    long userId(String username);

    Clock clock();
}
