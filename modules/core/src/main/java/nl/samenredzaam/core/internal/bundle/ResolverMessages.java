package nl.samenredzaam.core.internal.bundle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the framework's resolver error into plain words for the operator: which package, service,
 * extender or Java version the bundle needs and nobody offers.
 */
final class ResolverMessages {

    private static final Pattern REQUIREMENT = Pattern.compile(
            // the requirer reads "[name [id](R id.rev)]": one level of nested brackets
            "missing requirement \\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\] ([a-z.]+); (\\(.*?\\))(?= Unresolved requirements|\\]|$| \\[caused by)");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\(([a-zA-Z.-]+)(>=|<=|=)([^()]*)\\)");

    private ResolverMessages() {
    }

    /** One sentence per missing requirement, Dutch first; the raw message when it cannot be read. */
    static String explain(String frameworkMessage) {
        if (frameworkMessage == null) {
            return "Onbekende fout / unknown error";
        }
        Set<String> reasons = new LinkedHashSet<>();
        Matcher m = REQUIREMENT.matcher(frameworkMessage);
        while (m.find()) {
            reasons.add(describe(m.group(1), m.group(2)));
        }
        if (reasons.isEmpty()) {
            return frameworkMessage.length() > 500 ? frameworkMessage.substring(0, 500) + "…" : frameworkMessage;
        }
        // keep the "Nederlands / English" shape with several reasons: all Dutch first, then all English
        List<String> dutch = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (String r : reasons) {
            dutch.add(Bilingual.dutch(r));
            english.add(Bilingual.english(r));
        }
        return String.join(" ", dutch) + " / " + String.join(" ", english);
    }

    private static String describe(String namespace, String filter) {
        List<String> versions = new ArrayList<>();
        String name = null;
        Matcher a = ATTRIBUTE.matcher(filter);
        boolean negated = false;
        int lastEnd = 0;
        while (a.find()) {
            negated = filter.substring(lastEnd, a.start()).endsWith("(!");
            lastEnd = a.end();
            String key = a.group(1);
            String op = a.group(2);
            String value = a.group(3);
            if (key.equals(namespace) || key.equals("osgi.wiring.package") || key.equals("objectClass")) {
                name = value;
            } else if (key.equals("version") || key.equals("bundle-version")) {
                versions.add((negated ? (op.equals(">=") ? "<" : ">") : op) + value);
            }
        }
        String versie = versions.isEmpty() ? "" : " (versie " + String.join(" ", versions) + ")";
        String version = versions.isEmpty() ? "" : " (version " + String.join(" ", versions) + ")";
        String what = name == null ? filter : name;
        return switch (namespace) {
            case "osgi.wiring.package" -> "De bundel heeft het Java-pakket " + what + versie
                    + " nodig, maar geen geïnstalleerde bundel biedt dat aan. / The bundle needs Java package " + what + version
                    + ", which no installed bundle provides.";
            case "osgi.ee" -> {
                String ee = name == null ? filter : name + versions.stream().map(v -> " " + (v.startsWith("=") ? v.substring(1) : v))
                        .collect(java.util.stream.Collectors.joining());
                yield "De bundel heeft een andere Java-versie nodig: " + ee + ". / The bundle needs another Java version: " + ee + ".";
            }
            case "osgi.service" -> "De bundel heeft de dienst " + what + " nodig. / The bundle needs service " + what + ".";
            case "osgi.extender" -> "De bundel heeft de uitbreiding " + what + versie + " nodig. / The bundle needs extender " + what
                    + version + ".";
            case "osgi.wiring.bundle" -> "De bundel heeft de bundel " + what + versie + " nodig. / The bundle needs bundle " + what
                    + version + ".";
            default -> "De bundel heeft iets nodig dat ontbreekt: " + namespace + " " + filter + ". / The bundle needs something missing: "
                    + namespace + " " + filter + ".";
        };
    }
}
