package nl.samenredzaam.volunteering.internal;

import java.util.List;

import nl.samenredzaam.volunteering.api.HelpRequestService.Category;

/** The help categories. Transport ({@value #TRANSPORT}) is the one where a car counts. */
public final class Categories {

    public static final String TRANSPORT = "vervoer";

    public static final List<Category> ALL = List.of(
            new Category(TRANSPORT, "Vervoer", "Transport"),
            new Category("boodschappen", "Boodschappen", "Shopping"),
            new Category("klussen", "Klussen", "Odd jobs"),
            new Category("tuin", "Tuin", "Garden"),
            new Category("gezelschap", "Gezelschap of maatje", "Company or buddy"),
            new Category("administratie", "Administratie en formulieren", "Paperwork and forms"),
            new Category("digitale-hulp", "Hulp met computer of telefoon", "Computer or phone help"),
            new Category("huishouden", "Huishouden", "Household help"));

    /** The setting with the initiative's list. */
    public static final String SETTING = "categories";
    /** Its default: the eight standard kinds of help. */
    public static final String DEFAULT = String.join(",", ALL.stream().map(Category::key).toList());

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private Categories() {
    }

    /**
     * The initiative's list from its setting: standard keys (e.g. {@code vervoer}) and own kinds
     * as {@code key=Label} (e.g. {@code hond-uitlaten=Hond uitlaten}), comma separated. Entries
     * that are not valid are skipped; nothing valid means the standard list.
     */
    public static List<Category> parse(String setting) {
        java.util.Map<String, Category> out = new java.util.LinkedHashMap<>();
        if (setting != null) {
            for (String entry : setting.split(",")) {
                String e = entry.strip();
                int eq = e.indexOf('=');
                String key = (eq < 0 ? e : e.substring(0, eq)).strip().toLowerCase(java.util.Locale.ROOT);
                if (!KEY.matcher(key).matches()) {
                    continue;
                }
                String label = eq < 0 ? null : e.substring(eq + 1).strip();
                Category standard = ALL.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
                if (label != null && !label.isEmpty() && label.length() <= 60) {
                    out.put(key, new Category(key, label, label));
                } else if (standard != null) {
                    out.put(key, standard);
                }
            }
        }
        return out.isEmpty() ? ALL : List.copyOf(out.values());
    }

    /** The list of the initiative of a request. */
    static List<Category> of(nl.samenredzaam.api.web.WebRequest req) {
        return parse(req.setting(SETTING));
    }

    /**
     * The list of an initiative outside a web request (other modules, mail), through the platform's
     * {@link nl.samenredzaam.api.module.ModuleSettings}; {@code null} settings (plain unit tests) mean the standard list.
     */
    static List<Category> of(nl.samenredzaam.api.module.ModuleSettings settings, long initiativeId) {
        if (settings == null) {
            return ALL;
        }
        return parse(settings.value(initiativeId, "volunteering", SETTING).orElse(DEFAULT));
    }

    public static boolean exists(String key) {
        return exists(key, ALL);
    }

    public static boolean exists(String key, List<Category> list) {
        return list.stream().anyMatch(c -> c.key().equals(key));
    }

    public static String label(String key, java.util.Locale locale) {
        return label(key, locale, ALL);
    }

    /** The label in the list, else the standard one, else the key itself (a kind the initiative no longer offers). */
    public static String label(String key, java.util.Locale locale, List<Category> list) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        return list.stream().filter(c -> c.key().equals(key)).findFirst()
                .or(() -> ALL.stream().filter(c -> c.key().equals(key)).findFirst())
                .map(c -> en ? c.labelEn() : c.labelNl()).orElse(key);
    }
}
