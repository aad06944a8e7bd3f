package nl.samenredzaam.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by
 * Selenium, with the helpers the end-to-end tests need: sign in, read the menu, check a page
 * with axe-core, save a screenshot. Each browser has a fresh profile that is deleted on
 * {@link #close()}. Use one per test class:
 *
 * <pre>{@code
 * static Browser browser;
 * @BeforeAll static void start() { browser = Browser.start(platform.baseUrl()); }
 * @AfterAll static void stop() { browser.close(); }
 * }</pre>
 *
 * <p>The binaries can be moved with the system properties {@code samenredzaam.chromium} and
 * {@code samenredzaam.chromedriver}.
 */
public final class Browser implements AutoCloseable {

    /** Where screenshots go, relative to the module that runs the tests. */
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final String CHROMIUM = System.getProperty("samenredzaam.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("samenredzaam.chromedriver", "/usr/bin/chromedriver");

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriver driver;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Browser(String baseUrl, Path profile, ChromeDriver driver) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts a headless browser for the platform at {@code baseUrl} (e.g. {@code http://localhost:41234}). */
    public static Browser start(String baseUrl) {
        Path profile;
        try {
            profile = Files.createTempDirectory("sr-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=nl", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Paths.get(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(baseUrl, profile, driver);
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a path of the platform, e.g. {@code /lindeholt/}. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** The path (and query) of the page shown now. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Signs in through the sign-in page and fails when the platform refuses. */
    public Browser login(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        submit("form[action='/login'] button[type=submit]");
        if (path().startsWith("/login")) {
            throw new AssertionError("Sign-in as " + username + " failed: " + text("main"));
        }
        return this;
    }

    /** Signs out with the button in the header. */
    public Browser logout() {
        submit("form[action='/logout'] button");
        return this;
    }

    /** The page's {@code <h1>}. */
    public String heading() {
        return text("h1");
    }

    /** The visible text of the first element matching a CSS selector. */
    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The labels of the main menu's links, in order. */
    public List<String> menu() {
        return all("nav.sr-nav a").stream().map(WebElement::getText).map(String::strip).collect(Collectors.toList());
    }

    /** Fills a form field found by its id. */
    public Browser fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Clicks the element matching a CSS selector (for links and buttons that load a page, see {@link #submit}). */
    public Browser click(String css) {
        driver.findElement(By.cssSelector(css)).click();
        return this;
    }

    /** Clicks a button or link that loads a new page, and waits until that page is there. */
    public Browser submit(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(css)).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(page));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether an element belongs to a page that was replaced. Chromium's driver sometimes answers
     * "Node with given id does not belong to the document" instead of a stale-element error while the
     * old document is being torn down: that means gone too.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The HTTP status of a GET of {@code path} with this browser's cookies (Selenium cannot read statuses). */
    public int status(String path) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Resizes the window, e.g. to 320 CSS pixels wide: what 1280 pixels at 400% zoom shows (WCAG 1.4.10). */
    public Browser windowSize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    /** Whether the page needs horizontal scrolling at the current window width. */
    public boolean scrollsSideways() {
        Object result = driver.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        return Boolean.TRUE.equals(result);
    }

    /** Shows the page as it would print ({@code @media print}), or back as on screen. */
    public Browser printMedia(boolean print) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", print ? "print" : ""));
        return this;
    }

    /** The computed value of a CSS property of the first element matching a selector. */
    public String css(String selector, String property) {
        return driver.findElement(By.cssSelector(selector)).getCssValue(property);
    }

    /** Presses Tab once and returns the text of the element that then has focus. */
    public String tab() {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        return driver.switchTo().activeElement().getText();
    }

    /** A cookie of the browser, or {@code null}. */
    public String cookie(String name) {
        Cookie c = driver.manage().getCookieNamed(name);
        return c == null ? null : c.getValue();
    }

    /**
     * Checks the page shown now with axe-core (WCAG 2.0/2.1 A and AA rules and best practices)
     * and throws an {@link AssertionError} listing every serious or critical violation.
     *
     * @param name what the page is, for the message
     */
    public Browser axe(String name) {
        List<String> problems = Axe.seriousViolations(driver);
        if (!problems.isEmpty()) {
            screenshot("axe-" + name);
            throw new AssertionError("Accessibility problems on " + name + " (" + path() + "):\n" + String.join("\n", problems));
        }
        return this;
    }

    /** Saves a full-window screenshot as {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "-") + ".png");
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temp folder is harmless
        }
    }
}
