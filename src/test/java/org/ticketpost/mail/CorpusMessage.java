package org.ticketpost.mail;

import java.nio.file.Path;

/**
 * One message of the corpus.
 *
 * @param source the corpus folder it comes from, e.g. "zammad"
 * @param name   its path inside the corpus, with "#n" (1-based) for the n-th message of an mbox file
 * @param file   the file it was read from
 * @param index  its position in an mbox file (0-based), or -1 for a file holding one message
 * @param bytes  the message
 */
record CorpusMessage(String source, String name, Path file, int index, byte[] bytes) {

    boolean isFromMbox() {
        return index >= 0;
    }
}
