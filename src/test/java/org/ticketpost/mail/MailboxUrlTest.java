package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ticketpost.mail.MailboxUrl.Protocol;
import org.ticketpost.mail.SmtpSettings.Security;

/** The mailbox's URL as an operator writes it, and what is said when it is wrong. */
class MailboxUrlTest {

    @ParameterizedTest
    @CsvSource({
            "imaps://support%40example.com@imap.example.com/INBOX,   IMAP, TLS,      imap.example.com, 993, support@example.com, INBOX",
            "imaps://support%40example.com@imap.example.com,         IMAP, TLS,      imap.example.com, 993, support@example.com, INBOX",
            "imap://support@imap.example.com/Support%20Requests,     IMAP, STARTTLS, imap.example.com, 143, support,             Support Requests",
            "imap://support@imap.example.com/Support/Incoming,       IMAP, STARTTLS, imap.example.com, 143, support,             Support/Incoming",
            "IMAP://support@imap.example.com/inbox?starttls=required, IMAP, STARTTLS, imap.example.com, 143, support,            INBOX",
            "imap://support@127.0.0.1:3143/INBOX?starttls=off,       IMAP, NONE,     127.0.0.1,        3143, support,            INBOX",
            "pop3s://support%40example.com@pop.example.com,          POP3, TLS,      pop.example.com,  995, support@example.com, INBOX",
            "pop3://support@[::1]:3110?starttls=off,                 POP3, NONE,     ::1,              3110, support,            INBOX"})
    void aMailboxIsReadFromItsUrl(String url, Protocol protocol, Security security, String host, int port, String user,
            String folder) {
        MailboxUrl parsed = MailboxUrl.parse(url);

        assertThat(parsed.protocol()).isEqualTo(protocol);
        assertThat(parsed.security()).isEqualTo(security);
        assertThat(parsed.host()).isEqualTo(host);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(parsed.user()).isEqualTo(user);
        assertThat(parsed.folder()).isEqualTo(folder);
    }

    @Test
    void theMailboxIsShownAsWrittenWithoutDefaultsAndWithoutAPassword() {
        assertThat(MailboxUrl.parse("imaps://support%40example.com@imap.example.com:993/INBOX").shown())
                .isEqualTo("imaps://support%40example.com@imap.example.com/INBOX");
        assertThat(MailboxUrl.parse("imap://support@127.0.0.1:3143/Support%20Requests?starttls=off").shown())
                .isEqualTo("imap://support@127.0.0.1:3143/Support%20Requests?starttls=off");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://imap.example.com                         | must start with imaps://, imap://, pop3s:// or pop3://",
            "imaps://imap.example.com/INBOX                  | names no user",
            "imaps://support:s3cret@imap.example.com/INBOX   | must not hold a password: give it as mailbox.password",
            "imaps://support@imap.example.com:99999/INBOX    | the port must be from 1 to 65535, was 99999",
            "imaps://support@imap.example.com/INBOX?x=1      | imaps:// speaks TLS from the start and takes no parameters",
            "imap://support@imap.example.com/INBOX?tls=no    | unknown parameter 'tls'",
            "pop3://support@pop.example.com/Support          | POP3 reads INBOX alone",
            "imaps://support@imap example.com/INBOX          | is no URL"})
    void aWrongUrlIsNamedWithoutItsPassword(String url, String problem) {
        assertThatThrownBy(() -> MailboxUrl.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }
}
