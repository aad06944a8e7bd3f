package nl.samenredzaam.calendar.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.calendar.api.CalendarService;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration;
import nl.samenredzaam.calendar.api.UpcomingActivity;

/** The calendar's offer to other modules (welzijn op recept, volunteering), on the caller's transaction. */
@Component(service = CalendarService.class)
public final class CalendarServiceImpl implements CalendarService {

    private final ActivityRepository activities = new ActivityRepository();
    private final RegistrationRepository registrations = new RegistrationRepository();
    private final Registrations rules;

    @Activate
    public CalendarServiceImpl(@Reference Notifier notifier) {
        this(notifier, Clock.systemUTC());
    }

    public CalendarServiceImpl(Notifier notifier, Clock clock) {
        this.rules = new Registrations(activities, registrations, notifier, clock);
    }

    @Override
    public List<UpcomingActivity> upcoming(Sql sql, OffsetDateTime from, OffsetDateTime to, int limit) {
        return rules.occurrences().between(sql, from.toInstant(), to.toInstant(),
                a -> a.status() == Activity.Status.PUBLISHED).stream()
                .filter(o -> !o.isCancelled())
                .limit(Math.max(0, limit))
                .map(o -> new UpcomingActivity(o.activity().id(), o.activity().title(), o.activity().category(),
                        Views.local(o.start()), Views.local(o.end()), o.activity().location(), o.placesLeft(),
                        "/calendar/activities/" + o.activity().id()))
                .toList();
    }

    @Override
    public Registration register(Sql sql, long activityId, OffsetDateTime start, Participant participant) {
        try {
            return toApi(rules.register(sql, activityId, start.toInstant(), participant, null, null));
        } catch (CalendarException e) {
            throw new IllegalArgumentException(e.reason().name(), e);
        }
    }

    @Override
    public Optional<Registration> registration(Sql sql, long registrationId) {
        return registrations.find(sql, registrationId).map(CalendarServiceImpl::toApi);
    }

    private static Registration toApi(RegistrationRow r) {
        return new Registration(r.id(), r.activityId(), Views.local(r.occurrenceStart()), r.status());
    }
}
