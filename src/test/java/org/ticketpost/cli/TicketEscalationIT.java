package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.desk.Engineers;
import org.ticketpost.mail.SmtpSender;
import org.ticketpost.mail.SmtpSettings;
import org.ticketpost.reply.OutboxDispatcher;
import org.ticketpost.reply.OutboxPolicy;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.TicketNumber;

/**
 * `tickets escalate N --phone`: only an open Severity 1 or 2 ticket is escalated, once; the
 * others are refused, saying what to do instead. The on-call engineers (accounts on call, and
 * sla.notify) get the mail in their mailboxes once the outbox is sent.
 */
class TicketEscalationIT {

    /** The engineer the command line acts as, named by TICKETPOST_ENGINEER; not on call. */
    static final String ACTOR = "max";
    static final Map<String, String> SLA_NOTIFY = Map.of("TICKETPOST_SLA_NOTIFY", "lead@ops.example");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-16T08:00:00Z");

    static TicketNumber open(TestApp app, String subject, int severity) {
        return app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", subject, "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY,
                "severity", Integer.toString(severity)))).ticket().orElseThrow();
    }

    /** jane on call, bob not, carol on call but disabled: only jane, and sla.notify, are told. */
    static void engineers(TestApp app) throws Exception {
        Engineers engineers = app.application().engineers();
        engineers.add(new Engineers.NewEngineer("jane", "jane@ops.example", true));
        engineers.add(new Engineers.NewEngineer("bob", "bob@ops.example", false));
        engineers.add(new Engineers.NewEngineer("carol", "carol@ops.example", true));
        engineers.disable("carol");
        engineers.add(new Engineers.NewEngineer(ACTOR, "max@ops.example", false));
    }

    /** The application's environment, acting as {@link #ACTOR}. */
    static Map<String, String> asActor(TestApp app) {
        Map<String, String> env = new HashMap<>(app.env());
        env.put("TICKETPOST_ENGINEER", ACTOR);
        return env;
    }

    private Cli.Run escalate(TestApp app, TicketNumber ticket) {
        return escalate(app, ticket.digits());
    }

    private Cli.Run escalate(TestApp app, String number) {
        return Cli.run(asActor(app), clock, "tickets", "escalate", number, "--phone", "--caller", "Jane Doe (Example Corp)",
                "--note", "Nobody can log in since 09:00");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onlyAnOpenSeverityOneOrTwoTicketIsEscalatedOnceAndTheOthersAreRefusedSayingWhatToDo(TestDatabase.Kind kind)
            throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, SLA_NOTIFY)) {
            app.addKey();
            engineers(app);
            TicketNumber outage = open(app, "Outage", 1);
            TicketNumber disruption = open(app, "Disruption", 2);
            TicketNumber partial = open(app, "Partial", 3);
            TicketNumber question = open(app, "Question", 4);
            TicketNumber resolved = open(app, "Resolved outage", 1);
            TicketNumber closed = open(app, "Closed disruption", 2);
            app.application().ticketActions().changeStatus(resolved.digits(), Status.RESOLVED, "jane");
            app.application().ticketActions().close(closed.digits(), "jane");
            clock.advance(Duration.ofMinutes(10));

            Cli.Run noCaller = Cli.run(asActor(app), clock, "tickets", "escalate", outage.digits(), "--phone", "--caller", " ",
                    "--note", " ");
            Cli.Run first = escalate(app, outage);
            Cli.Run second = escalate(app, disruption);
            Cli.Run again = escalate(app, outage);
            Cli.Run severity3 = escalate(app, partial);
            Cli.Run severity4 = escalate(app, question);
            Cli.Run wasResolved = escalate(app, resolved);
            Cli.Run wasClosed = escalate(app, closed);
            String digits = outage.digits();
            int checkDigit = digits.charAt(digits.length() - 1) - '0';
            String mistypedNumber = digits.substring(0, digits.length() - 1) + (checkDigit + 1) % 10;
            Cli.Run mistyped = escalate(app, mistypedNumber);
            Cli.Run withoutPhone = Cli.run(asActor(app), clock, "tickets", "escalate", disruption.digits(), "--caller", "Jane",
                    "--note", "again");

            assertThat(noCaller.exitCode()).isEqualTo(1);
            assertThat(noCaller.err()).contains("the caller is missing: who phoned?").contains("the note is missing");
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).isEqualTo("ticket " + outage + " is escalated; the on-call engineers' mail is in the outbox,"
                    + " to jane@ops.example, lead@ops.example\n");
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("ticketpost tickets escalate: ticket " + outage + " was escalated already at"
                    + " 2026-11-16T08:10:00Z: the on-call engineers were told then and are not told again\n");
            assertThat(severity3.exitCode()).isEqualTo(1);
            assertThat(severity3.err()).contains("ticket " + partial + " is severity 3: only Severity 1 and 2 tickets are escalated"
                    + " by phone").contains("raise the severity first with `tickets severity " + partial + " 2`");
            assertThat(severity4.exitCode()).isEqualTo(1);
            assertThat(severity4.err()).contains("is severity 4: only Severity 1 and 2");
            assertThat(wasResolved.exitCode()).isEqualTo(1);
            assertThat(wasResolved.err()).contains("ticket " + resolved + " is resolved: only open tickets are escalated")
                    .contains("`tickets status " + resolved + " open`");
            assertThat(wasClosed.exitCode()).isEqualTo(1);
            assertThat(wasClosed.err()).contains("ticket " + closed + " is closed and stays closed: the customer files a new ticket");
            assertThat(mistyped.exitCode()).isEqualTo(1);
            assertThat(mistyped.err()).contains(mistypedNumber + " is not a ticket number");
            assertThat(withoutPhone.exitCode()).isEqualTo(64);
            assertThat(withoutPhone.err()).contains("--phone");

            assertThat(database.rows("SELECT number FROM ticket WHERE escalated_at IS NOT NULL ORDER BY number"))
                    .containsExactlyInAnyOrder(List.of(outage.digits()), List.of(disruption.digits()));
            assertThat(database.rows("SELECT t.number, e.actor, e.new_value, e.note, e.at FROM ticket_event e"
                    + " JOIN ticket t ON t.id = e.ticket_id WHERE e.kind = 'ESCALATED' ORDER BY e.id"))
                    .extracting(row -> row.subList(0, 4))
                    .containsExactly(
                            List.of(outage.digits(), ACTOR, "phone call from Jane Doe (Example Corp)", "Nobody can log in since 09:00"),
                            List.of(disruption.digits(), ACTOR, "phone call from Jane Doe (Example Corp)",
                                    "Nobody can log in since 09:00"));
            assertThat(database.rows("SELECT o.recipient FROM outbox o WHERE o.kind = 'escalation' ORDER BY o.recipient"))
                    .as("each escalation once to each on call: not to bob (off call) nor carol (disabled), nothing for a refusal")
                    .containsExactly(List.of("jane@ops.example"), List.of("jane@ops.example"),
                            List.of("lead@ops.example"), List.of("lead@ops.example"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theEscalationReachesTheOnCallMailboxesWhenTheOutboxIsSent(TestDatabase.Kind kind) throws Exception {
        GreenMailUser jane = MAIL.setUser("jane@ops.example", "jane@ops.example", "jane-secret");
        GreenMailUser lead = MAIL.setUser("lead@ops.example", "lead@ops.example", "lead-secret");
        GreenMailUser bob = MAIL.setUser("bob@ops.example", "bob@ops.example", "bob-secret");
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, SLA_NOTIFY)) {
            app.addKey();
            engineers(app);
            TicketNumber outage = open(app, "Re: Nobody can log in", 1);
            app.application().ticketActions().assign(outage.digits(), "bob", "jane");
            clock.advance(Duration.ofMinutes(30));

            app.application().ticketActions().escalateByPhone(outage.digits(), "Jane Doe", "All users are locked out.\nSince 09:00.",
                    "jane");
            new OutboxDispatcher(app.application().database(), new SmtpSender(SmtpSettings.parse(
                    "smtp://127.0.0.1:" + MAIL.getSmtp().getPort() + "?starttls=off", Optional.empty(), Optional.empty(),
                    Duration.ofSeconds(10))), clock, OutboxPolicy.DEFAULT).sendDue();

            List<MimeMessage> toJane = inbox(jane);
            assertThat(toJane).hasSize(1);
            assertThat(inbox(lead)).hasSize(1);
            assertThat(inbox(bob)).as("bob is not on call").isEmpty();
            MimeMessage mail = toJane.get(0);
            assertThat(mail.getSubject()).isEqualTo("Escalated by phone: [Ticket#" + outage + "] Severity 1, " + TestApp.CUSTOMER
                    + ": Nobody can log in");
            assertThat(mail.getHeader("Auto-Submitted", ",")).isEqualTo("auto-generated");
            assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
                    .contains("Jane Doe phoned about this ticket at 2026-11-16 09:30 CET. jane took the call and escalated it.")
                    .contains("  Ticket:    " + outage + "\n")
                    .contains("  Assignee:  bob\n")
                    .contains("What the caller said:\nAll users are locked out.\nSince 09:00.\n");
        }
    }

    private static List<MimeMessage> inbox(GreenMailUser user) throws Exception {
        return MAIL.getManagers().getImapHostManager().getInbox(user).getMessages().stream().map(StoredMessage::getMimeMessage)
                .toList();
    }
}
