package nl.samenredzaam.referral.internal;

import java.util.Optional;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.calendar.api.CalendarService;
import nl.samenredzaam.volunteering.api.HelpRequestService;

/**
 * Partners as the OSGi service registry offers them (optional, dynamic references set by the
 * module component), combined with the initiative's module switch.
 *
 * <p>The platform API has no call to ask whether another module is enabled for an initiative, so
 * the switch is read from the platform's {@code platform_module_switch} table (read only, limited
 * to the initiative). To be replaced by an API call when the platform offers one.
 */
final class LivePartners implements Partners {

    private volatile CalendarService calendar;
    private volatile HelpRequestService volunteering;
    private volatile Directory directory;

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

    /**
     * A setting of this module outside a request (jobs get no settings from the API); the default
     * when the admin has not set it.
     */
    static String setting(Sql sql, String key, String fallback) {
        return sql.first("select setting_value from platform_module_setting where initiative_id = :initiative "
                + "and module_id = :module and setting_key = :key", r -> r.getString(1), "module", ReferralModule.ID, "key", key)
                .orElse(fallback);
    }

    static boolean enabled(Sql sql, String moduleId) {
        return sql.first("select enabled from platform_module_switch where initiative_id = :initiative and module_id = :module",
                r -> r.getBoolean(1), "module", moduleId).orElse(false);
    }
}
