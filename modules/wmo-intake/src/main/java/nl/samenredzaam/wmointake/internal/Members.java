package nl.samenredzaam.wmointake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.module.Role;

/**
 * The members of the initiative through the platform's {@link Directory}, which may come and go
 * (optional, dynamic reference). Without it, nobody can be chosen and checks fail closed.
 */
public final class Members {

    private final AtomicReference<Directory> directory = new AtomicReference<>();

    public Members() {
    }

    public Members(Directory directory) {
        this.directory.set(directory);
    }

    void set(Directory d) {
        directory.set(d);
    }

    void unset(Directory d) {
        directory.compareAndSet(d, null);
    }

    public boolean available() {
        return directory.get() != null;
    }

    public List<Member> withRole(Sql sql, Role role) {
        Directory d = directory.get();
        return d == null ? List.of() : d.withRole(sql, role);
    }

    /** Volunteers and professionals: who can be a cliëntondersteuner. */
    public List<Member> coaches(Sql sql) {
        List<Member> out = new ArrayList<>(withRole(sql, Role.PROFESSIONAL));
        for (Member m : withRole(sql, Role.VOLUNTEER)) {
            if (out.stream().noneMatch(o -> o.userId() == m.userId())) {
                out.add(m);
            }
        }
        return out;
    }

    public Optional<Member> member(Sql sql, long userId) {
        Directory d = directory.get();
        return d == null ? Optional.empty() : d.member(sql, userId);
    }

    public boolean hasRole(Sql sql, long userId, Role role) {
        return member(sql, userId).map(m -> m.roles().contains(role)).orElse(false);
    }

    /** The display name, or a neutral placeholder when unknown. */
    public String name(Sql sql, Long userId) {
        if (userId == null) {
            return null;
        }
        return member(sql, userId).map(Member::displayName).orElse("#" + userId);
    }
}
