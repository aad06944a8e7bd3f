package nl.samenredzaam.wmointake.internal.coop;

import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.volunteering.api.HelpRequestDraft;
import nl.samenredzaam.volunteering.api.HelpRequestService;

/** Volunteering seen through {@link VolunteerOffer}. Active only while a {@link HelpRequestService} exists. */
@Component(service = VolunteerOffer.class)
public final class VolunteeringAdapter implements VolunteerOffer {

    private final HelpRequestService help;

    @Activate
    public VolunteeringAdapter(@Reference HelpRequestService help) {
        this.help = help;
    }

    @Override
    public List<Category> categories(Sql sql) {
        return help.categories(sql).stream().map(c -> new Category(c.key(), c.labelNl(), c.labelEn())).toList();
    }

    @Override
    public java.util.Optional<Status> status(Sql sql, long requestId) {
        return help.status(sql, requestId).map(s -> new Status(s.state().name(), s.volunteerFirstName()));
    }

    @Override
    public long requestHelp(Sql sql, String category, String description, Long userId, String name, String phone,
            LocalDate preferredDate, String source) {
        // one-to-one with a person who needs Wmo support: only volunteers with a valid VOG
        return help.requestHelp(sql, new HelpRequestDraft(category, description, userId, name, phone, null, null, preferredDate,
                true, source));
    }
}
