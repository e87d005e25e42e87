package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf7Test {

    @Test
    void shiftedSequenceEndedByDashIsUtf16InBase64() {
        assertThat(decode("+ANw-bermittlung an folgende Empf+AOQ-nger fehlgeschlagen"))
                .isEqualTo("Übermittlung an folgende Empfänger fehlgeschlagen");
    }

    @Test
    void shiftedSequenceMayEndWithoutDash() {
        assertThat(decode("Hi Mom +Jjo.")).isEqualTo("Hi Mom ☺.");
    }

    @Test
    void plusDashIsAPlusSign() {
        assertThat(decode("1 +- 1 = 2")).isEqualTo("1 + 1 = 2");
    }

    @Test
    void charactersOutsideTheBasicPlaneArriveAsSurrogatePairs() {
        assertThat(decode("+2D3eAA-")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void asciiPassesUnchanged() {
        assertThat(decode("Delivery has failed to these recipients.")).isEqualTo("Delivery has failed to these recipients.");
    }

    @Test
    void labelsOfMailProgramsNameIt() {
        assertThat(CharsetLabels.charset("unicode-1-1-utf-7")).contains(Utf7.CHARSET);
        assertThat(CharsetLabels.charset("UTF-7")).contains(Utf7.CHARSET);
    }

    private static String decode(String utf7) {
        return new String(utf7.getBytes(StandardCharsets.US_ASCII), Utf7.CHARSET);
    }

    @Test
    void plusSignsEqualSignsAndCharactersBeyondLatin1InOneLine() {
        assertThat(decode("+ANw-bermittlung fehlgeschlagen: 1 +- 1 +AD0- 2 +IKw- (n+AOQ-heres im Anhang)"))
                .isEqualTo("Übermittlung fehlgeschlagen: 1 + 1 = 2 € (näheres im Anhang)");
    }
}
