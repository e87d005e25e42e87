package org.ticketpost.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusTest {

    private static final Instant NOW = Instant.parse("2026-11-16T08:00:00Z");
    private static final ServiceLevels NO_PLANS = (plan, severity) -> ServiceLevel.NONE;

    private static Ticket ticket() {
        SupportKey key = new SupportKey("OXSK-1111-2222", "Example Corp", "advanced",
                List.of(new SenderRule("example.com")), null, NOW);
        return new Ticket(new TicketNumber(10000), "Calendar", "jane@example.com", key, 2, "en",
                Map.of("product", "OXSE", "customField", "x"), NOW);
    }

    @Test
    void followsTheLifecycleOfTheSupportProcess() {
        assertThat(Status.NEW.canBecome(Status.OPEN)).isTrue();
        assertThat(Status.OPEN.canBecome(Status.WAITING_FOR_CUSTOMER)).isTrue();
        assertThat(Status.WAITING_FOR_CUSTOMER.canBecome(Status.OPEN)).isTrue();
        assertThat(Status.OPEN.canBecome(Status.RESOLVED)).isTrue();
        assertThat(Status.RESOLVED.canBecome(Status.CLOSED)).isTrue();
        assertThat(Status.RESOLVED.canBecome(Status.OPEN)).isTrue();
        assertThat(Status.CLOSED.canBecome(Status.OPEN)).isFalse();
        assertThat(Status.OPEN.canBecome(Status.NEW)).isFalse();
    }

    @Test
    void everyChangeIsAnEventWithTheOldAndTheNewValue() {
        Ticket ticket = ticket();

        ticket.changeStatus(Status.OPEN, "engineer", NOW.plusSeconds(60), NO_PLANS);

        TicketEvent last = ticket.events().get(ticket.events().size() - 1);
        assertThat(last.kind()).isEqualTo(EventKind.STATUS_CHANGED);
        assertThat(last.actor()).isEqualTo("engineer");
        assertThat(last.oldValue()).contains("new");
        assertThat(last.newValue()).contains("open");
    }

    @Test
    void aClosedTicketStaysClosed() {
        Ticket ticket = ticket();
        ticket.changeStatus(Status.CLOSED, "engineer", NOW, NO_PLANS);

        assertThatThrownBy(() -> ticket.changeStatus(Status.OPEN, "engineer", NOW, NO_PLANS))
                .isInstanceOf(IllegalStateException.class).hasMessage("a closed ticket cannot become open");
        assertThat(ticket.acceptsMail()).isFalse();
    }

    @Test
    void aCustomerReplyOpensATicketThatWaitedForIt() {
        Ticket ticket = ticket();
        ticket.changeStatus(Status.WAITING_FOR_CUSTOMER, "engineer", NOW, NO_PLANS);

        ticket.customerReplied("jane@example.com", NOW, "Re: Calendar", NO_PLANS);

        assertThat(ticket.status()).isEqualTo(Status.OPEN);
    }

    @Test
    void keepsTemplateFieldsItHasNoColumnFor() {
        assertThat(ticket().fields()).containsEntry("product", "OXSE").containsEntry("customField", "x")
                .containsEntry("severity", "2").containsEntry("supportKey", "OXSK-1111-2222");
    }
}
