package nl.samenredzaam.wmointake.internal.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.module.Role;

/** The members of the test initiative (the same for every initiative id, except 2 which has only user 90). */
public final class FakeDirectory implements Directory {

    public static final long PROFESSIONAL = 10;
    public static final long PROFESSIONAL2 = 11;
    public static final long COORDINATOR = 20;
    public static final long COORDINATOR2 = 21;
    public static final long VOLUNTEER = 30;
    public static final long RESIDENT = 40;
    public static final long RESIDENT2 = 41;
    public static final long ADMIN = 50;
    public static final long REFERRER = 60;

    private final List<Member> members = new ArrayList<>(List.of(
            new Member(PROFESSIONAL, "Marieke Smit", "marieke@example.org", Set.of(Role.PROFESSIONAL)),
            new Member(PROFESSIONAL2, "Joost Prins", "joost@example.org", Set.of(Role.PROFESSIONAL)),
            new Member(COORDINATOR, "Ria Jansen", "ria@example.org", Set.of(Role.COORDINATOR)),
            new Member(COORDINATOR2, "Kees Vos", "kees@example.org", Set.of(Role.COORDINATOR)),
            new Member(VOLUNTEER, "Sanne Meijer", "sanne@example.org", Set.of(Role.VOLUNTEER)),
            new Member(RESIDENT, "Gerrit de Boer", "gerrit@example.org", Set.of(Role.RESIDENT)),
            new Member(RESIDENT2, "Truus Bakker", null, Set.of(Role.RESIDENT)),
            new Member(ADMIN, "Henk Mulder", "henk@example.org", Set.of(Role.ADMIN)),
            new Member(REFERRER, "Pieter van Dijk", "pieter@example.org", Set.of(Role.REFERRER))));

    @Override
    public List<Member> withRole(Sql sql, Role role) {
        return members.stream().filter(m -> m.roles().contains(role)).toList();
    }

    @Override
    public Optional<Member> member(Sql sql, long userId) {
        return members.stream().filter(m -> m.userId() == userId).findFirst();
    }
}
