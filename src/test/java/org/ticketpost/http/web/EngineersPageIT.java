package org.ticketpost.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.desk.TicketDetails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.ticket.Status;

/**
 * The engineers' page over plain HTTP, on a Ticketpost that serves: its login, its CSRF check on
 * every form, its headers, its downloads, and a refused escalation.
 */
class EngineersPageIT {

    @TempDir
    Path folder;

    @Test
    void aPageAskedForWithoutASessionGoesToTheLogin() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            PageClient browser = new PageClient(page);

            HttpResponse<String> tickets = browser.get("/tickets");

            assertThat(tickets.statusCode()).isEqualTo(303);
            assertThat(tickets.headers().firstValue("Location")).hasValue("/login");
            assertThat(browser.get("/tickets/12345/attachments/0/0").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void theRightPasswordOpensASessionWhoseCookieNoScriptReadsAndNoOtherSiteSends() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            PageClient browser = new PageClient(page);

            HttpResponse<String> login = browser.logIn(ServedPage.ENGINEER, ServedPage.PASSWORD);

            assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
            assertThat(login.headers().firstValue("Location")).hasValue("/tickets");
            assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith(Cookies.SESSION + "=").contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure"));
            HttpResponse<String> list = browser.get("/tickets");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("signed in as <strong>alice</strong>");
            assertThat(list.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("script-src 'self'").doesNotContain("unsafe-inline"));
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndOpensNoSession() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            PageClient browser = new PageClient(page);

            HttpResponse<String> login = browser.logIn(ServedPage.ENGINEER, "not the password at all");

            assertThat(login.statusCode()).isEqualTo(401);
            assertThat(login.body()).contains("Wrong name or password.");
            assertThat(browser.hasCookie(Cookies.SESSION)).isFalse();
            assertThat(browser.get("/tickets").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void fiveFailedLoginsForANameMakeTheNextWaitEvenWithTheRightPassword() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            PageClient browser = new PageClient(page);
            for (int attempt = 0; attempt < LoginThrottle.LIMIT; attempt++) {
                assertThat(browser.logIn(ServedPage.ENGINEER, "guess number " + attempt).statusCode()).isEqualTo(401);
            }

            HttpResponse<String> login = browser.logIn(ServedPage.ENGINEER, ServedPage.PASSWORD);

            assertThat(login.statusCode()).isEqualTo(429);
            assertThat(login.body()).contains("Too many failed logins for this name or from this address. Try again in 15 minutes.");
            assertThat(browser.hasCookie(Cookies.SESSION)).isFalse();
        }
    }

    @Test
    void disablingAnEngineerEndsTheirSessionAndTheyCannotLogInAgain() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            PageClient browser = new PageClient(page);
            browser.logIn(ServedPage.ENGINEER, ServedPage.PASSWORD);
            assertThat(browser.get("/tickets").statusCode()).isEqualTo(200);

            page.app().engineers().disable(ServedPage.ENGINEER);

