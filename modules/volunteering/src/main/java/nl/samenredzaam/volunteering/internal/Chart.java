package nl.samenredzaam.volunteering.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple bar chart for an SVG: bars with their label, value and height (0–100 of the drawing),
 * plus a title and a description for screen readers. The same numbers are shown in a table.
 */
public record Chart(String id, String title, String description, List<Bar> bars) {

    /** One bar. */
    public record Bar(String label, int value, String shown, int height, int x) {
    }

    public static final int WIDTH = 40;
    public static final int GAP = 12;

    static Chart of(String id, String title, String description, List<String> labels, List<Integer> values, List<String> shown) {
        int max = values.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int v = values.get(i);
            int h = max == 0 ? 0 : Math.max(v > 0 ? 2 : 0, Math.round(100f * v / max));
            bars.add(new Bar(labels.get(i), v, shown.get(i), h, GAP + i * (WIDTH + GAP)));
        }
        return new Chart(id, title, description, bars);
    }

    public int width() {
        return GAP + bars.size() * (WIDTH + GAP);
    }
}
