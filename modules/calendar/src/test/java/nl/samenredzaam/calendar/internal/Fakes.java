package nl.samenredzaam.calendar.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.module.Role;

/** In-memory stand-ins for the platform services the calendar uses. */
final class Fakes {

    private Fakes() {
    }

    static Instant ams(String local) {
        return LocalDateTime.parse(local).atZone(Recurrence.ZONE).toInstant();
    }

    /** Members with e-mail addresses {@code user<id>@example.org}. */
    static final class People implements Directory {
        @Override
        public List<Member> withRole(Sql sql, Role role) {
            return List.of();
        }

        @Override
        public Optional<Member> member(Sql sql, long userId) {
            return Optional.of(new Member(userId, "Lid " + userId, "user" + userId + "@example.org", Set.of(Role.RESIDENT)));
        }
    }

    static Map<String, String> problems() {
        return ActivityInput.newProblems();
    }
}
