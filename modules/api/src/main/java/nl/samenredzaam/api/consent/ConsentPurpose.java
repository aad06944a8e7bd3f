package nl.samenredzaam.api.consent;

import java.util.Objects;

import nl.samenredzaam.api.i18n.Text;

/**
 * One thing a module asks the person's consent for, as shown on "Mijn toestemmingen".
 *
 * <p>Change {@code version} whenever the meaning of {@code text} changes: consents given for an
 * older version then no longer count and the person is asked again. A spelling fix that does not
 * change the meaning may keep the version.
 *
 * @param id        stable id within the module: lower case letters, digits and dashes, e.g. {@code share-phone}
 * @param version   the text version, 1 or higher
 * @param title     a short title in Dutch (B1) and English, e.g. "Telefoonnummer delen"
 * @param text      the full text the person agrees to, in Dutch (B1) and English
 * @param withoutIt what happens when the person does not give it (or withdraws it), in plain words;
 *                  no service may be refused for a consent that is not needed for it
 */
public record ConsentPurpose(String id, int version, Text title, Text text, Text withoutIt) {

    public ConsentPurpose {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(withoutIt, "withoutIt");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*") || id.length() > 60) {
            throw new IllegalArgumentException("a purpose id is lower case letters, digits and dashes, at most 60: " + id);
        }
        if (version < 1) {
            throw new IllegalArgumentException("a text version is 1 or higher");
        }
    }
}
