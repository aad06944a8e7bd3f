package nl.samenredzaam.calendar.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Expands an activity's RFC 5545 recurrence rule into occurrence starts: a pure function of its
 * arguments, with the rule evaluated in Europe/Amsterdam local time so that an activity at 10.00
 * stays at 10.00 across the change to and from summer time. Expansion is done by ical4j.
 */
public final class Recurrence {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** Upper bound on occurrences per expansion, against rules that would produce millions. */
    static final int MAX_OCCURRENCES = 2000;

    private Recurrence() {
    }

    /**
     * The starts of the occurrences that begin in {@code [from, to)}, earliest first.
     *
     * @param first      start of the first occurrence (DTSTART)
     * @param rrule      an RRULE value such as {@code FREQ=WEEKLY;BYDAY=TU}, or {@code null} for a single event
     * @param exceptions local dates (Europe/Amsterdam) on which an occurrence does not take place (EXDATE)
     */
    public static List<Instant> starts(Instant first, String rrule, Collection<LocalDate> exceptions, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        if (rrule == null || rrule.isBlank()) {
            boolean inRange = !first.isBefore(from) && first.isBefore(to);
            return inRange && !exceptions.contains(first.atZone(ZONE).toLocalDate()) ? List.of(first) : List.of();
        }
        if (!to.isAfter(first)) {
            return List.of();
        }
        ZonedDateTime periodStart = (from.isBefore(first) ? first : from).atZone(ZONE);
        ZonedDateTime periodEnd = to.minusNanos(1).atZone(ZONE);
        Recur<ZonedDateTime> recur = parse(rrule);
        ZonedDateTime seed = fastForward(recur, first.atZone(ZONE), periodStart);
        List<ZonedDateTime> dates = recur.getDates(seed, periodStart, periodEnd, MAX_OCCURRENCES);
        Set<LocalDate> skip = exceptions instanceof Set<LocalDate> s ? s : Set.copyOf(exceptions);
        List<Instant> result = new ArrayList<>(dates.size());
        for (ZonedDateTime date : dates) {
            Instant start = date.toInstant();
            if (!start.isBefore(from) && start.isBefore(to) && !skip.contains(date.toLocalDate())) {
                result.add(start);
            }
        }
        result.sort(null);
        return result;
    }

    /**
     * A later seed with the same phase as {@code seed}, strictly before {@code periodStart}: whole
     * multiples of the rule's interval (in local time, so the time of day stays). ical4j walks
     * from the seed to the period; without this a weekly series that began years ago costs a
     * walk through every week since. Only for rules whose occurrences in the period do not depend
     * on where the walk starts: no COUNT, and no day-of-month or leap-day default that a shift
     * could change.
     */
    static ZonedDateTime fastForward(Recur<ZonedDateTime> recur, ZonedDateTime seed, ZonedDateTime periodStart) {
        if (recur.getCount() > 0 || !periodStart.isAfter(seed)) {
            return seed;
        }
        long interval = Math.max(1, recur.getInterval());
        ChronoUnit unit;
        switch (recur.getFrequency()) {
            case DAILY -> unit = ChronoUnit.DAYS;
            case WEEKLY -> unit = ChronoUnit.WEEKS;
            case MONTHLY -> {
                if (seed.getDayOfMonth() > 28 && recur.getDayList().isEmpty() && recur.getMonthDayList().isEmpty()) {
                    return seed;
                }
                unit = ChronoUnit.MONTHS;
            }
            case YEARLY -> {
                if (seed.getMonthValue() == 2 && seed.getDayOfMonth() == 29) {
                    return seed;
                }
                unit = ChronoUnit.YEARS;
            }
            default -> {
                return seed;
            }
        }
        long steps = unit.between(seed.toLocalDateTime(), periodStart.toLocalDateTime()) / interval - 1;
        if (steps <= 0) {
            return seed;
        }
        ZonedDateTime shifted = seed.toLocalDateTime().plus(steps * interval, unit).atZone(ZONE);
        return shifted.isBefore(periodStart) ? shifted : seed;
    }

    /** Arguments of one expansion; the expansion is a pure function of them, so it can be remembered. */
    private record Key(Instant first, String rrule, List<LocalDate> exceptions, Instant from, Instant to) {
    }

