package org.ticketpost.intake;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What became of a piece of content handed to an {@link AttachmentSink}.
 *
 * @param size      bytes read
 * @param sha256    hex digest of the content, when the sink computed one
 * @param kept      whether the content was stored; false when only counted or over the size limit
 * @param overLimit the size limit the content exceeded, when that is why it was not kept
 */
public record StoredContent(long size, Optional<String> sha256, boolean kept, OptionalLong overLimit) {

    public static StoredContent counted(long size) {
        return new StoredContent(size, Optional.empty(), false, OptionalLong.empty());
    }

    public static StoredContent kept(long size, String sha256) {
        return new StoredContent(size, Optional.of(sha256), true, OptionalLong.empty());
    }

    /** Counted, not kept: larger than the limit an operator set for one file. */
    public static StoredContent tooLarge(long size, long limit) {
        return new StoredContent(size, Optional.empty(), false, OptionalLong.of(limit));
    }
}
