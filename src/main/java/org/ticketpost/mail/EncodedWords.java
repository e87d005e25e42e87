package org.ticketpost.mail;

import java.nio.charset.Charset;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * RFC 2047 encoded words ("=?GB2312?B?...?="), decoded with the charset a mail program
 * means by the label: text labelled GB2312 is written in GBK, ISO-8859-1 in windows-1252.
 * A word in a charset Java does not know is decoded with the fallback; a broken one stays
 * as it is, so that nothing of a header is lost.
 */
final class EncodedWords {

    private EncodedWords() {
    }

    static String decode(String text, Charset fallback) {
        return DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT, fallback, TextDecoding.supersets());
    }
}