    static final int CACHE_LIMIT = 20_000;
    private static final java.util.concurrent.ConcurrentHashMap<Key, List<Instant>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link #starts} remembered for the last {@value #CACHE_LIMIT} distinct arguments: listing the
     * same week or month again (the common case) costs a map lookup per series. A changed activity
     * has other arguments, so nothing stale is ever returned; the map is simply emptied when full.
     */
    public static List<Instant> cachedStarts(Instant first, String rrule, List<LocalDate> exceptions, Instant from, Instant to) {
        if (rrule == null || rrule.isBlank()) {
            return starts(first, rrule, exceptions, from, to);
        }
        Key key = new Key(first, rrule, List.copyOf(exceptions), from, to);
        List<Instant> found = CACHE.get(key);
        if (found == null) {
            found = List.copyOf(starts(first, rrule, exceptions, from, to));
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(key, found);
        }
        return found;
    }

    /**
     * Whether {@code start} is an occurrence of the series (not excluded). Used to check a
     * registration before it is stored.
     */
    public static boolean isOccurrence(Instant first, String rrule, Collection<LocalDate> exceptions, Instant start) {
        return starts(first, rrule, exceptions, start, start.plusSeconds(1)).contains(start);
    }

    /**
     * The last start the rule can produce, or {@code null} when it repeats for ever. Stored with
     * the activity so that listing a month only expands the series that can fall in it.
     */
    public static Instant lastStart(Instant first, String rrule, Collection<LocalDate> exceptions) {
        if (rrule == null || rrule.isBlank()) {
            return first;
        }
        Recur<ZonedDateTime> recur = parse(rrule);
        if (recur.getUntil() == null && recur.getCount() < 1) {
            return null;
        }
        Instant horizon = first.plus(Duration.ofDays(366L * 50));
        // at most one a day (see parse): the cap only guards against a rule we did not foresee
        List<ZonedDateTime> dates = recur.getDates(first.atZone(ZONE), first.atZone(ZONE), horizon.atZone(ZONE), 366 * 50 + 1);
        return dates.isEmpty() ? first : dates.get(dates.size() - 1).toInstant();
    }

    private static final java.util.regex.Pattern UNTIL =
            java.util.regex.Pattern.compile("(?i)(^|;)UNTIL=(\\d{8})(T(\\d{6}))?(Z)?(?=;|$)");

    /**
     * The rule with its UNTIL as a UTC date-time, as RFC 5545 requires next to a DTSTART with a
     * time zone: a date-only UNTIL ({@code UNTIL=20270101}) means through the end of that day in
     * Lindeholt, a local date-time ({@code UNTIL=20270101T100000}) is read in Europe/Amsterdam.
     * ical4j accepts both but fails while expanding them against a zoned start (found by
     * {@code RecurrenceFuzzTest}: {@code FREQ=WEEKLY;UNTIL=20270101} was a 500).
     *
     * @throws IllegalArgumentException when the UNTIL is not a real date or time
     */
    public static String normalize(String rrule) {
        java.util.regex.Matcher m = UNTIL.matcher(rrule);
        if (!m.find() || m.group(5) != null) {
            return rrule;
        }
        try {
            LocalDate day = LocalDate.parse(m.group(2), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            java.time.LocalDateTime local = m.group(4) == null ? day.atTime(23, 59, 59)
                    : day.atTime(java.time.LocalTime.parse(m.group(4), java.time.format.DateTimeFormatter.ofPattern("HHmmss")));
            String utc = local.atZone(ZONE).withZoneSameInstant(java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'"));
            return rrule.substring(0, m.start()) + m.group(1) + "UNTIL=" + utc + rrule.substring(m.end());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a valid UNTIL", e);
        }
    }

    /**
     * Parses and checks a rule: only daily, weekly, monthly and yearly rules (an activity does not
     * repeat every minute). Throws {@link IllegalArgumentException} when the rule is not valid.
     */
    public static Recur<ZonedDateTime> parse(String rrule) {
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(normalize(rrule.strip().replaceFirst("(?i)^RRULE:", "")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid RRULE", e);
        }
        Frequency frequency = recur.getFrequency();
        if (frequency == null || frequency == Frequency.SECONDLY || frequency == Frequency.MINUTELY
                || frequency == Frequency.HOURLY) {
            throw new IllegalArgumentException("only DAILY, WEEKLY, MONTHLY and YEARLY rules");
        }
        // An activity takes place at most once a day, at the time of its start. BYHOUR, BYMINUTE
        // and BYSECOND would multiply every day into up to 86,400 occurrences: a rule such as
        // FREQ=DAILY;BYHOUR=0,...,23;BYMINUTE=0,5,...;COUNT=100000000 kept a save busy for 40 s
        // (found by RecurrenceFuzzTest).
        if (!recur.getHourList().isEmpty() || !recur.getMinuteList().isEmpty() || !recur.getSecondList().isEmpty()) {
            throw new IllegalArgumentException("an activity repeats at most once a day: no BYHOUR, BYMINUTE or BYSECOND");
        }
        return recur;
    }
}
