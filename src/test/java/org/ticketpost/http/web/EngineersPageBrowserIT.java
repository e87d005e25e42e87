package org.ticketpost.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ticketpost.testing.Browser;
import org.ticketpost.testing.TestApp;

/**
 * The engineers' page in a real browser (headless chromium): what an engineer sees and does,
 * and what a hostile customer's mail cannot do there.
 */
class EngineersPageBrowserIT {

    @TempDir
    Path folder;

    @Test
    void anEngineerSeesTheTicketsClockTickChangesItsStatusAndFindsThatInTheHistoryUnderTheirName() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            String number = page.receive("intake/request.eml", "browser@mail.example.com");
            ChromeDriver browser = Browser.start(folder.resolve("profile"));
            try {
                logIn(browser, page, ServedPage.PASSWORD);

                WebElement row = browser.findElement(By.cssSelector("tr[data-ticket='" + number + "']"));
                assertThat(row.getText()).contains("Calendar invitations are not delivered", TestApp.CUSTOMER, "new");
                assertThat(row.getAttribute("class")).isEqualTo("severity-2");
                WebElement countdown = row.findElement(By.cssSelector(".countdown"));
                long before = seconds(countdown.getText());
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(any -> seconds(countdown.getText()) < before);
                assertThat(seconds(countdown.getText())).as("the first response of a severity 2 ticket is due within 4 h")
                        .isBetween(3L * 3600, 4L * 3600);

                row.findElement(By.linkText(number)).click();
                new Select(browser.findElement(By.name("status"))).selectByValue("open");
                browser.findElement(By.cssSelector("form[action$='/status'] button")).click();

                new WebDriverWait(browser, Duration.ofSeconds(10)).until(any -> !browser.findElements(By.cssSelector(".notice")).isEmpty());
                assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Status changed to open.");
                assertThat(browser.findElement(By.cssSelector("dd.status")).getText()).isEqualTo("open");
                List<String> history = browser.findElements(By.cssSelector("section.history tbody tr")).stream()
                        .map(WebElement::getText).toList();
                assertThat(history).anySatisfy(entry -> assertThat(entry).contains(ServedPage.ENGINEER, "status changed", "open"));
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void aCustomersScriptsAndMarkupShowAsTextAndRunNothing() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            String number = page.receive("web/hostile.eml", "hostile@mail.example.com");
            ChromeDriver browser = Browser.start(folder.resolve("profile"));
            try {
                logIn(browser, page, ServedPage.PASSWORD);
                assertThat(browser.findElement(By.cssSelector("tr[data-ticket='" + number + "'] td.subject")).getText())
                        .startsWith("<script>document.title='pwned';window.pwned='subject'</script> <img src=x");
                assertNothingRan(browser, "Open tickets · Ticketpost");

                browser.get(page.url("/tickets/" + number));

                assertNothingRan(browser, "Ticket " + number + " · Ticketpost");
                assertThat(browser.findElement(By.cssSelector("h1 .subject")).getText())
                        .isEqualTo("<script>document.title='pwned';window.pwned='subject'</script> <img src=x onerror=\"window.pwned='subject img'\">");
                assertThat(browser.findElement(By.cssSelector("article.mail.in pre.text")).getText())
                        .contains("Hello <script>document.title='pwned';window.pwned='body'</script>",
                                "<img src=x onerror=\"window.pwned='body img';document.title='pwned'\">",
                                "<a href=\"javascript:window.pwned='link'\">see the log</a>");
                assertThat(browser.findElement(By.cssSelector("section.fields")).getText())
                        .contains("Paste <script>window.pwned='field'</script> into a calendar note.");
                assertThat(browser.findElement(By.cssSelector("ul.files")).getText()).contains("<img src=x onerror=alert(1)>.html");
                assertThat(browser.findElements(By.cssSelector("main img, main script, a[href^='javascript:']"))).isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheEngineerStaysOnTheLogin() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            ChromeDriver browser = Browser.start(folder.resolve("profile"));
            try {
                logIn(browser, page, "not the password at all");

                assertThat(browser.findElement(By.cssSelector(".problem")).getText()).isEqualTo("Wrong name or password.");
                assertThat(browser.getCurrentUrl()).endsWith("/login");
                browser.get(page.url("/tickets"));
                assertThat(browser.getCurrentUrl()).as("no session").endsWith("/login");
            } finally {
                browser.quit();
            }
        }
    }

    private static void logIn(ChromeDriver browser, ServedPage page, String password) {
        browser.get(page.url("/tickets"));
        assertThat(browser.getCurrentUrl()).as("sent to the login").endsWith("/login");
        browser.findElement(By.name("name")).sendKeys(ServedPage.ENGINEER);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login button")).click();
    }

    /** Each hostile script would set the title or window.pwned: neither happened. */
    private static void assertNothingRan(ChromeDriver browser, String title) {
        assertThat(browser.getTitle()).isEqualTo(title);
        assertThat(browser.executeScript("return window.pwned === undefined ? 'nothing ran' : String(window.pwned)"))
                .isEqualTo("nothing ran");
    }

    /** "01:02:03" or "1d 01:02:03" as seconds; negative for "-…". */
    private static long seconds(String countdown) {
        String text = countdown.strip();
        boolean negative = text.startsWith("-");
        String[] dayAndClock = text.replace("-", "").split("d ");
        String[] clock = dayAndClock[dayAndClock.length - 1].split(":");
        long seconds = (dayAndClock.length == 2 ? Long.parseLong(dayAndClock[0]) * 86_400 : 0)
                + Long.parseLong(clock[0]) * 3600 + Long.parseLong(clock[1]) * 60 + Long.parseLong(clock[2]);
        return negative ? -seconds : seconds;
    }
}
