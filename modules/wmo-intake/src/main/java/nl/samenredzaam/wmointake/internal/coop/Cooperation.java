package nl.samenredzaam.wmointake.internal.coop;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import nl.samenredzaam.api.data.Sql;

/**
 * The other modules this one can work with. Each is offered only when its service is there
 * (installed and running) <em>and</em> the module is enabled for the initiative; otherwise the
 * conversation falls back to free text.
 */
public final class Cooperation {

    public static final String CALENDAR = "calendar";
    public static final String VOLUNTEERING = "volunteering";

    private final AtomicReference<ActivityOffer> activities = new AtomicReference<>();
    private final AtomicReference<VolunteerOffer> volunteers = new AtomicReference<>();
    private final AtomicReference<ModuleSwitches> switches = new AtomicReference<>();

    public Cooperation() {
    }

    /** For tests: fixed services. */
    public Cooperation(ActivityOffer a, VolunteerOffer v, ModuleSwitches s) {
        activities.set(a);
        volunteers.set(v);
        switches.set(s);
    }

    public Optional<ActivityOffer> activities(Sql sql) {
        return offered(activities.get(), sql, CALENDAR);
    }

    public Optional<VolunteerOffer> volunteers(Sql sql) {
        return offered(volunteers.get(), sql, VOLUNTEERING);
    }

    private <T> Optional<T> offered(T service, Sql sql, String moduleId) {
        ModuleSwitches s = switches.get();
        if (service == null || s == null || !s.isEnabled(sql.initiativeId(), moduleId)) {
            return Optional.empty();
        }
        return Optional.of(service);
    }

    public void setActivities(ActivityOffer a) {
        activities.set(a);
    }

    public void unsetActivities(ActivityOffer a) {
        activities.compareAndSet(a, null);
    }

    public void setVolunteers(VolunteerOffer v) {
        volunteers.set(v);
    }

    public void unsetVolunteers(VolunteerOffer v) {
        volunteers.compareAndSet(v, null);
    }

    public void setSwitches(ModuleSwitches s) {
        switches.set(s);
    }

    public void unsetSwitches(ModuleSwitches s) {
        switches.compareAndSet(s, null);
    }
}
