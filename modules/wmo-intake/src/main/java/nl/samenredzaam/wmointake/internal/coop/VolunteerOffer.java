package nl.samenredzaam.wmointake.internal.coop;

import java.time.LocalDate;
import java.util.List;

import nl.samenredzaam.api.data.Sql;

/** What this module needs from volunteering; implemented by {@link VolunteeringAdapter} when volunteering is installed. */
public interface VolunteerOffer {

    /** A help category. */
    record Category(String key, String labelNl, String labelEn) {
    }

    List<Category> categories(Sql sql);

    /** Where a request stands, and the first name of the volunteer once confirmed. */
    record Status(String state, String volunteerFirstName) {
    }

    java.util.Optional<Status> status(Sql sql, long requestId);

    /** Files a request for a volunteer on the person's behalf; returns its id. */
    long requestHelp(Sql sql, String category, String description, Long userId, String name, String phone, LocalDate preferredDate,
            String source);
}
