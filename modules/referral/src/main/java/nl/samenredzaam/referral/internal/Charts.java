package nl.samenredzaam.referral.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.instruments.PositiveHealthDimension;

/**
 * Accessible SVG bar charts for the monitor: {@code role="img"}, a title and a description with
 * every value in words, text labels and values next to each bar (colour is never the only cue), no
 * inline CSS. Every chart on the page also has a data table.
 */
final class Charts {

    static final String BAR = "#1d5b8f";
    static final String NEGATIVE = "#8a4b00";
    static final String TEXT = "#1a1a1a";
    static final int WIDTH = 640;
    static final int ROW = 32;
    static final int LABEL_WIDTH = 230;

    private Charts() {
    }

    /** Horizontal bars for counts; suppressed counts get no bar and the text "&lt; 5". */
    static Html counts(String id, String title, List<MonitorFigures.Count> counts, String suppressedWord, String hiddenWord) {
        int max = counts.stream().filter(c -> !c.suppressed()).mapToInt(MonitorFigures.Count::value).max().orElse(0);
        int height = ROW * counts.size() + 16;
        StringBuilder desc = new StringBuilder();
        StringBuilder bars = new StringBuilder();
        int y = 8;
        double scale = max == 0 ? 0 : (WIDTH - LABEL_WIDTH - 80.0) / max;
        for (MonitorFigures.Count c : counts) {
            desc.append(c.label()).append(": ").append(c.hiddenWithOther() ? hiddenWord : c.suppressed() ? suppressedWord : c.shown())
                    .append(". ");
            bars.append(text(8, y + 20, c.label(), "start"));
            double w = c.suppressed() ? 0 : c.value() * scale;
            if (w > 0) {
                bars.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                        LABEL_WIDTH, y + 4, w, ROW - 10, BAR));
            }
            bars.append(text(LABEL_WIDTH + w + 6, y + 20, c.shown(), "start"));
            y += ROW;
        }
        return svg(id, title, desc.toString().strip(), height, bars.toString());
    }

    /** Bars left or right of a zero line for the average change per dimension (−10 to +10). */
    static Html change(String id, String title, Map<PositiveHealthDimension, Double> average, Locale locale) {
        int height = ROW * PositiveHealthDimension.values().length + 16;
        double zero = LABEL_WIDTH + (WIDTH - LABEL_WIDTH) / 2.0;
        double scale = (WIDTH - LABEL_WIDTH - 80) / 2.0 / 3.0; // 3 points of change fill half the width
        StringBuilder desc = new StringBuilder();
        StringBuilder bars = new StringBuilder();
        bars.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1\"/>",
                zero, zero, height, TEXT));
        int y = 8;
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            double v = average.getOrDefault(d, 0.0);
            String shown = (v > 0 ? "+" : "") + String.format(locale, "%.1f", v);
            desc.append(d.label().in(locale)).append(": ").append(shown).append(". ");
            bars.append(text(8, y + 20, d.label().in(locale), "start"));
            double w = Math.min(Math.abs(v) * scale, (WIDTH - LABEL_WIDTH) / 2.0 - 40);
            double x = v >= 0 ? zero : zero - w;
            if (w > 0) {
                bars.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                        x, y + 4, w, ROW - 10, v >= 0 ? BAR : NEGATIVE));
            }
            bars.append(v >= 0 ? text(zero + w + 6, y + 20, shown, "start") : text(zero - w - 6, y + 20, shown, "end"));
            y += ROW;
        }
        return svg(id, title, desc.toString().strip(), height, bars.toString());
    }

    private static Html svg(String id, String title, String desc, int height, String body) {
        return new Html("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + height
                + "\" aria-labelledby=\"" + id + "-title " + id + "-desc\" font-family=\"sans-serif\" font-size=\"16\" class=\"sr-chart\">"
                + "<title id=\"" + id + "-title\">" + Html.escape(title).value() + "</title>"
                + "<desc id=\"" + id + "-desc\">" + Html.escape(desc).value() + "</desc>" + body + "</svg>");
    }

    private static String text(double x, int y, String text, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"%s\" text-anchor=\"%s\">", x, y, TEXT, anchor)
                + Html.escape(text).value() + "</text>";
    }
}
