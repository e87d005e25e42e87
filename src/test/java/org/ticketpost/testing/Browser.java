package org.ticketpost.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the engineers' page: Debian's headless chromium, driven through its
 * chromedriver (packages chromium and chromium-driver). Where they are not installed, a browser
 * test is skipped, visibly, on a developer's machine; under CI=true it fails, so that CI cannot
 * pass without having run them.
 */
public final class Browser {

    public static final String CHROMIUM = System.getProperty("ticketpost.test.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("ticketpost.test.chromedriver", "/usr/bin/chromedriver");

    private Browser() {
    }

    /** A new headless browser with a profile of its own in the folder; the caller quits it. */
    public static ChromeDriver start(Path profile) {
        requireBrowser(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)), System.getenv());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1024");
        // the installed driver, named: Selenium then fetches none from the network
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static void requireBrowser(boolean installed, Map<String, String> env) {
        String missing = "no browser for the page's tests: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is missing (apt-get install chromium chromium-driver)";
        if (!installed && "true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
            throw new AssertionError(missing + "; under CI=true the browser tests must run, not be skipped");
        }
        assumeTrue(installed, missing + ": the browser test is skipped");
    }
}
