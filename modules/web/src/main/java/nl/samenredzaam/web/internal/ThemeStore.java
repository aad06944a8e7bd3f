package nl.samenredzaam.web.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.core.platform.PlatformDatabase;

/**
 * Stores each initiative's {@link Theme} in {@code web_theme}; read on every page, so kept in a
 * small cache that a save on this node clears. Another node sees a change within
 * {@link #CACHE_MILLIS} milliseconds.
 */
final class ThemeStore {

    /** How long a cached theme is used before it is read again (other nodes may have changed it). */
    static final long CACHE_MILLIS = 30_000;
    /** Largest logo file. */
    static final int MAX_LOGO_BYTES = 200 * 1024;

    private record Cached(Theme theme, long readAt) {
    }

    private final PlatformDatabase db;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    ThemeStore(PlatformDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The initiative's theme, or the platform's standard one when it has none (or the table is not there yet). */
    Theme theme(long initiativeId) {
        long now = clock.millis();
        Cached cached = cache.get(initiativeId);
        if (cached != null && now - cached.readAt() < CACHE_MILLIS) {
            return cached.theme();
        }
        Theme theme;
        try {
            theme = db.global(sql -> sql.first("select * from web_theme where initiative_id = :id", row -> {
                String logo = row.getString("logo_base64");
                return new Theme(row.getString("primary_color"), row.getString("logo_type"),
                        logo == null ? null : Base64.getDecoder().decode(logo), row.getString("contact_email"),
                        row.getString("contact_phone"), row.getString("contact_address"), row.getString("welcome_text"), row.getLong("version"));
            }, "id", initiativeId)).orElse(Theme.standard());
        } catch (DataAccessException e) {
            return cached != null ? cached.theme() : Theme.standard();
        }
        cache.put(initiativeId, new Cached(theme, now));
        return theme;
    }

    /** Saves the theme as given (the caller has checked it); returns it with its new version. */
    Theme save(long initiativeId, Theme theme) {
        Instant now = clock.instant();
        long version = Math.max(theme.version() + 1, now.toEpochMilli());
        String logo = theme.hasLogo() ? Base64.getEncoder().encodeToString(theme.logo()) : null;
        Object[] params = {"id", initiativeId, "colour", theme.primaryColour(), "logoType", theme.hasLogo() ? theme.logoType() : null,
            "logo", logo, "email", theme.contactEmail(), "phone", theme.contactPhone(),
            "address", theme.contactAddress(), "welcome", theme.welcome(), "now", now, "version", version};
        db.global(sql -> {
            int changed = sql.update("update web_theme set primary_color = :colour, logo_type = :logoType, logo_base64 = :logo, "
                    + "contact_email = :email, contact_phone = :phone, contact_address = :address, welcome_text = :welcome, "
                    + "updated_at = :now, version = :version where initiative_id = :id", params);
            if (changed == 0) {
                sql.update("insert into web_theme (initiative_id, primary_color, logo_type, logo_base64, contact_email, "
                        + "contact_phone, contact_address, welcome_text, updated_at, version) values (:id, :colour, :logoType, :logo, :email, "
                        + ":phone, :address, :welcome, :now, :version)", params);
            }
            return null;
        });
        cache.remove(initiativeId);
        return new Theme(theme.primaryColour(), theme.logoType(), theme.logo(), theme.contactEmail(),
                theme.contactPhone(), theme.contactAddress(), theme.welcome(), version);
    }
}
