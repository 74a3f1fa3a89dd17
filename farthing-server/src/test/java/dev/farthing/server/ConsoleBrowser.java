package dev.farthing.server;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * Headless Debian Chromium through chromium-driver for the console tests: where they are, starting one, waiting
 * for redrawn pages, logging in, and the screenshots for docs/CONSOLE.md.
 */
final class ConsoleBrowser {
    static final String CHROMIUM = System.getProperty("farthing.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("farthing.chromedriver", "/usr/bin/chromedriver");
    static final boolean SCREENSHOTS = Boolean.getBoolean("farthing.console.screenshots");

    private ConsoleBrowser() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
    }

    static String whyAbsent() {
        return "ConsoleBrowserTest skipped: no chromium at " + CHROMIUM + " or chromedriver at " + DRIVER
                + " (apt-get install chromium chromium-driver; .ci/run does)";
    }

    static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // --no-sandbox: CI runs as root, where Chromium's sandbox will not start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1360,1000", "--no-first-run", "--disable-extensions", "--disable-background-networking");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        return new ChromeDriver(service, options);
    }

    /** Pages redraw whole tables, so an element found a moment ago may be gone: a wait that looks again. */
    static FluentWait<WebDriver> waiting(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);
    }

    /** Logs out if logged in, then in with {@code key}; waits until the nav shows who is logged in. */
    static String login(WebDriver browser, FluentWait<WebDriver> wait, String consoleUrl, String key) {
        browser.get(consoleUrl + "#/queues");
        if (!browser.findElements(By.id("logout")).isEmpty() || waitForEither(wait)) {
            browser.findElement(By.id("logout")).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key"))).sendKeys(key);
        browser.findElement(By.id("login-submit")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who"))).getText();
    }

    /** Waits for the login form or the nav; true when it is the nav (someone is logged in). */
    private static boolean waitForEither(FluentWait<WebDriver> wait) {
        return wait.until(d -> !d.findElements(By.id("api-key")).isEmpty() ? Boolean.FALSE
                : !d.findElements(By.id("logout")).isEmpty() ? Boolean.TRUE : null);
    }

    /** With -Dfarthing.console.screenshots=true, saves the page as docs/console/NAME.png (tests run in the module). */
    static void screenshot(WebDriver browser, String name) throws IOException {
        if (!SCREENSHOTS) {
            return;
        }
        Path out = Paths.get("..", "docs", "console", name + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
