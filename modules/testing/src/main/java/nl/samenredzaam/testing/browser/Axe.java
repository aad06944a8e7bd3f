package nl.samenredzaam.testing.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.WebDriver;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/** axe-core checks of the page a driver shows, reduced to the violations that must fail a test. */
public final class Axe {

    /** The rule sets checked: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    /** Impacts that fail a test. */
    public static final Set<String> FAILING = Set.of("serious", "critical");

    private Axe() {
    }

    /** Readable lines, one per failing element: impact, rule, help text, where, and the element. */
    public static List<String> seriousViolations(WebDriver driver) {
        Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not run: " + results.getErrorMessage());
        }
        if (results.getPasses().isEmpty() && results.getViolations().isEmpty()) {
            throw new AssertionError("axe-core checked nothing on " + driver.getCurrentUrl());
        }
        List<String> lines = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (rule.getImpact() == null || !FAILING.contains(rule.getImpact())) {
                continue;
            }
            for (CheckedNode node : rule.getNodes()) {
                lines.add("- [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + "\n    at " + node.getTarget() + "\n    "
                        + shorten(node.getHtml()) + "\n    " + rule.getHelpUrl());
            }
        }
        return lines;
    }

    private static String shorten(String html) {
        if (html == null) {
            return "";
        }
        String s = html.replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
