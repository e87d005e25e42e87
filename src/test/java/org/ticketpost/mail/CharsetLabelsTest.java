package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetLabelsTest {

    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource({
            "UTF-8, UTF-8",
            "utf8, UTF-8",
            "'\"utf-8\"', UTF-8",
            "iso-8859-1, windows-1252",
            "us-ascii, windows-1252",
            "gb2312, GB18030",
            "ks_c_5601-1987, x-windows-949",
            "shift_jis, windows-31j",
            "iso-8859-8-i, ISO-8859-8",
            "windows-1258, windows-1258",
            "koi8-r, KOI8-R",
            "iso-2022-jp, x-windows-iso2022jp",
            "x-mac-cyrillic, x-MacCyrillic",
            "iso-gb2312, GB18030"})
    void charsetLabelNamesTheCharsetMailProgramsUse(String label, String charset) {
        assertThat(CharsetLabels.charset(label)).contains(Charset.forName(charset));
    }

    @Test
    void unknownCharsetLabelNamesNoCharset() {
        assertThat(CharsetLabels.charset("fakescii")).isEmpty();
        assertThat(CharsetLabels.charset("utf-8\\")).isEmpty();
        assertThat(CharsetLabels.charset("")).isEmpty();
        assertThat(CharsetLabels.charset(null)).isEmpty();
    }

    @Test
    void labelledCharsetsAreMappedToTheSupersetsForDecodersThatLookLabelsUpThemselves() {
        assertThat(CharsetLabels.supersets())
                .containsEntry(Charset.forName("GB2312"), Charset.forName("GB18030"))
                .containsEntry(StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));
    }

    @ParameterizedTest(name = "8-bit bytes in a mail written in {0} are read as {1}")
    @CsvSource({"ISO-2022-JP, windows-31j", "ISO-2022-KR, x-windows-949", "UTF-8, UTF-8", "windows-1252, windows-1252"})
    void rawBytesAreReadInAnEightBitCharset(String text, String raw) {
        assertThat(CharsetLabels.forRawBytes(Charset.forName(text))).isEqualTo(Charset.forName(raw));
    }
}
