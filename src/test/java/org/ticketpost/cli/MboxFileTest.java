package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mail of an mbox file, as its sender wrote it. */
class MboxFileTest {

    @TempDir
    Path folder;

    @Test
    void splitsAtFromLinesAndGivesBackQuotedFromLines() throws Exception {
        Path mbox = write("""
                From jane@example.com Mon Nov 16 09:12:44 2026
                From: jane@example.com
                Subject: one

                >From the first line on, it fails.
                >>From a quoted reply.
                > From an ordinary quote, and >From inside a line.

                From bob@example.com Mon Nov 16 09:13:00 2026
                Return-Path: <bob@example.com>
                Subject: two

                From Russia with love (after an empty line, but no header field follows)

                From carol@example.com Mon Nov 16 09:14:00 2026
                Subject: three

                body
                """);

        List<String> mails = mails(mbox);

        assertThat(MboxFile.isMbox(mbox)).isTrue();
        assertThat(mails).containsExactly("""
                From: jane@example.com
                Subject: one

                From the first line on, it fails.
                >From a quoted reply.
                > From an ordinary quote, and >From inside a line.
                """, """
                Return-Path: <bob@example.com>
                Subject: two

                From Russia with love (after an empty line, but no header field follows)
                """, """
                Subject: three

                body
                """);
    }

    @Test
    void readsCrLfLinesAndAFromLineWithinAParagraphIsBody() throws Exception {
        Path mbox = write("From a@example.com Mon Nov 16 09:12:44 2026\r\nSubject: one\r\n\r\nline\r\nFrom here on\r\n"
                + "Subject: not a field, no empty line before\r\n\r\nFrom b@example.com Mon Nov 16 09:12:44 2026\r\n"
                + "Subject: two\r\n\r\n>From x\r\n");

        assertThat(mails(mbox)).containsExactly(
                "Subject: one\r\n\r\nline\r\nFrom here on\r\nSubject: not a field, no empty line before\r\n",
                "Subject: two\r\n\r\nFrom x\r\n");
    }

    @Test
    void aMailFileIsNoMbox() throws Exception {
        assertThat(MboxFile.isMbox(write("From: jane@example.com\nSubject: hi\n\nFrom me\n"))).isFalse();
        assertThat(MboxFile.isMbox(write("From the desk of Jane\nDear support,\n"))).isFalse();
    }

    @Test
    void aLargeMailIsReadWholeWithoutALineLimit() throws Exception {
        String line = "x".repeat(1_000_000);   // one line far longer than any buffer, with no line break
        Path mbox = write("From a@example.com Mon Nov 16 09:12:44 2026\nSubject: big\n\n" + line + "\n\n"
                + "From b@example.com Mon Nov 16 09:12:44 2026\nSubject: small\n\nok\n");

        assertThat(mails(mbox)).containsExactly("Subject: big\n\n" + line + "\n", "Subject: small\n\nok\n");
    }

    private List<String> mails(Path mbox) throws Exception {
        List<String> mails = new ArrayList<>();
        for (MboxFile.Span span : MboxFile.mails(mbox)) {
            try (InputStream in = MboxFile.open(mbox, span)) {
                mails.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return mails;
    }

    private Path write(String content) throws Exception {
        return Files.writeString(Files.createTempFile(folder, "mail", ".mbox"), content, StandardCharsets.UTF_8);
    }
}
