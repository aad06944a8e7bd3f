package nl.samenredzaam.volunteering.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.volunteering.api.HelpRequestDraft;
import nl.samenredzaam.volunteering.api.HelpRequestService;
import nl.samenredzaam.volunteering.api.HelpRequestStatus;
import nl.samenredzaam.volunteering.internal.HelpRequest.Urgency;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;
import nl.samenredzaam.volunteering.internal.HelpRequest.WhenKind;

/**
 * Volunteering's offer to welzijn op recept and the Wmo intake: file a request for a person
 * (coordinator-only, waiting for a coordinator) and follow its status. Only the volunteer's first
 * name leaves this module.
 */
@Component(service = HelpRequestService.class)
public final class HelpRequestServiceImpl implements HelpRequestService {

    private final RequestRepository requests = new RequestRepository();
    private final Requests service;

    @Activate
    public HelpRequestServiceImpl(@Reference Notifier notifier, @Reference nl.samenredzaam.api.module.ModuleSettings settings) {
        this(notifier, Clock.systemUTC(), settings);
    }

    /** For tests; {@code settings} may be null (the standard kinds of help). */
    public HelpRequestServiceImpl(Notifier notifier, Clock clock, nl.samenredzaam.api.module.ModuleSettings settings) {
        this.service = new Requests(requests, new ProfileRepository(), notifier, clock);
        this.settings = settings;
    }

    private final nl.samenredzaam.api.module.ModuleSettings settings;

    @Override
    public List<Category> categories(Sql sql) {
        return Categories.of(settings, sql.initiativeId());
    }

    @Override
    public long requestHelp(Sql sql, HelpRequestDraft d) {
        if (!Categories.exists(d.category(), Categories.of(settings, sql.initiativeId()))) {
            throw new IllegalArgumentException("unknown category: " + d.category());
        }
        if (d.description().isBlank() || d.description().length() > RequestForm.DESCRIPTION_MAX) {
            throw new IllegalArgumentException("description must be 1-" + RequestForm.DESCRIPTION_MAX + " characters");
        }
        NewRequest r = new NewRequest(d.category(), d.description().strip(), d.personUserId(), d.personName(), d.personPhone(),
                d.address(), d.neighbourhood(), d.preferredDate() == null ? WhenKind.FLEXIBLE : WhenKind.DATE, d.preferredDate(),
                null, null, null, Urgency.NORMAL, d.oneToOneVulnerable(), Visibility.COORDINATORS, true,
                d.source().length() > 100 ? d.source().substring(0, 100) : d.source(), null, null, null);
        return service.createFromModule(sql, r);
    }

    @Override
    public Optional<HelpRequestStatus> status(Sql sql, long requestId) {
        return requests.find(sql, requestId).map(r -> new HelpRequestStatus(r.id(), r.state(), firstName(r), "/volunteering/vragen/" + r.id()));
    }

    private static String firstName(HelpRequest r) {
        if (r.volunteerName() == null || !(r.state() == HelpRequestStatus.State.CONFIRMED || r.state() == HelpRequestStatus.State.DONE
                || r.state() == HelpRequestStatus.State.CLOSED)) {
            return null;
        }
        String name = r.volunteerName().strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
