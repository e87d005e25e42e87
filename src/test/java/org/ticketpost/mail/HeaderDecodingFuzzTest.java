package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ticketpost.intake.Attachment;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.InboundMail;
import org.ticketpost.intake.UnreadableMailException;

/**
 * Every header a mail can garble, filled with generated encoded words (every charset label
 * the decoder knows and unknown ones, broken base64 and quoted-printable, words cut short,
 * control characters) and RFC 2231 parameters: the mail is read, or refused with a reason,
 * and never fails in a way that would make a mail server deliver it again and again.
 */
class HeaderDecodingFuzzTest {

    /** Labels with a meaning of their own in {@link CharsetLabels} and {@link EncodedWords}, Java's, and nonsense. */
    private static final List<String> CHARSETS = List.of(
            "utf-7", "UTF-7", "unicode-1-1-utf-7", "x-unicode-2-0-utf-7", "utf-7*en",
            "iso-8859-1", "latin1", "us-ascii", "ascii", "iso-8859-9", "gb2312", "gbk", "x-gbk", "ks_c_5601-1987",
            "euc-kr", "iso-8859-8-i", "iso-gb2312", "iso-2022-jp", "x-mac-cyrillic", "shift_jis", "x-sjis", "utf8",
            "UTF-8", "utf-8*de", "utf-16", "utf-16le", "utf-32", "iso-2022-kr", "iso-2022-cn", "hz-gb-2312",
            "windows-1252", "koi8-r", "big5", "x-user-defined", "unknown-8bit", "x-unknown", "", "*", "\"utf-8\"",
            "utf-8'", "ünïcode", "=?", "%", "a".repeat(300));

    private static final String WORD_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_?%*'\"<>@,;:\\()[]. -";
    private static final String CONTROL = "\0\u0001\u0007\t\r\n\u000b\u000c\u001b\u007f\u0085\u2028";

    @Property(tries = 1000)
    void everyHeaderIsReadOrTheMailIsRefusedWithAReason(@ForAll("mails") byte[] message) throws Exception {
        try {
            InboundMail mail = new MimeDecoder().parse(new ByteArrayInputStream(message), AttachmentSink.COUNTING);

            assertThat(mail.subject()).doesNotContain("\r", "\n");
            assertThat(mail.attachments()).extracting(Attachment::name).allSatisfy(name ->
                    assertThat(name).isNotBlank().doesNotContain("/", "\\", "\r", "\n", "\0"));
        } catch (UnreadableMailException e) {
            // a reason of its own, not the last resort that turns an unforeseen failure into a refusal
            assertThat(e.getMessage()).doesNotStartWith(MimeDecoder.UNFORESEEN);
        }
    }

    @Provide
    Arbitrary<byte[]> mails() {
        Arbitrary<String> value = headerValue();
        Arbitrary<List<String>> values = value.list().ofSize(12);
        Arbitrary<Charset> raw = Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1);
        return Combinators.combine(values, parameters(), parameters(), Arbitraries.of(CHARSETS), body(), raw)
                .as((v, disposition, contentType, charset, body, bytes) -> ("""
                        From: %s
                        To: %s
                        Cc: %s
                        Reply-To: %s
                        Subject: %s
                        Message-ID: %s
                        In-Reply-To: %s
                        References: %s
                        MIME-Version: 1.0
                        Content-Type: multipart/mixed; boundary="fuzz"; charset=%s

                        --fuzz
                        Content-Type: text/plain; charset=%s; format=flowed
                        Content-Transfer-Encoding: %s

                        %s
                        --fuzz
                        Content-Type: application/octet-stream; name=%s;%s
                        Content-Disposition: attachment;%s

                        content
                        --fuzz
                        Content-Type: message/rfc822

                        Subject: %s

                        attached
                        --fuzz--
                        """).formatted(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7),
                        charset, v.get(8), body.get(0), body.get(1), v.get(9), contentType, disposition, v.get(10))
                        .getBytes(bytes));
    }

    /** A header value: encoded words, whole or cut short, between plain text, control characters and folds. */
    private Arbitrary<String> headerValue() {
        Arbitrary<String> piece = Arbitraries.oneOf(encodedWord(), encodedWord().map(HeaderDecodingFuzzTest::cutShort),
                plain(), Arbitraries.strings().withChars(CONTROL).ofMaxLength(3),
                Arbitraries.of("<id@example.com>", "\"Doe, Jane\" <jane@example.com>", "jane@example.com", "\r\n ", "\r\n\t"));
        return piece.list().ofMinSize(0).ofMaxSize(6).map(pieces -> String.join(" ", pieces));
    }

    private Arbitrary<String> encodedWord() {
        Arbitrary<String> encoding = Arbitraries.of("B", "b", "Q", "q", "X", "");
        Arbitrary<String> text = Arbitraries.strings().withChars(WORD_CHARACTERS + CONTROL + "äß€\u00ff").ofMaxLength(30);
        return Combinators.combine(Arbitraries.of(CHARSETS), encoding, Arbitraries.oneOf(text, base64(), quoted()))
                .as((charset, code, payload) -> "=?" + charset + "?" + code + "?" + payload + "?=");
    }

    /** Base64 of any length, so that the last unit is whole, short or a single character. */
    private Arbitrary<String> base64() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
                .ofMaxLength(25);
    }

    /** Quoted-printable with broken escapes: "=", "=4", "=G1", "=\u00c4". */
    private Arbitrary<String> quoted() {
        return Arbitraries.oneOf(Arbitraries.of("=", "=4", "=G1", "=C3=", "=C3=A4", "_", "=00", "=0D=0A", "=\u00c4"),
                        Arbitraries.strings().alpha().ofMaxLength(4))
                .list().ofMaxSize(6).map(pieces -> String.join("", pieces));
    }

    private Arbitrary<String> plain() {
        return Arbitraries.strings().withChars(WORD_CHARACTERS + "äöüß€日本").ofMaxLength(20);
    }

    private static String cutShort(String word) {
        return word.substring(0, word.length() * 2 / 3);
    }

    /** Parameters of Content-Type and Content-Disposition: plain, quoted, encoded words and RFC 2231 forms. */
    private Arbitrary<String> parameters() {
        Arbitrary<String> percent = Arbitraries.strings().withChars("%0123456789ABCDEFabcdefgz.'\"\u00e4").ofMaxLength(20);
        Arbitrary<String> parameter = Arbitraries.oneOf(
                headerValue().map(value -> " filename=\"" + value + "\""),
                headerValue().map(value -> " filename=" + value),
                Combinators.combine(Arbitraries.of(CHARSETS), percent).as((charset, text) -> " filename*=" + charset + "'en'" + text),
                percent.map(text -> " filename*=" + text),
                Combinators.combine(Arbitraries.of(CHARSETS), percent, percent, Arbitraries.integers().between(0, 1200))
                        .as((charset, first, second, number) -> " filename*0*=" + charset + "''" + first
                                + "; filename*" + number + "=" + second + "; filename*999999*=" + second),
                headerValue().map(value -> " charset=" + value));
        return parameter.list().ofMaxSize(3).map(list -> String.join(";", list));
    }

    /** A transfer encoding and a body it may not fit. */
    private Arbitrary<List<String>> body() {
        return Combinators.combine(Arbitraries.of("base64", "quoted-printable", "8bit", "x-uuencode", "base64;", ""),
                        Arbitraries.oneOf(base64(), quoted(), plain()))
                .as(List::of);
    }
}
