package nl.samenredzaam.referral.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.WebRequest;

/** The people a referral can be assigned to: professionals and coordinators, from the member directory. */
public final class Coaches {

    /** A possible coach. */
    public record Coach(long userId, String name) {
    }

    private Coaches() {
    }

    /** Everyone who can coach, by name; empty when the platform offers no directory (then coaches take referrals themselves). */
    static List<Coach> list(WebRequest req, Partners partners) {
        Optional<Directory> directory = partners.directory();
        if (directory.isEmpty()) {
            return List.of();
        }
        Map<Long, Coach> coaches = new LinkedHashMap<>();
        for (Role role : List.of(Role.PROFESSIONAL, Role.COORDINATOR)) {
            for (Member m : directory.get().withRole(req.sql(), role)) {
                coaches.putIfAbsent(m.userId(), new Coach(m.userId(), m.displayName()));
            }
        }
        return coaches.values().stream().sorted(Comparator.comparing(Coach::name)).toList();
    }

    /** The coach with this user id (as text), if they are a professional or coordinator of the initiative. */
    static Optional<Coach> find(WebRequest req, Partners partners, String userId) {
        long id;
        try {
            id = Long.parseLong(userId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return partners.directory().flatMap(d -> d.member(req.sql(), id))
                .filter(m -> m.roles().contains(Role.PROFESSIONAL) || m.roles().contains(Role.COORDINATOR))
                .map(m -> new Coach(m.userId(), m.displayName()));
    }
}
