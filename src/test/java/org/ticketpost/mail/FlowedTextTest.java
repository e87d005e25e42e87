package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowedTextTest {

    @Test
    void lineEndingInASpaceGoesOnInTheNextLine() {
        assertThat(FlowedText.unflow("The invitations are \nnot sent.\n", false)).isEqualTo("The invitations are not sent.\n");
    }

    @Test
    void lineWithoutTrailingSpaceEndsTheParagraph() {
        assertThat(FlowedText.unflow("First line\nSecond line\n", false)).isEqualTo("First line\nSecond line\n");
    }

    @Test
    void delSpRemovesTheSpaceThatMarkedTheSoftBreak() {
        assertThat(FlowedText.unflow("招待が \n届きません\n", true)).isEqualTo("招待が届きません\n");
    }

    @Test
    void spaceStuffingIsUndone() {
        assertThat(FlowedText.unflow(" From the log:\n >not a quote\n", false)).isEqualTo("From the log:\n>not a quote\n");
    }

    @Test
    void quotedLinesFlowWithinTheirQuoteDepth() {
        assertThat(FlowedText.unflow(">> Did you restart \n>> the server?\n> Yes \n> I did.\n", false))
                .isEqualTo(">> Did you restart the server?\n> Yes I did.\n");
    }

    @Test
    void changeOfQuoteDepthEndsAParagraphEvenAfterASoftBreak() {
        assertThat(FlowedText.unflow("> Question \nAnswer\n", false)).isEqualTo("> Question \nAnswer\n");
    }

    @Test
    void signatureSeparatorIsNotASoftBreak() {
        assertThat(FlowedText.unflow("Regards\n-- \nJane\n", false)).isEqualTo("Regards\n-- \nJane\n");
    }

    @Test
    void emptyTextStaysEmpty() {
        assertThat(FlowedText.unflow("", false)).isEmpty();
    }
}
