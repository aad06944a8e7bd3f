package nl.samenredzaam.api.module;

import java.util.Objects;

import nl.samenredzaam.api.i18n.Text;

/**
 * An entry in the initiative's navigation, shown only while the module is enabled for the
 * initiative and only to people with the permission.
 *
 * @param path       page path below the module, e.g. {@code ""} for its start page
 * @param label      the menu text
 * @param permission a permission id, {@link Permission#PUBLIC} or {@link Permission#MEMBER}
 * @param area       where the entry is shown
 */
public record MenuItem(String path, Text label, String permission, Area area) {

    /** Where a menu entry appears. */
    public enum Area {
        /** The resident-facing navigation of the initiative. */
        MAIN,
        /** The initiative's admin pages (beheer). */
        ADMIN
    }

    public MenuItem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(area, "area");
    }

    public static MenuItem main(String path, Text label, String permission) {
        return new MenuItem(path, label, permission, Area.MAIN);
    }
}
