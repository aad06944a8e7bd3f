package nl.samenredzaam.referral.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.calendar.api.CalendarService;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration;
import nl.samenredzaam.calendar.api.UpcomingActivity;
import nl.samenredzaam.volunteering.api.HelpRequestDraft;
import nl.samenredzaam.volunteering.api.HelpRequestService;
import nl.samenredzaam.volunteering.api.HelpRequestStatus;

/** Small in-memory stand-ins for the platform and the partner modules. */
final class Fakes {

    private Fakes() {
    }

    /** A calendar with one weekly activity and registrations whose attendance a test can set. */
    static final class FakeCalendar implements CalendarService {
        final Map<Long, Registration> registrations = new HashMap<>();
        final List<Participant> participants = new ArrayList<>();
        final List<UpcomingActivity> activities = new ArrayList<>();
        private long next = 500;

        FakeCalendar(OffsetDateTime firstWalk) {
            for (int i = 0; i < 4; i++) {
                activities.add(new UpcomingActivity(7, "Wandelgroep", "bewegen", firstWalk.plusWeeks(i), firstWalk.plusWeeks(i).plusHours(1),
                        "Dorpshuis De Linde", 5, "/calendar/activities/7"));
            }
        }

        @Override
        public List<UpcomingActivity> upcoming(Sql sql, OffsetDateTime from, OffsetDateTime to, int limit) {
            return activities.stream().filter(a -> !a.start().isBefore(from) && !a.start().isAfter(to)).limit(limit).toList();
        }

        @Override
        public Registration register(Sql sql, long activityId, OffsetDateTime start, Participant participant) {
            if (activities.stream().noneMatch(a -> a.activityId() == activityId && a.start().isEqual(start))) {
                throw new IllegalArgumentException("no such occurrence");
            }
            participants.add(participant);
            Registration r = new Registration(next++, activityId, start, Registration.Status.REGISTERED);
            registrations.put(r.id(), r);
            return r;
        }

        @Override
        public Optional<Registration> registration(Sql sql, long registrationId) {
            return Optional.ofNullable(registrations.get(registrationId));
        }

        void attend(long registrationId, Registration.Status status) {
            Registration r = registrations.get(registrationId);
            registrations.put(registrationId, new Registration(r.id(), r.activityId(), r.start(), status));
        }
    }

    /** Volunteering that remembers the drafts it got. */
    static final class FakeVolunteering implements HelpRequestService {
        final List<HelpRequestDraft> drafts = new ArrayList<>();
        final Map<Long, HelpRequestStatus> statuses = new HashMap<>();

        @Override
        public List<Category> categories(Sql sql) {
            return List.of(new Category("gezelschap", "Gezelschap (maatje)", "Company (buddy)"),
                    new Category("vervoer", "Vervoer", "Transport"));
        }

        @Override
        public long requestHelp(Sql sql, HelpRequestDraft draft) {
            drafts.add(draft);
            long id = 900 + drafts.size();
            statuses.put(id, new HelpRequestStatus(id, HelpRequestStatus.State.SUBMITTED, null, "/volunteering/requests/" + id));
            return id;
        }

        @Override
        public Optional<HelpRequestStatus> status(Sql sql, long requestId) {
            return Optional.ofNullable(statuses.get(requestId));
        }
    }

    /** Members of every initiative. */
    static final class FakeDirectory implements Directory {
        final Map<Long, Member> members = new HashMap<>();

        FakeDirectory add(long id, String name, String email, Role... roles) {
            members.put(id, new Member(id, name, email, Set.of(roles)));
            return this;
        }

        @Override
        public List<Member> withRole(Sql sql, Role role) {
            return members.values().stream().filter(m -> m.roles().contains(role)).toList();
        }

        @Override
        public Optional<Member> member(Sql sql, long userId) {
            return Optional.ofNullable(members.get(userId));
        }
    }
}
