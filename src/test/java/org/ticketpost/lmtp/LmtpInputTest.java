package org.ticketpost.lmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LmtpInputTest {

    private static final LmtpInput.Patience FOREVER = sofar -> { };

    private final AtomicInteger flushes = new AtomicInteger();

    private LmtpInput input(String text) {
        return input(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private LmtpInput input(InputStream in) {
        return new LmtpInput(in, flushes::incrementAndGet);
    }

    /** Every read gives one byte: each state of the reading meets the end of what has come so far. */
    private static InputStream byteByByte(String text) {
        return new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1))) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
    }

    private static String data(LmtpInput input, long maxSize) throws IOException {
        ByteArrayOutputStream mail = new ByteArrayOutputStream();
        input.readData(mail, maxSize, FOREVER);
        return mail.toString(StandardCharsets.ISO_8859_1);
    }

    private static final String STUFFED = "Subject: dots\r\n\r\n..profile\r\n.\r.\r\n...\r\nline\n.\nend\r\n.\r\nQUIT\r\n";
    private static final String MAIL = "Subject: dots\r\n\r\n.profile\r\n\r.\r\n..\r\nline\n.\nend\r\n";

    @Test
    void aDotStartingALineIsDroppedAndALineOfOneDotEndsTheMail() throws IOException {
        LmtpInput input = input(STUFFED);

        assertThat(data(input, 1000)).isEqualTo(MAIL);
        assertThat(input.readLine(100, FOREVER)).contains("QUIT");
    }

    @Test
    void theMailIsReadAlikeWhateverPiecesItComesIn() throws IOException {
        LmtpInput input = input(byteByByte(STUFFED));

        assertThat(data(input, 1000)).isEqualTo(MAIL);
        assertThat(input.readLine(100, FOREVER)).contains("QUIT");
    }

    @ParameterizedTest
    @ValueSource(strings = {".\r\n", ".\r\nNOOP\r\n"})
    void aMailMayBeEmpty(String sent) throws IOException {
        assertThat(data(input(sent), 1000)).isEmpty();
    }

    @Test
    void aMailOverTheLimitIsReadToItsEndAndCountedNotKept() throws IOException {
        String mail = "x".repeat(500) + "\r\n";
        LmtpInput input = input(mail + ".\r\nRSET\r\n");
        ByteArrayOutputStream kept = new ByteArrayOutputStream();

        long size = input.readData(kept, 100, FOREVER);

        assertThat(size).isEqualTo(mail.length());
        assertThat(kept.size()).isZero();
        assertThat(input.readLine(100, FOREVER)).contains("RSET");
    }

    @Test
    void aConnectionThatEndsBeforeTheMailDoesIsAnEndOfFile() {
        assertThatThrownBy(() -> data(input("Subject: cut\r\n\r\nhalf a li"), 1000)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> data(input("Subject: cut\r\n.\r"), 1000)).isInstanceOf(EOFException.class);
    }

    @Test
    void aLineEndsWithCrlfOrABareLfAndALineTooLongIsSkipped() throws IOException {
        LmtpInput input = input("NOOP\r\nRSET\n" + "x".repeat(101) + "\r\nQUIT\r\n");

        assertThat(input.readLine(100, FOREVER)).contains("NOOP");
        assertThat(input.readLine(100, FOREVER)).contains("RSET");
        assertThat(input.readLine(100, FOREVER)).isEmpty();
        assertThat(input.readLine(100, FOREVER)).contains("QUIT");
        assertThatThrownBy(() -> input.readLine(100, FOREVER)).isInstanceOf(EOFException.class);
    }

    @Test
    void repliesAreFlushedOnlyWhenNoMoreCommandsHaveCome() throws IOException {
        LmtpInput input = input("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n");

        input.readLine(100, FOREVER);
        input.readLine(100, FOREVER);
        input.readLine(100, FOREVER);
        assertThat(flushes).hasValue(1);   // before the first read; the pipelined commands were there already
        assertThatThrownBy(() -> input.readLine(100, FOREVER)).isInstanceOf(EOFException.class);
        assertThat(flushes).hasValue(2);
    }

    @Test
    void aReadThatWaitsAsksThePatienceEachTickUntilItGivesUp() {
        InputStream silent = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new SocketTimeoutException("tick");
            }
        };
        List<Duration> asked = new ArrayList<>();

        assertThatThrownBy(() -> input(silent).readLine(100, sofar -> {
            asked.add(sofar);
            if (asked.size() == 3) {
                throw new IOException("given up");
            }
        })).hasMessage("given up");
        assertThat(asked.get(0)).isZero();
        assertThat(asked).hasSize(3);
    }
}
