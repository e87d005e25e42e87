package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ticketpost.intake.EmailAddress;

class MailboxesTest {

    static Stream<Arguments> formsMailProgramsWrite() {
        return Stream.of(
                Arguments.of("\"jane.doe\"@example.com", List.of("jane.doe@example.com")),
                Arguments.of("\"Jane Doe\" <\"jane.doe\"@Example.COM>", List.of("Jane Doe <jane.doe@example.com>")),
                Arguments.of("\"jane doe\"@example.com", List.of("\"jane doe\"@example.com")),
                Arguments.of("\"Doe, Jane\" <jane@example.com>", List.of("Doe, Jane <jane@example.com>")),
                Arguments.of("=?UTF-8?Q?M=C3=BCller=2C_J=C3=B6rg?= <joerg@example.com>", List.of("Müller, Jörg <joerg@example.com>")),
                Arguments.of("jane@example.com (Jane Doe)", List.of("Jane Doe <jane@example.com>")),
                Arguments.of("<jane@example.com>", List.of("jane@example.com")),
                Arguments.of("Support team: anna@example.com, Ben <ben@example.com>;", List.of("anna@example.com", "Ben <ben@example.com>")),
                Arguments.of("undisclosed-recipients:;", List.of()),
                Arguments.of("Jürgen <jürgen@bücher.example>", List.of("Jürgen <jürgen@xn--bcher-kva.example>")),
                Arguments.of("jane@xn--bcher-kva.example", List.of("jane@xn--bcher-kva.example")),
                Arguments.of("<@relay.example:jane@example.com>", List.of("jane@example.com")),
                Arguments.of("Doe, Jane <jane@example.com>", List.of("Jane <jane@example.com>")),
                Arguments.of("MAILER-DAEMON (Mail Delivery System)", List.of("Mail Delivery System <mailer-daemon>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formsMailProgramsWrite")
    void aMailboxIsReadAsMailProgramsWriteIt(String field, List<String> mailboxes) {
        assertThat(Mailboxes.in(field)).extracting(EmailAddress::toString).containsExactlyElementsOf(mailboxes);
    }

    @Test
    void commentsAroundTheNameAndAfterTheAddressLeaveTheAddressAlone() {
        assertThat(Mailboxes.in("Jane (Example Corp.) Doe <jane@example.com> (office)")).extracting(EmailAddress::address)
                .containsExactly("jane@example.com");
    }

    static Stream<String> fieldsThatNameNoMailbox() {
        return Stream.of(
                "=?UTF-8?Q?r=0D=0ABcc:_victim@evil.example?=",
                "=?UTF-8?Q?Jane=0D=0ABcc:_evil@attacker.example?= <jane@example.com>",
                "Jane Doe <jane@example.com (Example Corp.",
                "jane@",
                "\"finances@example.com\"",
                "<power quadrant system@example.com>",
                "Test test@example.com",
                "jane..doe@example.com",
                "jane@example..com",
                "jane@-example.com",
                "jane@exa_mple.com",
                "jane@[192.0.2.1]",
                "\"Sales\" <>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldsThatNameNoMailbox")
    void aFieldThatBreaksTheAddressGrammarNamesNoMailbox(String field) {
        assertThat(Mailboxes.in(field)).isEmpty();
    }
}
