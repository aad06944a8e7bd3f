package nl.samenredzaam.api.initiative;

import java.util.Objects;

/**
 * A community care initiative (bewonersinitiatief, zorgcoöperatie, stadsdorp): one tenant of the
 * platform. Its slug is the first segment of its URLs.
 *
 * @param id       internal id; the key every initiative-owned row carries
 * @param slug     lower case URL name, e.g. {@code dorpzorg-lindeholt}
 * @param name     display name
 * @param archived an archived initiative serves no pages; its data is kept
 */
public record Initiative(long id, String slug, String name, boolean archived) {
    public Initiative {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
    }
}
