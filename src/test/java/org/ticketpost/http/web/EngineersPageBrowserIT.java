package org.ticketpost.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ticketpost.testing.ImapInbox;
import org.ticketpost.testing.Browser;
import org.ticketpost.testing.TestApp;

/**
 * The engineers' page in a real browser (headless chromium): what an engineer sees and does,
 * what reaches the customer's real mailbox (GreenMail, read over IMAP), and what a hostile
 * customer's mail cannot do there.
 */
class EngineersPageBrowserIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final String CUSTOMER_PASSWORD = "customer's own password";
    private static final String ANSWER = "We restarted the calendar gateway; invitations go out again.";
    private static final String NOTE = "Gateway restarted by hand; watch it tonight.";

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

                clickThrough(browser, row.findElement(By.linkText(number)));
                new Select(browser.findElement(By.name("status"))).selectByValue("open");
                clickThrough(browser, browser.findElement(By.cssSelector("form[action$='/status'] button")));

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
    void anEngineerAnswersTheCustomerKeepsANoteEscalatesAPhoneCallAndFindsTheEscalatedTicketFirst() throws Exception {
        MAIL.setUser(ServedPage.CUSTOMER_ADDRESS, ServedPage.CUSTOMER_ADDRESS, CUSTOMER_PASSWORD);
        try (ServedPage page = ServedPage.start(folder)) {
            String severity2 = page.receive("intake/request.eml", "escalated@mail.example.com", 2);
            String severity1 = page.receive("intake/request.eml", "outage@mail.example.com", 1);
            String severity3 = page.receive("intake/request.eml", "minor@mail.example.com", 3);
            page.sendOutbox(MAIL.getSmtp().getPort());   // the three confirmations
            ChromeDriver browser = Browser.start(folder.resolve("profile"));
            try {
                logIn(browser, page, ServedPage.PASSWORD);
                clickThrough(browser, browser.findElement(By.linkText(severity2)));

                send(browser, "reply", Map.of("text", ANSWER));
                assertThat(notice(browser)).isEqualTo("Answer queued for the customer.");
                assertThat(mailText(browser, "article.mail.out")).contains(ANSWER);
                browser.findElement(By.cssSelector("form[action$='/reply'] input[name='internal']")).click();
                send(browser, "reply", Map.of("text", NOTE));
                assertThat(mailText(browser, "article.mail.internal")).contains("Internal note by " + ServedPage.ENGINEER, NOTE);
                assertThat(page.sendOutbox(MAIL.getSmtp().getPort()).sent()).as("the answer, not the note").isEqualTo(1);
                List<String> mailbox = customersMailbox();
                assertThat(mailbox).anySatisfy(mail -> assertThat(mail).contains(ANSWER));
                assertThat(mailbox).noneSatisfy(mail -> assertThat(mail).contains(NOTE));

                send(browser, "escalate", Map.of("caller", "Jane Doe", "note", "No meeting room can be booked"));
                assertThat(notice(browser)).startsWith("Escalated.");
                assertThat(browser.findElement(By.cssSelector("dd.escalated")).getText())
                        .contains("Escalated", "by " + ServedPage.ENGINEER, "phone call from Jane Doe");
                assertThat(browser.findElements(By.cssSelector("form[action$='/escalate']"))).as("escalated once").isEmpty();

                browser.get(page.url("/tickets"));
                List<String> rows = browser.findElements(By.cssSelector("table.tickets tbody tr")).stream()
                        .map(row -> row.getAttribute("data-ticket")).toList();
                assertThat(rows).as("escalated first, then the nearest due time").containsExactly(severity2, severity1, severity3);
                assertThat(browser.findElement(By.cssSelector("tr[data-ticket='" + severity2 + "'] td.escalated")).getText())
                        .isEqualTo("Escalated");
                assertThat(browser.findElement(By.cssSelector("tr[data-ticket='" + severity1 + "'] td.escalated")).getText()).isEmpty();
                browser.findElement(By.name("escalated")).click();
                WebElement filter = browser.findElement(By.cssSelector("form.filters button"));
                filter.click();
                awaitNextPage(browser, filter);   // the filtered list loaded
                assertThat(browser.findElements(By.cssSelector("table.tickets tbody tr"))).hasSize(1);

                browser.get(page.url("/tickets/" + severity3));
                assertThat(browser.findElements(By.cssSelector("form[action$='/escalate']"))).as("Severity 3").isEmpty();
                assertThat(browser.findElements(By.cssSelector("form[action$='/reply']"))).hasSize(1);
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

    /** Fills the named control's fields and sends it; the ticket's page comes back with a notice. */
    private static void send(ChromeDriver browser, String control, Map<String, String> fields) {
        WebElement form = browser.findElement(By.cssSelector("form[action$='/" + control + "']"));
        fields.forEach((name, value) -> form.findElement(By.name(name)).sendKeys(value));
        clickThrough(browser, form.findElement(By.cssSelector("button")));   // the page before may show the notice of the one sent before
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(any -> !browser.findElements(By.cssSelector(".notice")).isEmpty());
    }

    private static String notice(ChromeDriver browser) {
        return browser.findElement(By.cssSelector(".notice")).getText();
    }

    private static String mailText(ChromeDriver browser, String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).reduce("", String::concat);
    }

    /** The texts in the customer's INBOX, read over IMAP with the customer's own password. */
    private static List<String> customersMailbox() throws Exception {
        List<String> texts = new ArrayList<>();
        for (MimeMessage mail : ImapInbox.read(MAIL.getImap().getPort(), ServedPage.CUSTOMER_ADDRESS, CUSTOMER_PASSWORD)) {
            texts.add(mail.getContent().toString());
        }
        return texts;
    }

    private static void logIn(ChromeDriver browser, ServedPage page, String password) {
        browser.get(page.url("/tickets"));
        assertThat(browser.getCurrentUrl()).as("sent to the login").endsWith("/login");
        browser.findElement(By.name("name")).sendKeys(ServedPage.ENGINEER);
        browser.findElement(By.name("password")).sendKeys(password);
        WebElement button = browser.findElement(By.cssSelector("form.login button"));
        button.click();
        awaitNextPage(browser, button);   // the next page, not the login still on screen, is what the test reads next
    }

    /** Clicks a link or a form's button and waits for the page it leads to: what the test reads next is on that one. */
    private static void clickThrough(ChromeDriver browser, WebElement element) {
        element.click();
        awaitNextPage(browser, element);
    }

    /**
     * Waits until the element clicked belongs to a page no more. While Chrome swaps the pages it may answer
     * "Node with given id does not belong to the document" instead of a stale element: that means "not yet".
     */
    private static void awaitNextPage(ChromeDriver browser, WebElement clicked) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(clicked));
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
