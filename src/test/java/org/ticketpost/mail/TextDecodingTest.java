package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    @Test
    void asciiIsReadAsItIsWhateverTheLabel() {
        byte[] ascii = "plain text".getBytes(StandardCharsets.US_ASCII);

        assertThat(TextDecoding.decode(ascii, ascii.length, "x-no-such-charset")).isEqualTo("plain text");
    }

    @Test
    void iso2022JpIsDecodedThoughItsBytesAreAscii() {
        byte[] jis = "カテゴリ：全メンバー".getBytes(Charset.forName("ISO-2022-JP"));

        assertThat(TextDecoding.decode(jis, jis.length, "iso-2022-jp")).isEqualTo("カテゴリ：全メンバー");
    }

    @Test
    void iso2022JpWithTheCircledDigitsWindowsWritesIsDecoded() {
        byte[] jis = "報告書①.txt".getBytes(Charset.forName("x-windows-iso2022jp"));

        assertThat(TextDecoding.decode(jis, jis.length, "ISO-2022-JP")).isEqualTo("報告書①.txt");
    }

    @Test
    void utf8TextLabelledWithASevenBitCharsetIsReadAsUtf8() {
        byte[] utf8 = "送信先のメールボックスが一杯".getBytes(StandardCharsets.UTF_8);

        assertThat(TextDecoding.decode(utf8, utf8.length, "ISO-2022-JP")).isEqualTo("送信先のメールボックスが一杯");
    }

    @Test
    void shiftJisTextLabelledIso2022JpIsReadAsShiftJis() {
        byte[] sjis = "ツール".getBytes(Charset.forName("windows-31j"));

        assertThat(TextDecoding.decode(sjis, sjis.length, "ISO-2022-JP")).isEqualTo("ツール");
    }

    @Test
    void declaredCharsetIsUsed() {
        byte[] cp1251 = "Здравствуйте".getBytes(Charset.forName("windows-1251"));

        assertThat(TextDecoding.decode(cp1251, cp1251.length, "windows-1251")).isEqualTo("Здравствуйте");
    }

    @Test
    void withoutLabelValidUtf8IsReadAsUtf8() {
        byte[] utf8 = "Grüße".getBytes(StandardCharsets.UTF_8);

        assertThat(TextDecoding.decode(utf8, utf8.length, null)).isEqualTo("Grüße");
    }

    @Test
    void withoutLabelOtherBytesAreReadAsWindows1252() {
        byte[] cp1252 = "Grüße – €".getBytes(Charset.forName("windows-1252"));

        assertThat(TextDecoding.decode(cp1252, cp1252.length, null)).isEqualTo("Grüße – €");
    }

    @Test
    void utf8WithAFewBrokenBytesStaysUtf8() {
        byte[] utf8 = "Grüße aus Köln".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, broken, 0, utf8.length);
        broken[utf8.length] = (byte) 0xFC;

        assertThat(TextDecoding.decode(broken, broken.length, "utf-8")).isEqualTo("Grüße aus Köln\uFFFD");
    }

    @Test
    void onlyTheGivenLengthIsRead() {
        byte[] bytes = "Grüße and more".getBytes(StandardCharsets.UTF_8);

        assertThat(TextDecoding.decode(bytes, 7, "utf-8")).isEqualTo("Grüße");
    }
}
