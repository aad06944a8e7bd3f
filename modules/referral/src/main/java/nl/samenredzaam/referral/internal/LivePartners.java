package nl.samenredzaam.referral.internal;

import java.util.Optional;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.module.ModuleSwitches;
import nl.samenredzaam.calendar.api.CalendarService;
import nl.samenredzaam.volunteering.api.HelpRequestService;

/**
 * Partners as the OSGi service registry offers them (optional, dynamic references set by the
 * module component), combined with the initiative's module switch from the platform's
 * {@link ModuleSwitches}. Without the switchboard a partner counts as off (free text).
 */
final class LivePartners implements Partners {

    private volatile CalendarService calendar;
    private volatile HelpRequestService volunteering;
    private volatile Directory directory;
    private volatile ModuleSwitches switches;

    /*
     * The services arrive as Object so that this bundle still loads when the calendar or
     * volunteering bundle (and so its API package) is not installed at all.
     */
    void useCalendar(Object service) {
        try {
            this.calendar = (CalendarService) service;
        } catch (ClassCastException | LinkageError e) {
            this.calendar = null;
        }
    }

    void useVolunteering(Object service) {
        try {
            this.volunteering = (HelpRequestService) service;
        } catch (ClassCastException | LinkageError e) {
            this.volunteering = null;
        }
    }

    void useSwitches(Object service) {
        this.switches = (ModuleSwitches) service;
    }

    void dropSwitches(Object service) {
        if (switches == service) {
            switches = null;
        }
    }

    void useDirectory(Object service) {
        this.directory = (Directory) service;
    }

    /* A dynamic reference may bind the replacement before it unbinds the old one: only forget the one that goes. */
    void dropCalendar(Object service) {
        if (calendar == service) {
            calendar = null;
        }
    }

    void dropVolunteering(Object service) {
        if (volunteering == service) {
            volunteering = null;
        }
    }

    void dropDirectory(Object service) {
        if (directory == service) {
            directory = null;
        }
    }

    @Override
    public Optional<CalendarService> calendar(Sql sql) {
        CalendarService service = calendar;
        return service != null && enabled(sql, "calendar") ? Optional.of(service) : Optional.empty();
    }

    @Override
    public Optional<HelpRequestService> volunteering(Sql sql) {
        HelpRequestService service = volunteering;
        return service != null && enabled(sql, "volunteering") ? Optional.of(service) : Optional.empty();
    }

    @Override
    public Optional<Directory> directory() {
        return Optional.ofNullable(directory);
    }

    /** Whether another module is on for the initiative of {@code sql} (and running). */
    boolean enabled(Sql sql, String moduleId) {
        ModuleSwitches s = switches;
        return s != null && s.isEnabled(sql.initiativeId(), moduleId);
    }
}
