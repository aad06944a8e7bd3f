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

    /** Files a request for a volunteer on the person's behalf; returns its id. */
    long requestHelp(Sql sql, String category, String description, Long userId, String name, String phone, LocalDate preferredDate,
            String source);
}
