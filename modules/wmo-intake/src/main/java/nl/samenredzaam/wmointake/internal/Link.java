package nl.samenredzaam.wmointake.internal;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Something arranged from the conversation: a registration for a calendar activity, a request for
 * a volunteer, or (when those modules are not enabled) a line of free text.
 *
 * @param externalId the calendar registration id or the help request id; {@code null} for text
 */
public record Link(long id, long fileId, Choices.LinkKind kind, Long externalId, String title, OffsetDateTime startsAt,
        Instant createdAt) {

    @Override
    public String toString() {
        return "Link[id=" + id + ", kind=" + kind + "]";
    }
}
