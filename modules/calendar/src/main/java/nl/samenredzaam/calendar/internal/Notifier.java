package nl.samenredzaam.calendar.internal;

import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.event.DomainEvents;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.mail.Mailer;

/**
 * Tells the outside world: e-mail through the platform's {@link Mailer} (queued in the caller's
 * transaction) and domain events through Event Admin (ids only). Both are optional: without them
 * the calendar works and simply sends nothing.
 */
@Component(service = Notifier.class)
public final class Notifier {

    public static final String REGISTRATION_MADE = DomainEvents.topic(CalendarModule.ID, "registration-made");
    public static final String ATTENDED = DomainEvents.topic(CalendarModule.ID, "attended");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Mailer mailer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Directory directory;

    public Notifier() {
    }

    /** For tests and plain use. */
    public Notifier(Mailer mailer, EventAdmin events, Directory directory) {
        this.mailer = mailer;
        this.events = events;
        this.directory = directory;
    }

    /** The e-mail address to use for a registration: the one given with it, else the account's. */
    public Optional<String> emailOf(Sql sql, RegistrationRow r) {
        if (r.email() != null && !r.email().isBlank()) {
            return Optional.of(r.email());
        }
        Directory d = directory;
        if (r.userId() == null || d == null) {
            return Optional.empty();
        }
        return d.member(sql, r.userId()).map(Member::email).filter(e -> !e.isBlank());
    }

    /** Queues a mail to the person of a registration; false when there is no address or no mailer. */
    public boolean mail(Sql sql, RegistrationRow r, String subject, String body) {
        Mailer m = mailer;
        Optional<String> to = emailOf(sql, r);
        if (m == null || to.isEmpty()) {
            return false;
        }
        m.send(sql, new Mail(to.get(), subject, body));
        return true;
    }

    public void registrationMade(long initiativeId, long activityId, long registrationId) {
        post(REGISTRATION_MADE, initiativeId, activityId, registrationId);
    }

    public void attended(long initiativeId, long activityId, long registrationId) {
        post(ATTENDED, initiativeId, activityId, registrationId);
    }

    private void post(String topic, long initiativeId, long activityId, long registrationId) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(topic, Map.of(DomainEvents.INITIATIVE, initiativeId, "activity", activityId,
                    "registration", registrationId)));
        }
    }
}
