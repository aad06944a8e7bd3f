package nl.samenredzaam.volunteering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.volunteering.internal.matching.VogStatus;

/** Data access for volunteer profiles; every statement is limited to the initiative of the {@link Sql}. */
public final class ProfileRepository {

    private static final String COLUMNS = "select id, user_id, display_name, skills, interests, availability, neighbourhoods, "
            + "has_car, languages, vog_status, vog_issued_on, vog_profile, vog_reminder_sent_on, active, updated_at "
            + "from volunteering_profile ";

    /** What a volunteer (or a coordinator for them) fills in; VOG fields only by coordinators. */
    public record ProfileInput(String displayName, Set<String> skills, String interests, int availability,
            List<String> neighbourhoods, boolean hasCar, String languages, boolean active) {
        public ProfileInput {
            skills = Set.copyOf(skills);
            neighbourhoods = List.copyOf(neighbourhoods);
        }
    }

    public Optional<Profile> ofUser(Sql sql, long userId) {
        return sql.first(COLUMNS + "where initiative_id = :initiative and user_id = :user", ProfileRepository::map, "user", userId);
    }

    public List<Profile> all(Sql sql) {
        return sql.list(COLUMNS + "where initiative_id = :initiative order by display_name, id", ProfileRepository::map);
    }

    public List<Profile> active(Sql sql) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and active = true", ProfileRepository::map);
    }

    /** Creates or changes the profile of a user; the VOG fields stay as they are. */
    public void save(Sql sql, long userId, ProfileInput in, Instant now) {
        int changed = sql.update("update volunteering_profile set display_name = :name, skills = :skills, interests = :interests, "
                + "availability = :availability, neighbourhoods = :areas, has_car = :car, languages = :languages, active = :active, "
                + "updated_at = :now where initiative_id = :initiative and user_id = :user",
                "name", in.displayName(), "skills", String.join(",", in.skills()), "interests", in.interests(),
                "availability", in.availability(), "areas", String.join(",", in.neighbourhoods()), "car", in.hasCar(),
                "languages", in.languages(), "active", in.active(), "now", now, "user", userId);
        if (changed == 0) {
            sql.insert("insert into volunteering_profile (initiative_id, user_id, display_name, skills, interests, availability, "
                    + "neighbourhoods, has_car, languages, vog_status, active, created_at, updated_at) values (:initiative, :user, "
                    + ":name, :skills, :interests, :availability, :areas, :car, :languages, 'NONE', :active, :now, :now)",
                    "name", in.displayName(), "skills", String.join(",", in.skills()), "interests", in.interests(),
                    "availability", in.availability(), "areas", String.join(",", in.neighbourhoods()), "car", in.hasCar(),
                    "languages", in.languages(), "active", in.active(), "now", now, "user", userId);
        }
    }

    /** Records the VOG (coordinators only); a new issue date resets the reminder. */
    public boolean saveVog(Sql sql, long userId, VogStatus status, LocalDate issuedOn, String screeningProfile, Instant now) {
        return sql.update("update volunteering_profile set vog_status = :status, vog_issued_on = :issued, vog_profile = :profile, "
                + "vog_reminder_sent_on = case when vog_issued_on = :issued then vog_reminder_sent_on else null end, "
                + "updated_at = :now where initiative_id = :initiative and user_id = :user",
                "status", status, "issued", issuedOn, "profile", screeningProfile, "now", now, "user", userId) == 1;
    }

    /**
     * Issued VOGs, still valid today, that stop being valid before {@code expiresBefore} and got
     * no reminder yet (expired ones are on the coordinator's dashboard instead).
     */
    public List<Profile> vogRenewalDue(Sql sql, LocalDate today, LocalDate expiresBefore) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and active = true and vog_status = 'ISSUED' "
                + "and vog_issued_on < :cutoff and vog_issued_on > :expired and vog_reminder_sent_on is null order by vog_issued_on",
                ProfileRepository::map, "cutoff", expiresBefore.minusYears(VogStatus.VALID_YEARS),
                "expired", today.minusYears(VogStatus.VALID_YEARS));
    }

    public void markReminded(Sql sql, long userId, LocalDate today) {
        sql.update("update volunteering_profile set vog_reminder_sent_on = :today where initiative_id = :initiative and user_id = :user",
                "today", today, "user", userId);
    }

    public int delete(Sql sql, long userId) {
        return sql.update("delete from volunteering_profile where initiative_id = :initiative and user_id = :user", "user", userId);
    }

    static Set<String> split(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    private static Profile map(ResultSet r) throws SQLException {
        return new Profile(r.getLong("id"), r.getLong("user_id"), r.getString("display_name"), split(r.getString("skills")),
                r.getString("interests"), r.getInt("availability"), List.copyOf(split(r.getString("neighbourhoods"))),
                r.getBoolean("has_car"), r.getString("languages"), VogStatus.valueOf(r.getString("vog_status")),
                Rows.date(r, "vog_issued_on"), r.getString("vog_profile"), Rows.date(r, "vog_reminder_sent_on"),
                r.getBoolean("active"), Rows.instant(r, "updated_at"));
    }
}
