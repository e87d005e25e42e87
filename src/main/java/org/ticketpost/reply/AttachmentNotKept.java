package org.ticketpost.reply;

/**
 * A file that came with a request but was not kept, so that the confirmation can say which
 * one and why: the customer would otherwise believe the engineer has it.
 *
 * @param name  the file name as the customer sent it
 * @param size  its size in bytes
 * @param limit the largest file kept, in bytes (attachments.max-size)
 */
public record AttachmentNotKept(String name, long size, long limit) {
}
