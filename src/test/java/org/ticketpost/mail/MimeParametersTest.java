package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MimeParametersTest {

    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;

    @Test
    void valueBeforeTheParametersIsInLowerCase() {
        assertThat(parse(" Attachment; filename=a.txt").value()).isEqualTo("attachment");
    }

    @Test
    void quotedValueKeepsItsEscapedQuoteAndSemicolon() {
        assertThat(parse("attachment; filename=\"say \\\"hi\\\"; now.txt\"").get("filename", LATIN1))
                .contains("say \"hi\"; now.txt");
    }

    @Test
    void backslashOfAWindowsPathWrittenUnescapedIsKept() {
        assertThat(parse("attachment; filename=\"C:\\Users\\jane\\server.log\"").get("filename", LATIN1))
                .contains("C:\\Users\\jane\\server.log");
    }

    @Test
    void unquotedValueWithSpacesIsReadToTheSemicolon() {
        assertThat(parse("attachment; filename=my report.pdf ; size=3").get("filename", LATIN1)).contains("my report.pdf");
    }

    @Test
    void parameterNamesAreCaseInsensitive() {
        assertThat(parse("text/plain; CharSet=UTF-8").get("charset", LATIN1)).contains("UTF-8");
    }

    @Test
    void valueWithTwoApostrophesIsNoRfc2231Value() {
        assertThat(parse("attachment; filename=\"Bob's and Alice's notes.txt\"").get("filename", LATIN1))
                .contains("Bob's and Alice's notes.txt");
    }

    @Test
    void extendedValueIsPercentDecodedInItsCharset() {
        assertThat(parse("attachment; filename*=iso-8859-1'de'Pr%FCfbericht%20M%E4rz.pdf").get("filename", LATIN1))
                .contains("Prüfbericht März.pdf");
    }

    @Test
    void continuationsAreJoinedInTheOrderOfTheirNumbers() {
        MimeParameters parameters = parse("attachment; filename*1=\"bericht \"; filename*0*=UTF-8''Pr%C3%BCf; filename*2*=M%C3%A4rz.pdf");

        assertThat(parameters.get("filename", LATIN1)).contains("Prüfbericht März.pdf");
    }

    @Test
    void extendedValueWinsOverThePlainOne() {
        assertThat(parse("attachment; filename=\"Prufbericht.pdf\"; filename*=UTF-8''Pr%C3%BCfbericht.pdf").get("filename", LATIN1))
                .contains("Prüfbericht.pdf");
    }

    @Test
    void encodedWordInAPlainValueIsDecoded() {
        assertThat(parse("attachment; filename=\"=?UTF-8?Q?Pr=C3=BCfbericht.pdf?=\"").get("filename", LATIN1))
                .contains("Prüfbericht.pdf");
    }

    @Test
    void raw8BitValueThatIsUtf8IsReadAsUtf8() {
        byte[] field = "attachment; filename=\"Prüfbericht.pdf\"".getBytes(StandardCharsets.UTF_8);

        assertThat(MimeParameters.parse(field).get("filename", LATIN1)).contains("Prüfbericht.pdf");
    }

    @Test
    void raw8BitValueThatIsNotUtf8IsReadInTheGivenCharset() {
        Charset gbk = Charset.forName("GB18030");
        byte[] field = "attachment; filename=\"绩效管理.xls\"".getBytes(gbk);

        assertThat(MimeParameters.parse(field).get("filename", gbk)).contains("绩效管理.xls");
    }

    @Test
    void rawUtf8NameCutInTheMiddleOfACharacterIsStillReadAsUtf8() {
        byte[] name = "attachment; filename=\"Картинка с очень".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(name, name.length - 1);

        assertThat(MimeParameters.parse(cut).get("filename", TextDecoding.FALLBACK)).contains("Картинка с очен\uFFFD");
    }

    @Test
    void foldedFieldIsUnfolded() {
        assertThat(parse("attachment;\r\n filename=\"a\r\n b.txt\"").get("filename", LATIN1)).contains("a b.txt");
    }

    @Test
    void missingClosingQuoteEndsTheValueAtTheEnd() {
        assertThat(parse("attachment; filename=\"cut.txt").get("filename", LATIN1)).contains("cut.txt");
    }

    @Test
    void parameterWithoutValueIsSkipped() {
        MimeParameters parameters = parse("attachment; broken; filename=a.txt");

        assertThat(parameters.get("broken", LATIN1)).isEmpty();
        assertThat(parameters.get("filename", LATIN1)).contains("a.txt");
    }

    @Test
    void missingParameterIsEmpty() {
        assertThat(parse("inline").get("filename", LATIN1)).isEmpty();
        assertThat(parse("").value()).isEmpty();
    }

    private static MimeParameters parse(String fieldValue) {
        return MimeParameters.parse(fieldValue.getBytes(StandardCharsets.ISO_8859_1));
    }
}
