package nl.samenredzaam.wmointake.internal.coop;

import java.time.OffsetDateTime;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.calendar.api.CalendarService;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration;

/** The calendar seen through {@link ActivityOffer}. Active only while a {@link CalendarService} exists. */
@Component(service = ActivityOffer.class)
public final class CalendarAdapter implements ActivityOffer {

    private final CalendarService calendar;

    @Activate
    public CalendarAdapter(@Reference CalendarService calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<Activity> upcoming(Sql sql, OffsetDateTime from, OffsetDateTime to, int limit) {
        return calendar.upcoming(sql, from, to, limit).stream()
                .map(a -> new Activity(a.activityId(), a.title(), a.start(), a.location(), a.placesLeft())).toList();
    }

    @Override
    public java.util.Optional<String> registrationState(Sql sql, long registrationId) {
        return calendar.registration(sql, registrationId).map(r -> r.status().name());
    }

    @Override
    public Registered register(Sql sql, long activityId, OffsetDateTime start, Long userId, String name, String phone) {
        Registration r = calendar.register(sql, activityId, start, new Participant(userId, name, phone));
        return new Registered(r.id(), r.status() == Registration.Status.WAITLISTED);
    }
}
