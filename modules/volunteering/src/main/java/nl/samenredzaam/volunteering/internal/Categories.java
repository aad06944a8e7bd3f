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

    private Categories() {
    }

    public static boolean exists(String key) {
        return ALL.stream().anyMatch(c -> c.key().equals(key));
    }

    public static String label(String key, java.util.Locale locale) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        return ALL.stream().filter(c -> c.key().equals(key)).findFirst().map(c -> en ? c.labelEn() : c.labelNl()).orElse(key);
    }
}
