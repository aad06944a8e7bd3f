package ${package}.internal;

import java.time.Instant;

/** One note. */
public record Note(long id, String text, String authorName, Instant createdAt) {
}
