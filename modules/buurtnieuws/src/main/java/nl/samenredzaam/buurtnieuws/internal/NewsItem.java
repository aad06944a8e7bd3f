package nl.samenredzaam.buurtnieuws.internal;

import java.time.Instant;

/** One message on the notice board. */
public record NewsItem(long id, String title, String body, String authorName, Instant publishedAt) {
}
