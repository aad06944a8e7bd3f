package nl.samenredzaam.e2e.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/module-guide.md quotes the example module by file and line range instead of copying code, so
 * the build compiles every sample. This test keeps those references true: every file exists, every
 * range lies inside it, a file quoted "all N lines" has N lines, and the key ranges still hold the
 * code the guide describes.
 */
class ModuleGuideIT {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    static final Path EXAMPLE = ROOT.resolve("modules/buurtnieuws");
    static final Pattern FILE = Pattern.compile("`((?:modules/)?[\\w./-]*?([\\w-]+\\.(?:java|jte|sql|bnd|xml|properties)))`");
    static final Pattern RANGE = Pattern.compile("\\blines? (\\d+)(?:–(\\d+))?|\\(all (\\d+) lines\\)");

    record Reference(Path file, int from, int to, boolean whole) {
    }

    @Test
    void everyQuotedFileAndLineRangeExists() throws IOException {
        List<Reference> references = references();
        assertTrue(references.size() >= 30, "the guide quotes the example module: " + references.size());
        for (Reference ref : references) {
            List<String> lines = Files.readAllLines(ref.file());
            if (ref.whole()) {
                assertEquals(ref.to(), lines.size(), ref.file() + " is quoted as a whole file of " + ref.to() + " lines");
            } else {
                assertTrue(ref.from() >= 1 && ref.from() <= ref.to() && ref.to() <= lines.size(),
                        ref + " lies outside " + ref.file() + " (" + lines.size() + " lines)");
                assertTrue(!lines.get(ref.from() - 1).isBlank() && !lines.get(ref.to() - 1).isBlank(),
                        "a quoted range starts and ends on code: " + ref);
            }
        }
    }

    @Test
    void theKeyRangesStillHoldWhatTheGuideSays() {
        Map<String, String> expected = Map.of(
                "bnd.bnd:1-6", "Samenredzaam-Migrations",
                "BuurtnieuwsModule.java:37-45", "Route.api(Method.POST",
                "BuurtnieuwsModule.java:64-68", "Permission.of(POST",
                "NewsRepository.java:17-20", ":initiative",
                "NewsApi.java:52-59", "ProblemException.invalidFields",
                "NewsPages.java:42-62", "showForm(req, input, problems, 400)",
                "BuurtnieuwsPrivacy.java:14-46", "public Erasure erase",
                "BuurtnieuwsDemo.java:12-36", "context.userId(\"coordinator\")",
                "Templates.java:10-24", "createPrecompiled");
        List<Reference> references = references();
        expected.forEach((key, text) -> {
            String name = key.substring(0, key.indexOf(':'));
            String[] range = key.substring(key.indexOf(':') + 1).split("-");
            Reference ref = references.stream()
                    .filter(r -> r.file().getFileName().toString().equals(name) && r.from() == Integer.parseInt(range[0])
                            && r.to() == Integer.parseInt(range[1]))
                    .findFirst().orElseThrow(() -> new AssertionError("the guide no longer quotes " + key));
            try {
                List<String> lines = Files.readAllLines(ref.file());
                String quoted = String.join("\n", lines.subList(ref.from() - 1, ref.to()));
                assertTrue(quoted.contains(text), key + " should contain " + text + ":\n" + quoted);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Line references in reading order; a range belongs to the file named last before it. */
    static List<Reference> references() {
        try {
            String guide = Files.readString(ROOT.resolve("docs/module-guide.md"));
            List<Reference> result = new ArrayList<>();
            Path current = null;
            Matcher files = FILE.matcher(guide);
            Matcher ranges = RANGE.matcher(guide);
            int position = 0;
            while (true) {
                boolean file = files.find(position);
                int fileAt = file ? files.start() : Integer.MAX_VALUE;
                boolean range = ranges.find(position);
                int rangeAt = range ? ranges.start() : Integer.MAX_VALUE;
                if (!file && !range) {
                    return result;
                }
                if (fileAt < rangeAt) {
                    current = resolve(files.group(1), files.group(2));
                    position = files.end();
                } else {
                    position = ranges.end();
                    if (current == null) {
                        continue;
                    }
                    if (ranges.group(3) != null) {
                        int n = Integer.parseInt(ranges.group(3));
                        result.add(new Reference(current, 1, n, true));
                    } else {
                        int from = Integer.parseInt(ranges.group(1));
                        int to = ranges.group(2) == null ? from : Integer.parseInt(ranges.group(2));
                        result.add(new Reference(current, from, to, false));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full path from the repository root, or a file name of the example module. */
    static Path resolve(String path, String name) throws IOException {
        if (path.startsWith("modules/") && Files.isRegularFile(ROOT.resolve(path))) {
            return ROOT.resolve(path);
        }
        if (path.startsWith("modules/") && !path.equals(name)) {
            throw new AssertionError("the guide names a file that does not exist: " + path);
        }
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().equals(name)).toList();
            return found.size() == 1 ? found.get(0) : null;
        }
    }
}
