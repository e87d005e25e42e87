package org.ticketpost.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Splits an mbox file into its messages, each starting with its "From " line. */
final class Mbox {

    /**
     * A "From " line separates messages only when a header field follows: a body line such as
     * "From Russia with love" does not. (Files delimited by Content-Length have no empty line
     * before it.)
     */
    private static final Pattern FIRST_FIELD = Pattern.compile(
            "(?i)(from|return-path|received|date|subject|to|message-id|delivered-to|mime-version|content-[a-z-]+|x-[a-z0-9-]+)[ \\t]*:.*");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Mbox() {
    }

    static List<byte[]> split(byte[] mbox) {
        List<Integer> starts = starts(mbox);
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : mbox.length;
            messages.add(Arrays.copyOfRange(mbox, starts.get(i), end));
        }
        return messages;
    }

    /** Where each message starts: the offset of its "From " line. */
    static List<Integer> starts(byte[] mbox) {
        int start = startsWith(mbox, 0, BOM) ? BOM.length : 0;
        List<Integer> starts = new ArrayList<>();
        for (int line = start; line < mbox.length; ) {
            int end = lineEnd(mbox, line);
            if (startsWith(mbox, line, "From ".getBytes(StandardCharsets.US_ASCII))
                    && end < mbox.length && FIRST_FIELD.matcher(text(mbox, end, lineEnd(mbox, end))).matches()) {
                starts.add(line);
            }
            line = end;
        }
        return starts;
    }

    /** The index after the line break of the line starting at {@code from}. */
    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }

    private static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).strip();
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (bytes.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
