package org.ticketpost.intake;

import java.util.Optional;

/**
 * What became of a piece of content handed to an {@link AttachmentSink}.
 *
 * @param size   bytes read
 * @param sha256 hex digest of the content, when the sink computed one
 * @param kept   whether the content was stored; false when only counted or over the size limit
 */
public record StoredContent(long size, Optional<String> sha256, boolean kept) {

    public static StoredContent counted(long size) {
        return new StoredContent(size, Optional.empty(), false);
    }
}
