package nl.samenredzaam.api.privacy;

import java.util.List;

/**
 * What a module did for a right-to-erasure request.
 *
 * @param removed    number of records deleted
 * @param anonymised number of records kept without personal data (e.g. for anonymous figures)
 * @param kept       what was kept with personal data, and why (a legal duty), in plain words
 */
public record Erasure(int removed, int anonymised, List<String> kept) {
    public Erasure {
        kept = List.copyOf(kept);
    }
}
