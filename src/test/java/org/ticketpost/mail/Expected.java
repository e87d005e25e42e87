package org.ticketpost.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a source's expected-result file says about one message; each part is empty
 * when the source says nothing about it.
 *
 * @param subject      the decoded subject
 * @param fromAddress  the sender's address, lower case
 * @param fromName     the sender's display name
 * @param body         the text a person reads, and how closely ours must match it
 * @param attachments  the attachments
 * @param attachmentTypes content types of the attachments that are not text/plain or text/html, sorted
 * @param sentAt       the Date field
 * @param ownText      the text left after stripping quoted replies and signature
 */
record Expected(Optional<String> subject, Optional<String> fromAddress, Optional<String> fromName,
                Optional<Body> body, Optional<Attachments> attachments, Optional<List<String>> attachmentTypes,
                Optional<Instant> sentAt,
                Optional<String> ownText) {

    static final Expected NOTHING = new Expected(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * @param text  the expected text
     * @param whole true when our text must be the same text, false when it must merely contain it
     */
    record Body(String text, boolean whole) {
    }

    /**
     * @param names        the names the mail gives its attachments
     * @param unnamed      how many attachments have no name in the mail (each source makes up its own)
     * @param inventsNames whether names also lists names the source made up for unnamed attachments
     *                     (then unnamed is 0, and only the names Ticketpost found in the mail must be among them)
     */
    record Attachments(List<String> names, int unnamed, boolean inventsNames) {
        Attachments {
            names = List.copyOf(names);
        }
    }

    Expected withSubject(String value) {
        return new Expected(Optional.ofNullable(value), fromAddress, fromName, body, attachments, attachmentTypes, sentAt,
                ownText);
    }

    Expected withFrom(String address, String name) {
        return new Expected(subject, Optional.ofNullable(address), Optional.ofNullable(name), body, attachments,
                attachmentTypes, sentAt, ownText);
    }

    Expected withBody(String text, boolean whole) {
        return new Expected(subject, fromAddress, fromName, Optional.ofNullable(text).map(t -> new Body(t, whole)),
                attachments, attachmentTypes, sentAt, ownText);
    }

    Expected withAttachments(List<String> names, int unnamed) {
        return new Expected(subject, fromAddress, fromName, body, Optional.of(new Attachments(names, unnamed, false)),
                attachmentTypes, sentAt, ownText);
    }

    /** Attachments of a source that makes up names for unnamed attachments and does not say which. */
    Expected withAttachmentsNamedBySource(List<String> names) {
        return new Expected(subject, fromAddress, fromName, body, Optional.of(new Attachments(names, 0, true)),
                attachmentTypes, sentAt, ownText);
    }

    Expected withAttachmentTypes(List<String> types) {
        return new Expected(subject, fromAddress, fromName, body, attachments,
                Optional.of(types.stream().sorted().toList()), sentAt, ownText);
    }

    Expected withSentAt(Instant value) {
        return new Expected(subject, fromAddress, fromName, body, attachments, attachmentTypes, Optional.ofNullable(value),
                ownText);
    }

    Expected withOwnText(String value) {
        return new Expected(subject, fromAddress, fromName, body, attachments, attachmentTypes, sentAt,
                Optional.ofNullable(value));
    }
}
