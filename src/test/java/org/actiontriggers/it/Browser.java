package org.actiontriggers.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh headless Chromium per test, driven through the Debian {@code chromedriver} — named explicitly, so
 * Selenium Manager never downloads a driver or browser — and a screenshot under
 * {@code target/screenshots/<class>.<test>.png} when the test fails. A missing browser fails the test with
 * the command that installs it; it is never skipped.
 */
public final class Browser implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration PAGE_LOAD = Duration.ofSeconds(30);

    private WebDriver driver;
    private Path profile;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("The browser tests need Chromium and ChromeDriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + "; install them with: apt-get install -y chromium chromium-driver");
        }
        profile = Files.createTempDirectory("console-it-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--window-size=1366,900",
                        "--user-data-dir=" + profile);
        // the servers' self-signed certificates on loopback, for the test of the console over TLS
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (driver != null) {
            try {
                save(SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName() + "."
                        + context.getRequiredTestMethod().getName() + ".png"));
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Clicks something that loads a new page, and waits until that page shows {@code shows}. */
    public void clickAndWait(By target, By shows) {
        loadAndWait(() -> driver.findElement(target).click(), shows);
    }

    /**
     * Does what loads a new page — a click, a confirmed dialog, a script's submit — and waits until the old page
     * is gone and the new one shows {@code shows}. Waiting for the old page alone would let a test read a page
     * still loading; waiting for the element alone could find it on the old page.
     */
    public void loadAndWait(Runnable action, By shows) {
        WebElement old = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, PAGE_LOAD)
                .withMessage(() -> "the page after the action did not replace the old one")
                .until(d -> isGone(old));
        awaitShown(shows);
    }

    /** Waits until the page shows the element — loaded with the page or by a script — and returns it. */
    public WebElement awaitShown(By shows) {
        return new WebDriverWait(driver, PAGE_LOAD)
                .withMessage(() -> driver.getCurrentUrl() + " does not show " + shows)
                .until(d -> shown(shows));
    }

    /**
     * Whether an element's page was replaced. Chromium answers with a stale-element error — or, in version 156,
     * with {@code unknown error: … Node with given id does not belong to the document}, the same fact in the
     * words of the DevTools protocol (Keycloak's Chrome tests treat it alike); any other error is real.
     */
    static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (isDetachedNode(e)) {
                return true;
            }
            throw e;
        }
    }

    private WebElement shown(By shows) {
        try {
            WebElement element = driver.findElement(shows);
            return element.isDisplayed() ? element : null;
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return null;
        } catch (WebDriverException e) {
            if (isDetachedNode(e)) {
                return null;
            }
            throw e;
        }
    }

    private static boolean isDetachedNode(WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** Saves what the browser shows now as a PNG. */
    public void save(Path png) {
        try {
            Files.createDirectories(png.getParent());
            Path shot =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, png, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
