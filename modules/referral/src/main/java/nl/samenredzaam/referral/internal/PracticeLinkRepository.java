package nl.samenredzaam.referral.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;

/** Practice links; tokens are random (160 bits) and stored only as a SHA-256 hash. */
public final class PracticeLinkRepository {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "select id, practice_name, referrer_type, contact_email, created_at, revoked_at "
            + "from referral_practice_link ";

    /** A new random token: 40 lower-case hex characters. */
    static String newToken() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a link and returns its token (shown once, never stored). */
    public String create(Sql sql, String practiceName, ReferrerType type, String email, Instant now) {
        String token = newToken();
        sql.insert("insert into referral_practice_link (initiative_id, practice_name, referrer_type, contact_email, token_hash, created_at) "
                + "values (:initiative, :name, :type, :email, :hash, :now)", "name", practiceName, "type", type, "email", email,
                "hash", hash(token), "now", now);
        return token;
    }

    public List<PracticeLink> all(Sql sql) {
        return sql.list(COLUMNS + "where initiative_id = :initiative order by revoked_at desc, practice_name, id", PracticeLinkRepository::map);
    }

    /** The active link with this token, in this initiative. */
    public Optional<PracticeLink> active(Sql sql, String token) {
        if (token == null || !token.matches("[0-9a-f]{40}")) {
            return Optional.empty();
        }
        return sql.first(COLUMNS + "where initiative_id = :initiative and token_hash = :hash and revoked_at is null",
                PracticeLinkRepository::map, "hash", hash(token));
    }

    public boolean revoke(Sql sql, long id, Instant now) {
        return sql.update("update referral_practice_link set revoked_at = :now where initiative_id = :initiative and id = :id "
                + "and revoked_at is null", "now", now, "id", id) == 1;
    }

    private static PracticeLink map(ResultSet r) throws SQLException {
        return new PracticeLink(r.getLong("id"), r.getString("practice_name"), ReferrerType.valueOf(r.getString("referrer_type")),
                r.getString("contact_email"), Rows.instant(r, "created_at"), Rows.instant(r, "revoked_at"));
    }
}
