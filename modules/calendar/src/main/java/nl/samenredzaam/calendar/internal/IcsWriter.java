package nl.samenredzaam.calendar.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import nl.samenredzaam.calendar.internal.ActivityRepository.Change;

/**
 * Writes activities as RFC 5545 iCalendar with ical4j: one VEVENT per activity (stable UID,
 * SEQUENCE, RRULE and EXDATE for a series, the activity's web address in DESCRIPTION and URL),
 * plus one VEVENT with RECURRENCE-ID per cancelled (STATUS:CANCELLED) or moved occurrence.
 * Times carry TZID=Europe/Amsterdam with its VTIMEZONE.
 */
public final class IcsWriter {

    /** One activity with its occurrence changes and its web address. */
    public record Entry(Activity activity, List<Change> changes, String url) {
    }

    private IcsWriter() {
    }

    /**
     * @param name     the calendar's name shown by calendar apps
     * @param uidHost  the domain part of UIDs, stable per initiative (e.g. its slug)
     */
    public static String write(String name, String uidHost, List<Entry> entries) {
        return withBundleLoader(() -> {
            Calendar calendar = new Calendar();
            calendar.add(new ProdId("-//Samenredzaam//Activiteitenkalender//NL"));
            calendar.add(ImmutableVersion.VERSION_2_0);
            calendar.add(ImmutableCalScale.GREGORIAN);
            calendar.add(ImmutableMethod.PUBLISH);
            calendar.add(new XProperty("X-WR-CALNAME", name));
            calendar.add(new XProperty("X-WR-TIMEZONE", Recurrence.ZONE.getId()));
            calendar.add(amsterdam());
            for (Entry e : entries) {
                calendar.add(master(e, uidHost));
                for (Change c : e.changes()) {
                    calendar.add(exception(e, c, uidHost));
                }
            }
            StringWriter out = new StringWriter();
            try {
                new CalendarOutputter(false).output(calendar, out);
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            return out.toString();
        });
    }

    /**
     * The VTIMEZONE of Europe/Amsterdam as calendar apps write it (EU summer time rules since 1996).
     * Written here rather than taken from ical4j's registry, which names the zone Europe/Brussels
     * (an alias in current tzdata) and may try to update definitions over the network.
     */
    private static final String AMSTERDAM = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
            "PRODID:-//Samenredzaam//Activiteitenkalender//NL", "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19810329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD", "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD", "END:VTIMEZONE", "END:VCALENDAR", "");

    private static VTimeZone amsterdam() {
        try {
            Calendar parsed = new CalendarBuilder().build(new StringReader(AMSTERDAM));
            return parsed.<VTimeZone>getComponents(Component.VTIMEZONE).get(0);
        } catch (IOException | ParserException e) {
            throw new IllegalStateException("built-in VTIMEZONE does not parse", e);
        }
    }

    private static ZonedDateTime local(Instant instant) {
        return instant.atZone(Recurrence.ZONE);
    }

    private static VEvent master(Entry e, String uidHost) {
        Activity a = e.activity();
        VEvent event = new VEvent(local(a.start()), local(a.end()), a.title());
        common(event, e, uidHost);
        if (a.recurring()) {
            event.add(new RRule<ZonedDateTime>(a.rrule()));
            if (!a.exceptions().isEmpty()) {
                List<ZonedDateTime> list = new ArrayList<>();
                for (LocalDate d : a.exceptions()) {
                    list.add(ZonedDateTime.of(d, local(a.start()).toLocalTime(), Recurrence.ZONE));
                }
                DateList<ZonedDateTime> dates = new DateList<>(list);
                event.add(new ExDate<>(new ParameterList(List.of(new TzId(Recurrence.ZONE.getId()))), dates));
            }
        }
        event.add(a.status() == Activity.Status.CANCELLED ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
        return event;
    }

    private static VEvent exception(Entry e, Change c, String uidHost) {
        Activity a = e.activity();
        Instant start = c.movedStart() != null ? c.movedStart() : c.key();
        Instant end = c.movedStart() != null ? (c.movedEnd() != null ? c.movedEnd() : c.movedStart().plus(a.duration()))
                : c.key().plus(a.duration());
        VEvent event = new VEvent(local(start), local(end), c.cancelled() ? "Gaat niet door: " + a.title() : a.title());
        event.add(new RecurrenceId<>(local(c.key())));
        common(event, e, uidHost);
        event.add(c.cancelled() || a.status() == Activity.Status.CANCELLED ? new Status(Status.VALUE_CANCELLED)
                : new Status(Status.VALUE_CONFIRMED));
        return event;
    }

    private static void common(VEvent event, Entry e, String uidHost) {
        Activity a = e.activity();
        event.add(new Uid("activity-" + a.id() + "@" + uidHost + ".samenredzaam"));
        event.add(new Sequence(a.sequence()));
        event.replace(new DtStamp(a.updatedAt()));
        StringBuilder description = new StringBuilder();
        if (!a.description().isBlank()) {
            description.append(a.description()).append("\n\n");
        }
        if (a.accessibility() != null) {
            description.append(a.accessibility()).append("\n\n");
        }
        if (a.onlineUrl() != null) {
            description.append("Online: ").append(a.onlineUrl()).append("\n\n");
        }
        description.append("Meer informatie en inschrijven: ").append(e.url());
        event.add(new Description(description.toString()));
        if (a.location() != null) {
            event.add(new Location(a.location()));
        }
        event.add(new Url(URI.create(e.url())));
        event.add(new Categories(a.category()));
    }

    /**
     * Runs ical4j with this bundle's class loader as the context class loader: ical4j finds its
     * property and component factories through {@link java.util.ServiceLoader}, whose service
     * files are inside this bundle, not on the framework's class path.
     */
    static <T> T withBundleLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(IcsWriter.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
