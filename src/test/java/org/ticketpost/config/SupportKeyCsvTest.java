package org.ticketpost.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ticketpost.ticket.KeyData;
import org.ticketpost.ticket.SenderRule;

class SupportKeyCsvTest {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{2,}(-[A-Z0-9]{2,}){1,7}");
    private static final List<String> PLANS = List.of("standard", "advanced", "premium");

    @Test
    void readsKeysWithQuotedNamesAndSeveralSenders() throws Exception {
        String csv = """
                key,customer,plan,allow,valid_until
                OXSK-1111-2222,"Example, Inc.",advanced,example.com;jane@partner.example,2027-12-31
                OXSK-3333-4444,Beispiel GmbH,premium,*.beispiel.de,
                """;

        SupportKeyCsv.Contents contents = SupportKeyCsv.read(new StringReader(csv), FORMAT, PLANS);

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.keys()).extracting(KeyData::customer).containsExactly("Example, Inc.", "Beispiel GmbH");
        assertThat(contents.keys().get(0).senders()).extracting(SenderRule::rule)
                .containsExactly("example.com", "jane@partner.example");
        assertThat(contents.keys().get(1).validUntil()).isEmpty();
    }

    @Test
    void namesTheLineOfEveryMistake() throws Exception {
        String csv = """
                key,customer,plan,allow
                OXSK-1111-2222,Example,advanced,example.com
                bad key,Example,advanced,example.com
                OXSK-3333-4444,Example,gold,example.com
                """;

        SupportKeyCsv.Contents contents = SupportKeyCsv.read(new StringReader(csv), FORMAT, PLANS);

        assertThat(contents.problems()).hasSize(2);
        assertThat(contents.problems().get(0)).startsWith("line 3: key 'bad key'");
        assertThat(contents.problems().get(1)).startsWith("line 4: plan 'gold'");
    }

    @Test
    void theSameKeyOnTwoLinesIsAMistakeNamingBoth() throws Exception {
        String csv = """
                key,customer,plan,allow
                OXSK-1111-2222,Example,advanced,example.com
                oxsk-1111-2222,Example Again,premium,example.org
                """;

        SupportKeyCsv.Contents contents = SupportKeyCsv.read(new StringReader(csv), FORMAT, PLANS);

        assertThat(contents.problems()).containsExactly("line 3: key OXSK-1111-2222 is already on line 2");
    }

    @Test
    void rowsCutShortOrSplitByAnUnquotedCommaAreNamedAllAtOnce() throws Exception {
        String csv = """
                key,customer,plan,allow,valid_until
                OXSK-1111-2222,Example
                OXSK-3333-4444,Example, Inc.,advanced,example.com,
                OXSK-5555-6666
                OXSK-7777-8888,Example,gold,example.com
                OXSK-9999-0000,Example,advanced,example.com,,,
                """;

        SupportKeyCsv.Contents contents = SupportKeyCsv.read(new StringReader(csv), FORMAT, PLANS);

        assertThat(contents.problems()).containsExactly(
                "line 2: only 2 of 5 values, no plan, allow",
                "line 3: 6 values where the header names 5 columns; a value that holds ',' must be in double quotes",
                "line 4: only 1 of 5 values, no customer, plan, allow",
                "line 5: plan 'gold' is not one of standard, advanced, premium");
        assertThat(contents.keys()).extracting(KeyData::key).containsExactly("OXSK-9999-0000");
    }

    @Test
    void readsWhatASpreadsheetSavesWithAByteOrderMarkAndCrlfLineEnds() throws Exception {
        String csv = "\uFEFFkey,customer,plan,allow,valid_until\r\n"
                + "OXSK-1111-2222,\"Example, Inc.\",advanced,example.com,2027-12-31\r\n"
                + "OXSK-3333-4444,Beispiel GmbH,gold,beispiel.de,\r\n";

        SupportKeyCsv.Contents contents = SupportKeyCsv.read(new StringReader(csv), FORMAT, PLANS);

        assertThat(contents.keys()).extracting(KeyData::key).containsExactly("OXSK-1111-2222");
        assertThat(contents.keys().get(0).customer()).isEqualTo("Example, Inc.");
        assertThat(contents.problems()).containsExactly("line 3: plan 'gold' is not one of standard, advanced, premium");
    }

    @Test
    void readsSemicolonsAsGermanExcelWritesThemWithHeadersInAnyCase() throws Exception {
        String csv = "\uFEFFKey;Customer;Plan;Allow;Valid_Until\r\n"
                + "OXSK-1111-2222;Beispiel GmbH, Berlin;premium;\"beispiel.de;jane@partner.example\";2027-12-31\r\n";

        SupportKeyCsv.Contents contents = SupportKeyCsv.read(new StringReader(csv), FORMAT, PLANS);

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.keys()).singleElement().satisfies(key -> {
            assertThat(key.customer()).isEqualTo("Beispiel GmbH, Berlin");
            assertThat(key.senders()).extracting(SenderRule::rule).containsExactly("beispiel.de", "jane@partner.example");
            assertThat(key.validUntil()).hasValue(java.time.LocalDate.parse("2027-12-31"));
        });
    }

    @Test
    void aFileInAnotherEncodingNamesItsFirstLineThatIsNotUtf8() throws Exception {
        byte[] ansi = ("key;customer;plan;allow\r\nOXSK-1111-2222;Example;premium;example.com\r\n"
                + "OXSK-3333-4444;Müller GmbH;premium;mueller.example\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        byte[] utf8 = "\uFEFFkey;customer;plan;allow\nOXSK-3333-4444;Müller GmbH;premium;mueller.example\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(SupportKeyCsv.read(ansi, FORMAT, PLANS).problems())
                .containsExactly("line 3: not UTF-8 text; save the file as CSV in UTF-8 (in Excel: \"CSV UTF-8\")");
        assertThat(SupportKeyCsv.read(utf8, FORMAT, PLANS).keys()).extracting(KeyData::customer).containsExactly("Müller GmbH");
    }

    @Test
    void aFileWithoutTheColumnsSaysWhichAreMissing() throws Exception {
        SupportKeyCsv.Contents contents = SupportKeyCsv.read(new StringReader("id,name\nA,B\n"), FORMAT, PLANS);

        assertThat(contents.problems()).singleElement().asString()
                .contains("key, customer, plan, allow").contains("expected: key,customer,plan,allow,valid_until");
    }
}
