package nl.samenredzaam.referral.internal;

import java.util.Optional;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.calendar.api.CalendarService;
import nl.samenredzaam.volunteering.api.HelpRequestService;

/**
 * The other modules this one cooperates with, each present only when its bundle runs and it is
 * enabled for the initiative. Everything that uses them has a free-text fallback.
 */
public interface Partners {

    /** The calendar, when it runs and is enabled for the initiative of {@code sql}. */
    Optional<CalendarService> calendar(Sql sql);

    /** Volunteer matching, when it runs and is enabled for the initiative of {@code sql}. */
    Optional<HelpRequestService> volunteering(Sql sql);

    /** The member directory, when the platform offers it. */
    Optional<Directory> directory();

    /** No partners at all: everything falls back to free text. */
    static Partners none() {
        return new Partners() {
            @Override
            public Optional<CalendarService> calendar(Sql sql) {
                return Optional.empty();
            }

            @Override
            public Optional<HelpRequestService> volunteering(Sql sql) {
                return Optional.empty();
            }

            @Override
            public Optional<Directory> directory() {
                return Optional.empty();
            }
        };
    }
}
