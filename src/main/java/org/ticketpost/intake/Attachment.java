package org.ticketpost.intake;

/**
 * A file that came with a mail.
 *
 * @param name        the file name the sender gave, or one made up from the content type
 * @param contentType its MIME type, lower case
 * @param size        decoded size in bytes
 * @param content     where it went, as the {@link AttachmentSink} stored it
 */
public record Attachment(String name, String contentType, long size, StoredContent content) {
}
