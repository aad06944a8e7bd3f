package nl.samenredzaam.volunteering.internal.calendar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.calendar.api.CalendarService;
import nl.samenredzaam.volunteering.internal.Activity;
import nl.samenredzaam.volunteering.internal.ActivityOffer;

/**
 * The only class that touches the calendar's API (imported optionally): it exists as a service
 * while a {@link CalendarService} does. Whether the calendar is enabled for the initiative is
 * checked by the caller.
 */
@Component(service = ActivityOffer.class)
public final class CalendarBridge implements ActivityOffer {

    private final CalendarService calendar;

    @Activate
    public CalendarBridge(@Reference CalendarService calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<Activity> upcoming(Sql sql, Instant from, Instant to, int limit) {
        return calendar.upcoming(sql, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), limit).stream()
                .map(a -> new Activity(a.activityId(), a.title(), a.start().toInstant(), a.end() == null ? null : a.end().toInstant(),
                        a.location()))
                .toList();
    }
}
