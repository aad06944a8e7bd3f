package nl.samenredzaam.web.internal;

/**
 * An initiative's look and contact details, shown in the layout of every page.
 *
 * @param primaryColour  {@code #rrggbb}; header background and colour of links and buttons
 * @param logoType       media type of the uploaded logo, or {@code null} when there is none
 * @param logo           the logo's bytes, or {@code null}
 * @param contactEmail   e-mail address for the footer, or {@code null}
 * @param contactPhone   phone number for the footer, or {@code null}
 * @param contactAddress visiting address for the footer, or {@code null}
 * @param welcome        a few sentences on the home page about what the initiative is, or {@code null}
 * @param version        changes at every save; used to let browsers cache theme files safely
 */
public record Theme(String primaryColour, String logoType, byte[] logo, String contactEmail, String contactPhone,
        String contactAddress, String welcome, long version) {

    /** The platform's own colour (contrast 7.0:1 on white). */
    public static final String DEFAULT_COLOUR = "#1d5b8f";

    public static Theme standard() {
        return new Theme(DEFAULT_COLOUR, null, null, null, null, null, null, 0);
    }

    public boolean hasLogo() {
        return logo != null && logo.length > 0;
    }

    public boolean hasContact() {
        return contactEmail != null || contactPhone != null || contactAddress != null;
    }

    /** A darker shade of the primary colour for hover and the focus ring. */
    public String darkerColour() {
        int rgb = Integer.parseInt(primaryColour.substring(1), 16);
        int r = ((rgb >> 16) & 0xff) * 3 / 4;
        int g = ((rgb >> 8) & 0xff) * 3 / 4;
        int b = (rgb & 0xff) * 3 / 4;
        return String.format("#%02x%02x%02x", r, g, b);
    }

    public Theme withColours(String colour) {
        return new Theme(colour, logoType, logo, contactEmail, contactPhone, contactAddress, welcome, version);
    }
}
