package nl.samenredzaam.instruments;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.web.Html;

/**
 * The Positieve Gezondheid spider web as an accessible SVG, the current measurement next to the
 * previous one, with a text table as an alternative.
 *
 * <p>The SVG is valid XML (usable inline in HTML and as a file), has {@code role="img"} and is named
 * by its {@code <title>} and described by its {@code <desc>} (all scores in words), so a screen
 * reader user gets the same information. Colour is never the only cue: the current measurement is
 * a solid line with round points, the previous one a dashed line with square points, and
 * dimensions marked "hier wil ik over praten" are bold with a star. No inline CSS is used (the
 * platform's Content Security Policy forbids it), only SVG presentation attributes.
 */
public final class SpiderWeb {

    /** Default id prefix of the SVG's title and description. */
    public static final String DEFAULT_ID = "spider-web";

    static final int WIDTH = 640;
    static final int HEIGHT = 430;
    static final double CX = 320;
    static final double CY = 190;
    static final double RADIUS = 130;
    static final String CURRENT_COLOUR = "#1d5b8f";
    static final String PREVIOUS_COLOUR = "#8a4b00";
    static final String GRID_COLOUR = "#767676";

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,60}");

    private SpiderWeb() {
    }

    /** The SVG with the default id prefix. */
    public static String svg(PositiveHealthScores current, PositiveHealthScores previous, Locale locale) {
        return svg(current, previous, locale, DEFAULT_ID);
    }

    /**
     * The spider web as an SVG document fragment (a single {@code <svg>} element with its namespace).
     *
     * @param current  the measurement to draw
     * @param previous the earlier measurement to draw beside it, or {@code null}
     * @param locale   Dutch (default) or English
     * @param idPrefix prefix of the element ids, unique on the page when several webs are shown
     */
    public static String svg(PositiveHealthScores current, PositiveHealthScores previous, Locale locale, String idPrefix) {
        Objects.requireNonNull(current, "current");
        if (idPrefix == null || !ID.matcher(idPrefix).matches()) {
            throw new IllegalArgumentException("idPrefix must be a simple XML id");
        }
        String titleId = idPrefix + "-title";
        String descId = idPrefix + "-desc";
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" aria-labelledby=\"").append(titleId).append("\" aria-describedby=\"").append(descId)
                .append("\" font-family=\"sans-serif\" class=\"sr-spider-web\">");
        s.append("<title id=\"").append(titleId).append("\">").append(xml(title(locale))).append("</title>");
        s.append("<desc id=\"").append(descId).append("\">").append(xml(description(current, previous, locale))).append("</desc>");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#ffffff\"/>");
        grid(s);
        if (previous != null) {
            polygon(s, previous, PREVIOUS_COLOUR, "none", "2.5", "8 5");
        }
        polygon(s, current, CURRENT_COLOUR, CURRENT_COLOUR, "3", null);
        if (previous != null) {
            points(s, previous, PREVIOUS_COLOUR, false);
        }
        points(s, current, CURRENT_COLOUR, true);
        labels(s, current, previous, locale);
        legend(s, current, previous, locale);
        s.append("</svg>");
        return s.toString();
    }

    /** The SVG as HTML to place inline in a page. */
    public static Html html(PositiveHealthScores current, PositiveHealthScores previous, Locale locale, String idPrefix) {
        return new Html(svg(current, previous, locale, idPrefix));
    }

    /**
     * The text alternative: a table with a row per dimension, the current and previous score,
     * the difference and whether the person wants to talk about it.
     */
    public static Html table(PositiveHealthScores current, PositiveHealthScores previous, Locale locale) {
        Objects.requireNonNull(current, "current");
        DateTimeFormatter dates = dates(locale);
        StringBuilder s = new StringBuilder(2048);
        s.append("<table class=\"sr-table sr-spider-web-table\"><caption>")
                .append(esc(t(locale, "Positieve Gezondheid: de cijfers", "Positive Health: the scores")))
                .append("</caption><thead><tr><th scope=\"col\">").append(esc(t(locale, "Onderwerp", "Dimension")))
                .append("</th><th scope=\"col\">").append(esc(t(locale, "Nu", "Now"))).append(" (")
                .append(esc(dates.format(current.measuredOn()))).append(")</th>");
        if (previous != null) {
            s.append("<th scope=\"col\">").append(esc(t(locale, "Vorige keer", "Previous"))).append(" (")
                    .append(esc(dates.format(previous.measuredOn()))).append(")</th><th scope=\"col\">")
                    .append(esc(t(locale, "Verschil", "Difference"))).append("</th>");
        }
        s.append("<th scope=\"col\">").append(esc(t(locale, "Hier wil ik over praten", "I want to talk about this")))
                .append("</th></tr></thead><tbody>");
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            s.append("<tr><th scope=\"row\">").append(esc(d.label().in(locale))).append("</th><td>")
                    .append(current.score(d)).append("</td>");
            if (previous != null) {
                s.append("<td>").append(previous.score(d)).append("</td><td>")
                        .append(difference(current.score(d) - previous.score(d))).append("</td>");
            }
            s.append("<td>").append(esc(current.wantToTalk().contains(d) ? t(locale, "Ja", "Yes") : t(locale, "Nee", "No")))
                    .append("</td></tr>");
        }
        s.append("</tbody></table>");
        return new Html(s.toString());
    }

    /**
     * The spider web in a {@code <figure>} with a caption, followed by the table in a
     * {@code <details>} element (opens without JavaScript).
     */
    public static Html figure(PositiveHealthScores current, PositiveHealthScores previous, Locale locale, String idPrefix) {
        String caption = previous == null
                ? t(locale, "Uw spinnenweb van ", "Your spider web of ") + dates(locale).format(current.measuredOn())
                : t(locale, "Uw spinnenweb: nu (doorgetrokken lijn) en vorige keer (stippellijn)",
                        "Your spider web: now (solid line) and previous time (dashed line)");
        return new Html("<figure class=\"sr-spider-web-figure\">" + svg(current, previous, locale, idPrefix)
                + "<figcaption>" + esc(caption) + "</figcaption></figure><details class=\"sr-spider-web-details\"><summary>"
                + esc(t(locale, "Bekijk de cijfers als tabel", "Show the scores as a table")) + "</summary>"
                + table(current, previous, locale).value() + "</details>");
    }

    /** The accessible name. */
    public static String title(Locale locale) {
        return t(locale, "Spinnenweb Positieve Gezondheid", "Positive Health spider web");
    }

    /** The accessible description: every score in words. */
    public static String description(PositiveHealthScores current, PositiveHealthScores previous, Locale locale) {
        DateTimeFormatter dates = dates(locale);
        StringBuilder s = new StringBuilder();
        s.append(t(locale, "Meting van ", "Measurement of ")).append(dates.format(current.measuredOn())).append(": ");
        StringJoiner scores = new StringJoiner(", ");
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            String part = d.label().in(locale) + " " + current.score(d);
            if (previous != null) {
                part += " (" + t(locale, "vorige keer ", "previously ") + previous.score(d) + ")";
            }
            scores.add(part);
        }
        s.append(scores).append('.');
        if (previous != null) {
            s.append(t(locale, " Vorige meting: ", " Previous measurement: ")).append(dates.format(previous.measuredOn())).append('.');
        }
        if (!current.wantToTalk().isEmpty()) {
            StringJoiner talk = new StringJoiner(", ");
            for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
                if (current.wantToTalk().contains(d)) {
                    talk.add(d.label().in(locale));
                }
            }
            s.append(t(locale, " Hier wil ik over praten: ", " I want to talk about: ")).append(talk).append('.');
        }
        s.append(t(locale, " Cijfers van 0 tot 10; hoe verder van het midden, hoe beter.",
                " Scores from 0 to 10; the further from the centre, the better."));
        return s.toString();
    }

    private static void grid(StringBuilder s) {
        for (int ring = 2; ring <= 10; ring += 2) {
            s.append("<polygon points=\"");
            for (int i = 0; i < 6; i++) {
                point(s, i, ring);
            }
            s.append("\" fill=\"none\" stroke=\"").append(GRID_COLOUR).append("\" stroke-width=\"").append(ring == 10 ? "1.5" : "0.75")
                    .append("\"/>");
        }
        for (int i = 0; i < 6; i++) {
            s.append("<line x1=\"").append(n(CX)).append("\" y1=\"").append(n(CY)).append("\" x2=\"").append(n(x(i, 10)))
                    .append("\" y2=\"").append(n(y(i, 10))).append("\" stroke=\"").append(GRID_COLOUR).append("\" stroke-width=\"0.75\"/>");
        }
        for (int ring = 0; ring <= 10; ring += 5) {
            s.append("<text x=\"").append(n(CX + 4)).append("\" y=\"").append(n(y(0, ring) - 3))
                    .append("\" font-size=\"11\" fill=\"#555555\">").append(ring).append("</text>");
        }
    }

    private static void polygon(StringBuilder s, PositiveHealthScores m, String stroke, String fill, String width, String dash) {
        s.append("<polygon points=\"");
        PositiveHealthDimension[] dims = PositiveHealthDimension.values();
        for (int i = 0; i < dims.length; i++) {
            point(s, i, m.score(dims[i]));
        }
        s.append("\" fill=\"").append(fill).append('"');
        if (!"none".equals(fill)) {
            s.append(" fill-opacity=\"0.2\"");
        }
        s.append(" stroke=\"").append(stroke).append("\" stroke-width=\"").append(width).append("\" stroke-linejoin=\"round\"");
        if (dash != null) {
            s.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        s.append("/>");
    }

    private static void points(StringBuilder s, PositiveHealthScores m, String colour, boolean round) {
        PositiveHealthDimension[] dims = PositiveHealthDimension.values();
        for (int i = 0; i < dims.length; i++) {
            double px = x(i, m.score(dims[i]));
            double py = y(i, m.score(dims[i]));
            if (round) {
                s.append("<circle cx=\"").append(n(px)).append("\" cy=\"").append(n(py)).append("\" r=\"5\" fill=\"")
                        .append(colour).append("\"/>");
            } else {
                s.append("<rect x=\"").append(n(px - 4)).append("\" y=\"").append(n(py - 4))
                        .append("\" width=\"8\" height=\"8\" fill=\"#ffffff\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>");
            }
        }
    }

    private static void labels(StringBuilder s, PositiveHealthScores current, PositiveHealthScores previous, Locale locale) {
        PositiveHealthDimension[] dims = PositiveHealthDimension.values();
        for (int i = 0; i < dims.length; i++) {
            PositiveHealthDimension d = dims[i];
            double lx = x(i, 10 + 1.4);
            double ly = y(i, 10 + 1.4);
            String anchor = Math.abs(lx - CX) < 1 ? "middle" : lx > CX ? "start" : "end";
            double top = i == 0 ? ly - 20 : i == 3 ? ly + 10 : ly - 4;
            boolean talk = current.wantToTalk().contains(d);
            s.append("<text x=\"").append(n(lx)).append("\" y=\"").append(n(top)).append("\" text-anchor=\"").append(anchor)
                    .append("\" font-size=\"14\" fill=\"#1a1a1a\"");
            if (talk) {
                s.append(" font-weight=\"bold\"");
            }
            s.append('>').append(xml((talk ? "★ " : "") + d.label().in(locale))).append("</text>");
            String values = t(locale, "nu ", "now ") + current.score(d)
                    + (previous == null ? "" : t(locale, " · was ", " · was ") + previous.score(d));
            s.append("<text x=\"").append(n(lx)).append("\" y=\"").append(n(top + 16)).append("\" text-anchor=\"").append(anchor)
                    .append("\" font-size=\"12\" fill=\"#555555\">").append(xml(values)).append("</text>");
        }
    }

    private static void legend(StringBuilder s, PositiveHealthScores current, PositiveHealthScores previous, Locale locale) {
        DateTimeFormatter dates = dates(locale);
        double y = HEIGHT - 44;
        s.append("<line x1=\"20\" y1=\"").append(n(y)).append("\" x2=\"56\" y2=\"").append(n(y)).append("\" stroke=\"")
                .append(CURRENT_COLOUR).append("\" stroke-width=\"3\"/><circle cx=\"38\" cy=\"").append(n(y))
                .append("\" r=\"5\" fill=\"").append(CURRENT_COLOUR).append("\"/>");
        s.append("<text x=\"64\" y=\"").append(n(y + 5)).append("\" font-size=\"13\" fill=\"#1a1a1a\">")
                .append(xml(t(locale, "Nu: ", "Now: ") + dates.format(current.measuredOn()))).append("</text>");
        if (previous != null) {
            double y2 = y + 22;
            s.append("<line x1=\"20\" y1=\"").append(n(y2)).append("\" x2=\"56\" y2=\"").append(n(y2)).append("\" stroke=\"")
                    .append(PREVIOUS_COLOUR).append("\" stroke-width=\"2.5\" stroke-dasharray=\"8 5\"/><rect x=\"34\" y=\"")
                    .append(n(y2 - 4)).append("\" width=\"8\" height=\"8\" fill=\"#ffffff\" stroke=\"").append(PREVIOUS_COLOUR)
                    .append("\" stroke-width=\"2\"/>");
            s.append("<text x=\"64\" y=\"").append(n(y2 + 5)).append("\" font-size=\"13\" fill=\"#1a1a1a\">")
                    .append(xml(t(locale, "Vorige keer: ", "Previous time: ") + dates.format(previous.measuredOn()))).append("</text>");
        }
        if (!current.wantToTalk().isEmpty()) {
            s.append("<text x=\"").append(WIDTH - 20).append("\" y=\"").append(n(y + 5))
                    .append("\" text-anchor=\"end\" font-size=\"13\" font-weight=\"bold\" fill=\"#1a1a1a\">")
                    .append(xml(t(locale, "★ = hier wil ik over praten", "★ = I want to talk about this"))).append("</text>");
        }
    }

    private static void point(StringBuilder s, int axis, double value) {
        s.append(n(x(axis, value))).append(',').append(n(y(axis, value))).append(' ');
    }

    static double x(int axis, double value) {
        return CX + RADIUS * value / 10.0 * Math.cos(angle(axis));
    }

    static double y(int axis, double value) {
        return CY + RADIUS * value / 10.0 * Math.sin(angle(axis));
    }

    private static double angle(int axis) {
        return Math.toRadians(-90 + 60 * axis);
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String difference(int diff) {
        return diff > 0 ? "+" + diff : diff < 0 ? "\u2212" + (-diff) : "0";
    }

    private static DateTimeFormatter dates(Locale locale) {
        Locale l = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Text.DUTCH;
        return DateTimeFormatter.ofPattern("d MMMM yyyy", l);
    }

    private static String t(Locale locale, String nl, String en) {
        return Text.of(nl, en).in(locale);
    }

    private static String esc(String text) {
        return Html.escape(text).value();
    }

    /** Escapes text for XML element content and attribute values. */
    static String xml(String text) {
        return Html.escape(text).value().replace("&#39;", "&apos;");
    }
}
