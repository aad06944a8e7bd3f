package nl.samenredzaam.volunteering.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;
import nl.samenredzaam.volunteering.internal.HelpRequest.Urgency;
import nl.samenredzaam.volunteering.internal.matching.VogStatus;
import nl.samenredzaam.volunteering.internal.workflow.Workflow;

/** The coordinator's figures: what waits, who is free, which VOGs expire, and the last six months. */
public final class Dashboard {

    static final int MONTHS = 6;
    static final int VOG_WARN_DAYS = 90;
    static final Duration WAITING_TOO_LONG = Duration.ofDays(3);

    /** One month of figures. */
    public record Month(YearMonth month, int requests, int matches, int minutes) {
    }

    /** The whole dashboard. */
    public record Figures(Map<Urgency, Integer> waitingByUrgency, Map<String, Integer> waitingByAge, List<HelpRequest> withoutMatch,
            List<Profile> idleVolunteers, List<Profile> vogAttention, List<Month> months, Map<String, Integer> byCategory) {
    }

    private final RequestRepository requests;
    private final ProfileRepository profiles;

    Dashboard(RequestRepository requests, ProfileRepository profiles) {
        this.requests = requests;
        this.profiles = profiles;
    }

    Figures figures(Sql sql, Instant now, LocalDate today, List<nl.samenredzaam.volunteering.api.HelpRequestService.Category> categories) {
        Map<Urgency, Integer> byUrgency = new EnumMap<>(Urgency.class);
        for (Urgency u : Urgency.values()) {
            byUrgency.put(u, 0);
        }
        Map<String, Integer> byAge = new LinkedHashMap<>();
        byAge.put("0-2", 0);
        byAge.put("3-7", 0);
        byAge.put("8+", 0);
        List<HelpRequest> withoutMatch = new ArrayList<>();
        for (HelpRequest r : requests.all(sql, null)) {
            if (Workflow.isWaiting(r.state()) && r.state() != State.PROPOSED) {
                byUrgency.merge(r.urgency(), 1, Integer::sum);
                long days = Duration.between(r.createdAt(), now).toDays();
                byAge.merge(days <= 2 ? "0-2" : days <= 7 ? "3-7" : "8+", 1, Integer::sum);
                if (Duration.between(r.createdAt(), now).compareTo(WAITING_TOO_LONG) >= 0) {
                    withoutMatch.add(r);
                }
            } else if (r.state() == State.NO_MATCH) {
                withoutMatch.add(r);
            }
        }
        Map<Long, Integer> loads = requests.currentLoads(sql);
        Instant since = now.minus(Duration.ofDays(60));
        Set<Long> recentlyActive = new java.util.HashSet<>(sql.list("select distinct volunteer_user_id from volunteering_request "
                + "where initiative_id = :initiative and volunteer_user_id is not null and done_at >= :since",
                r -> r.getLong("volunteer_user_id"), "since", since));
        List<Profile> idle = new ArrayList<>();
        List<Profile> vog = new ArrayList<>();
        for (Profile p : profiles.active(sql)) {
            if (loads.getOrDefault(p.userId(), 0) == 0 && !recentlyActive.contains(p.userId())) {
                idle.add(p);
            }
            LocalDate until = p.vogValidUntil();
            if (p.vogStatus() == VogStatus.REQUESTED || until != null && until.isBefore(today.plusDays(VOG_WARN_DAYS))) {
                vog.add(p);
            }
        }
        idle.sort(java.util.Comparator.comparing(Profile::displayName));
        vog.sort(java.util.Comparator.comparing((Profile p) -> p.vogValidUntil() == null ? LocalDate.MIN : p.vogValidUntil()));
        return new Figures(byUrgency, byAge, withoutMatch, idle, vog, months(sql, today), byCategory(sql, today, categories));
    }

    private static Instant start(LocalDate today) {
        return YearMonth.from(today).minusMonths(MONTHS - 1L).atDay(1).atStartOfDay(RequestForm.AMSTERDAM).toInstant();
    }

    private static List<Month> months(Sql sql, LocalDate today) {
        Instant from = start(today);
        TreeMap<YearMonth, int[]> m = new TreeMap<>();
        YearMonth first = YearMonth.from(today).minusMonths(MONTHS - 1L);
        for (int i = 0; i < MONTHS; i++) {
            m.put(first.plusMonths(i), new int[3]);
        }
        sql.list("select created_at from volunteering_request where initiative_id = :initiative and created_at >= :from",
                r -> m.computeIfAbsent(month(Rows.instant(r, "created_at")), k -> new int[3])[0]++, "from", from);
        sql.list("select occurred_at from volunteering_event where initiative_id = :initiative and to_state = 'CONFIRMED' "
                + "and occurred_at >= :from", r -> m.computeIfAbsent(month(Rows.instant(r, "occurred_at")), k -> new int[3])[1]++, "from", from);
        sql.list("select done_at, minutes_spent from volunteering_request where initiative_id = :initiative and done_at >= :from "
                + "and minutes_spent is not null", r -> m.computeIfAbsent(month(Rows.instant(r, "done_at")), k -> new int[3])[2] += r.getInt("minutes_spent"),
                "from", from);
        List<Month> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Month(k, v[0], v[1], v[2])));
        return out;
    }

    private static Map<String, Integer> byCategory(Sql sql, LocalDate today,
            List<nl.samenredzaam.volunteering.api.HelpRequestService.Category> categories) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (var c : categories) {
            counts.put(c.key(), 0);
        }
        sql.list("select category, count(*) as n from volunteering_request where initiative_id = :initiative and created_at >= :from "
                + "group by category", r -> counts.merge(r.getString("category"), r.getInt("n"), Integer::sum), "from", start(today));
        return counts;
    }

    private static YearMonth month(Instant at) {
        YearMonth ym = YearMonth.from(at.atZone(RequestForm.AMSTERDAM));
        return ym;
    }
}
