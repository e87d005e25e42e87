package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void paragraphsAreSeparatedByAnEmptyLine() {
        assertThat(HtmlText.of("<p>First paragraph</p><p>Second paragraph</p>"))
                .isEqualTo("First paragraph\n\nSecond paragraph");
    }

    @Test
    void lineBreakStartsANewLine() {
        assertThat(HtmlText.of("<div>Server: mail.example.com<br>Severity: 2<br/>Product: OXSE</div>"))
                .isEqualTo("Server: mail.example.com\nSeverity: 2\nProduct: OXSE");
    }

    @Test
    void sourceLineBreaksAndRunsOfSpacesAreOneSpace() {
        assertThat(HtmlText.of("<p>The calendar\n   invitations    are\tnot sent</p>"))
                .isEqualTo("The calendar invitations are not sent");
    }

    @Test
    void listItemsBecomeDashedLines() {
        assertThat(HtmlText.of("<p>Steps:</p><ol><li>open the calendar</li><li>invite a colleague</li></ol>"))
                .isEqualTo("Steps:\n\n- open the calendar\n- invite a colleague");
    }

    @Test
    void blockquoteIsQuotedWithAngleBrackets() {
        assertThat(HtmlText.of("<p>Yes, restarted.</p><blockquote><p>Did you restart the server?</p></blockquote>"))
                .isEqualTo("Yes, restarted.\n\n> Did you restart the server?");
    }

    @Test
    void nestedBlockquotesAreQuotedTwice() {
        assertThat(HtmlText.of("<blockquote>Answer<blockquote>Question</blockquote></blockquote>"))
                .isEqualTo("> Answer\n> > Question");
    }

    @Test
    void entitiesAndNonBreakingSpacesAreDecoded() {
        assertThat(HtmlText.of("<p>Gr&uuml;&szlig;e&nbsp;&amp; thanks &lt;3</p>")).isEqualTo("Grüße & thanks <3");
    }

    @Test
    void headScriptsAndStylesAreNotText() {
        assertThat(HtmlText.of("<html><head><title>Ticket</title><style>p{color:red}</style></head>"
                + "<body><script>var x = 1;</script><p>Visible</p></body></html>"))
                .isEqualTo("Visible");
    }

    @Test
    void preformattedTextKeepsItsLinesAndSpaces() {
        assertThat(HtmlText.of("<pre>open-xchange-core   8.21.0\nopen-xchange-calendar 8.21.0</pre>"))
                .isEqualTo("open-xchange-core   8.21.0\nopen-xchange-calendar 8.21.0");
    }

    @Test
    void tableCellsOfARowStayOnOneLine() {
        assertThat(HtmlText.of("<table><tr><td>Severity:</td><td>2</td></tr><tr><td>Product:</td><td>OXSE</td></tr></table>"))
                .isEqualTo("Severity: 2\nProduct: OXSE");
    }

    @Test
    void fragmentWithoutHtmlElementIsRead() {
        assertThat(HtmlText.of("Just text <b>with</b> bold")).isEqualTo("Just text with bold");
    }
}
