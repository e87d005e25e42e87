package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ticketpost.form.Problem;
import org.ticketpost.intake.Outcome;

/** What the operator reads of an outcome: the line on stderr and the JSON of --json. */
class OutcomeTextTest {

    private static final Problem MISSING_KEY = new Problem("supportKey", Problem.Code.MISSING, null, "\"Support Key\" is missing");

    @Test
    void aRejectionListsEachProblemByFieldAndCode() {
        Outcome rejected = new Outcome.Rejected(List.of(MISSING_KEY), true);

        assertThat(OutcomeText.line(rejected)).isEqualTo("rejected (supportKey missing); the sender gets the problems by mail");
        assertThat(Json.line(OutcomeText.json(rejected, ""))).contains("\"code\":\"missing\"").doesNotContain("mistyped_ticket");
    }

    @Test
    void aRejectionForAMistypedTicketNumberNamesTheNumberNotTheEmptyFields() {
        Outcome rejected = new Outcome.Rejected(List.of(MISSING_KEY), true, Optional.of("100090"));

        assertThat(OutcomeText.line(rejected))
                .isEqualTo("rejected: the ticket number 100090 in the subject is mistyped; the sender is told so, with a list of their open tickets");
        assertThat(Json.line(OutcomeText.json(rejected, ""))).contains("\"mistyped_ticket\":\"100090\"");
    }
}
