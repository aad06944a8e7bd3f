package nl.samenredzaam.testing.fake;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.module.Role;

/**
 * The members of initiatives, in memory: add people per initiative; {@link #withRole} and
 * {@link #member} answer for the initiative of the {@link Sql} they get, so a person of another
 * initiative is never found, as on the platform.
 */
public final class FakeDirectory implements Directory {

    private final Map<Long, Map<Long, Member>> members = new LinkedHashMap<>();

    /** Adds (or replaces) a member of an initiative. */
    public synchronized FakeDirectory add(long initiativeId, Member member) {
        members.computeIfAbsent(initiativeId, k -> new LinkedHashMap<>()).put(member.userId(), member);
        return this;
    }

    /** Adds a member of an initiative with these roles. */
    public FakeDirectory add(long initiativeId, long userId, String displayName, String email, Role... roles) {
        return add(initiativeId, new Member(userId, displayName, email,
                roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles))));
    }

    /** Removes a member from an initiative. */
    public synchronized FakeDirectory remove(long initiativeId, long userId) {
        members.getOrDefault(initiativeId, Map.of()).remove(userId);
        return this;
    }

    /** The members with {@code role} in the initiative of {@code sql}, by name. */
    @Override
    public synchronized List<Member> withRole(Sql sql, Role role) {
        return members.getOrDefault(sql.initiativeId(), Map.of()).values().stream()
                .filter(m -> m.roles().contains(role))
                .sorted(Comparator.comparing(Member::displayName))
                .toList();
    }

    /** A member of the initiative of {@code sql}. */
    @Override
    public synchronized Optional<Member> member(Sql sql, long userId) {
        return Optional.ofNullable(members.getOrDefault(sql.initiativeId(), Map.of()).get(userId));
    }
}
