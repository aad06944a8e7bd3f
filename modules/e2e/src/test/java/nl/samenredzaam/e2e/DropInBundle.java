package nl.samenredzaam.e2e;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds, at test time, the smallest bundle that shows it is live: its activator registers a whiteboard servlet
 * that answers {@code GET <path>} with {@code dropin <version>}. Compiled with the JDK's compiler against the OSGi
 * core and servlet API jars on the test class path, so the test needs no fixture module.
 */
final class DropInBundle {

    static final String BSN = "nl.samenredzaam.e2e.dropin";

    private DropInBundle() {
    }

    /** Writes the bundle jar to {@code jar} (via a temporary file and a move, so FileInstall never sees half a jar). */
    static Path write(Path jar, String version, String servletPath, Path workDir) {
        try {
            Path src = Files.createDirectories(workDir.resolve("src/e2e/dropin"));
            Path classes = Files.createDirectories(workDir.resolve("classes"));
            Files.writeString(src.resolve("Activator.java"), source(servletPath), StandardCharsets.UTF_8);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, "-d", classes.toString(), "--release", "17",
                    "-classpath", System.getProperty("java.class.path"), src.resolve("Activator.java").toString());
            if (rc != 0) {
                throw new IllegalStateException("javac failed for the drop-in bundle");
            }
            Manifest mf = new Manifest();
            Attributes a = mf.getMainAttributes();
            a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            a.putValue("Bundle-ManifestVersion", "2");
            a.putValue("Bundle-SymbolicName", BSN);
            a.putValue("Bundle-Version", version);
            a.putValue("Bundle-Activator", "e2e.dropin.Activator");
            a.putValue("Import-Package", "org.osgi.framework,jakarta.servlet,jakarta.servlet.http");
            Path tmp = Files.createTempFile(workDir, "dropin", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jarOut = new JarOutputStream(out, mf);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path c : files.filter(Files::isRegularFile).toList()) {
                    jarOut.putNextEntry(new JarEntry(classes.relativize(c).toString().replace(File.separatorChar, '/')));
                    jarOut.write(Files.readAllBytes(c));
                    jarOut.closeEntry();
                }
            }
            return Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String source(String servletPath) {
        return String.join("\n", List.of(
                "package e2e.dropin;",
                "public class Activator implements org.osgi.framework.BundleActivator {",
                "  private org.osgi.framework.ServiceRegistration<?> registration;",
                "  public void start(org.osgi.framework.BundleContext context) {",
                "    java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();",
                "    props.put(\"osgi.http.whiteboard.servlet.pattern\", \"" + servletPath + "\");",
                "    String answer = \"dropin \" + context.getBundle().getVersion();",
                "    registration = context.registerService(jakarta.servlet.Servlet.class,",
                "        new jakarta.servlet.http.HttpServlet() {",
                "          @Override protected void doGet(jakarta.servlet.http.HttpServletRequest req,",
                "              jakarta.servlet.http.HttpServletResponse resp) throws java.io.IOException {",
                "            resp.setContentType(\"text/plain\");",
                "            resp.getWriter().write(answer);",
                "          }",
                "        }, props);",
                "  }",
                "  public void stop(org.osgi.framework.BundleContext context) {",
                "    registration.unregister();",
                "  }",
                "}"));
    }
}