            assertThat(browser.get("/tickets").statusCode()).as("the session ended").isEqualTo(303);
            HttpResponse<String> login = browser.logIn(ServedPage.ENGINEER, ServedPage.PASSWORD);
            assertThat(login.statusCode()).isEqualTo(403);
            assertThat(login.body()).contains("This engineer is disabled and cannot sign in.");
            assertThat(browser.get("/tickets").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void aLoginFormWithoutItsTokenIsRefused() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            PageClient browser = new PageClient(page);
            browser.get("/login");

            HttpResponse<String> login = browser.post("/login", Map.of("name", ServedPage.ENGINEER, "password", ServedPage.PASSWORD));

            assertThat(login.statusCode()).isEqualTo(403);
            assertThat(browser.hasCookie(Cookies.SESSION)).isFalse();
        }
    }

    @Test
    void aFormSentWithoutTheSessionsTokenChangesNothing() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            String number = page.receive("intake/request.eml", "csrf@mail.example.com");
            PageClient browser = new PageClient(page);
            browser.logIn(ServedPage.ENGINEER, ServedPage.PASSWORD);

            HttpResponse<String> withoutToken = browser.post("/tickets/" + number + "/status", Map.of("status", "open"));
            HttpResponse<String> wrongToken = browser.post("/tickets/" + number + "/status", Map.of("status", "open", "csrf", "forged"));

            assertThat(withoutToken.statusCode()).isEqualTo(403);
            assertThat(wrongToken.statusCode()).isEqualTo(403);
            assertThat(page.app().tickets().show(number).summary().status()).isEqualTo(Status.NEW);
            String csrf = PageClient.csrfOf(browser.get("/tickets/" + number).body());
            HttpResponse<String> withToken = browser.post("/tickets/" + number + "/status", Map.of("status", "open", "csrf", csrf));
            assertThat(withToken.statusCode()).isEqualTo(303);
            assertThat(page.app().tickets().show(number).summary().status()).as("the same form with its token").isEqualTo(Status.OPEN);
        }
    }

    @Test
    void everyNewFormSentWithoutTheSessionsTokenIsRefusedAndChangesNothing() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            String number = page.receive("intake/request.eml", "forged@mail.example.com");
            PageClient browser = new PageClient(page);
            browser.logIn(ServedPage.ENGINEER, ServedPage.PASSWORD);
            int mails = page.app().tickets().show(number).messages().size();
            Map<String, Map<String, String>> forms = Map.of(
                    "reply", Map.of("text", "forged answer"),
                    "assign", Map.of("engineer", ServedPage.ENGINEER),
                    "close", Map.of(),
                    "escalate", Map.of("caller", "Mallory", "note", "forged call"));

            forms.forEach((form, fields) -> assertThat(browser.post("/tickets/" + number + "/" + form, fields).statusCode())
                    .as(form).isEqualTo(403));
            assertThat(browser.post("/tickets/" + number + "/reply", Map.of("text", "forged note", "internal", "on")).statusCode())
                    .isEqualTo(403);

            TicketDetails ticket = page.app().tickets().show(number);
            assertThat(ticket.summary().status()).isEqualTo(Status.NEW);
            assertThat(ticket.summary().assignee()).isEmpty();
            assertThat(ticket.summary().escalated()).isEmpty();
            assertThat(ticket.messages()).hasSize(mails);
        }
    }

    @Test
    void aSeverity3TicketOffersNoEscalationAndARefusedOneSaysWhy() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            String number = page.receive("intake/request.eml", "severity3@mail.example.com", 3);
            PageClient browser = new PageClient(page);
            browser.logIn(ServedPage.ENGINEER, ServedPage.PASSWORD);
            String html = browser.get("/tickets/" + number).body();
            assertThat(html).doesNotContain("/escalate\"").contains("/reply\"", "/assign\"", "/close\"");

            HttpResponse<String> escalate = browser.post("/tickets/" + number + "/escalate",
                    Map.of("caller", "Jane Doe", "note", "It is urgent", "csrf", PageClient.csrfOf(html)));

            assertThat(escalate.statusCode()).isEqualTo(303);
            assertThat(browser.get("/tickets/" + number).body()).contains("Not escalated: ticket " + number
                    + " is Severity 3, and only Severity 1 and 2 tickets are escalated by phone.");
            assertThat(page.app().tickets().show(number).summary().escalated()).isEmpty();
        }
    }

    @Test
    void anAttachmentIsADownloadThatNoBrowserShowsOrSniffs() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            String number = page.receive("web/hostile.eml", "download@mail.example.com");
            PageClient browser = new PageClient(page);
            browser.logIn(ServedPage.ENGINEER, ServedPage.PASSWORD);

            HttpResponse<String> file = browser.get("/tickets/" + number + "/attachments/0/0");

            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo("<html><body><script>window.pwned='attachment'</script></body></html>");
            assertThat(file.headers().firstValue("Content-Disposition")).hasValue(
                    "attachment; filename=\"_img src_x onerror_alert_1__.html\"; filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.html");
            assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(browser.get("/tickets/" + number + "/attachments/0/1").statusCode()).as("no second file").isEqualTo(404);
        }
    }

    @Test
    void theTicketPageShowsTheCustomersMarkupAsText() throws Exception {
        try (ServedPage page = ServedPage.start(folder)) {
            String number = page.receive("web/hostile.eml", "escaped@mail.example.com");
            PageClient browser = new PageClient(page);
            browser.logIn(ServedPage.ENGINEER, ServedPage.PASSWORD);

            String html = browser.get("/tickets/" + number).body();

            assertThat(html).doesNotContain("<script>document", "<img src=x", "<script>window", "href=\"javascript:")
                    .contains("&lt;script&gt;document.title=&#39;pwned&#39;", "&lt;img src=x onerror=&quot;window.pwned=");
            assertThat(html).contains(TestApp.CUSTOMER);
        }
    }
}
