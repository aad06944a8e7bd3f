package nl.samenredzaam.calendar.internal;

import static nl.samenredzaam.calendar.internal.Fakes.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.data.Sql;

/**
 * The month listing of a 10,000-activity initiative (the shape of the wrk benchmark in
 * docs/performance.md: one-off activities over the coming year, next to a few long-running weekly
 * series and another initiative's activities) is answered through the index
 * {@code calendar_activity_range}, not a scan of the table, on H2 and on PostgreSQL: checked with
 * each database's own EXPLAIN of the very statement {@link ActivityRepository#inRange} runs.
 */
abstract class MonthQueryPlanDatabaseTest extends OnDatabase {

    static final Instant FIRST = ams("2026-12-01T00:00");
    static final int ACTIVITIES = 10_000;

    @Test
    void theMonthQueryUsesTheRangeIndex() throws Exception {
        long mine = db.newInitiative();
        long other = db.newInitiative();
        Instant now = Instant.parse("2026-11-26T09:00:00Z");
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into calendar_activity (initiative_id, title, description, "
                    + "category, wheelchair, hearing_loop, starts_at, ends_at, rrule, series_until, registration_required, waitlist, "
                    + "visibility, status, sequence_no, created_at, updated_at) values (?, ?, '', 'ontmoeten', false, false, ?, ?, ?, ?, "
                    + "false, true, 'PUBLIC', 'PUBLISHED', 0, ?, ?)")) {
                for (int i = 0; i < ACTIVITIES + 2_000; i++) {
                    boolean series = i % 500 == 0;
                    long initiative = i < ACTIVITIES ? mine : other;
                    // one-off activities spread over the coming year; a few weekly series that began years ago
                    Instant start = series ? FIRST.minus(Duration.ofDays(700 + i % 97)) : FIRST.plus(Duration.ofMinutes(i * 52L % 525_600));
                    ps.setLong(1, initiative);
                    ps.setString(2, "Activiteit " + i);
                    ps.setTimestamp(3, Timestamp.from(start));
                    ps.setTimestamp(4, Timestamp.from(start.plus(Duration.ofHours(1))));
                    ps.setString(5, series ? "FREQ=WEEKLY" : null);
                    ps.setTimestamp(6, series ? null : Timestamp.from(start));
                    ps.setTimestamp(7, Timestamp.from(now));
                    ps.setTimestamp(8, Timestamp.from(now));
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute(dialect() == Sql.Dialect.H2 ? "analyze" : "analyze calendar_activity");
            }
            c.commit();
        }
        Instant from = FIRST.plus(Duration.ofDays(31 * 5));
        Instant to = from.plus(Duration.ofDays(31));
        List<String> plan = db.inInitiative(mine, sql -> sql.list("explain " + ActivityRepository.IN_RANGE, r -> r.getString(1),
                "from", from, "to", to));
        String text = String.join("\n", plan).toLowerCase(Locale.ROOT);
        assertTrue(text.contains("calendar_activity_range"), "the month query does not use the range index on " + dialect()
                + ":\n" + text);
        if (dialect() == Sql.Dialect.POSTGRESQL) {
            assertTrue(!text.contains("seq scan"), "no sequential scan:\n" + text);
        }
        // and the answer is right: the one-off activities of that month and the running series
        int found = db.inInitiative(mine, sql -> new ActivityRepository().inRange(sql, from, to)).size();
        int expected = 0;
        for (int i = 0; i < ACTIVITIES; i++) {
            boolean series = i % 500 == 0;
            Instant start = series ? null : FIRST.plus(Duration.ofMinutes(i * 52L % 525_600));
            if (series || !start.isBefore(from) && start.isBefore(to)) {
                expected++;
            }
        }
        assertEquals(expected, found);
        System.out.println("[plan] month query on " + dialect() + ":\n" + String.join("\n", plan));
    }
}
