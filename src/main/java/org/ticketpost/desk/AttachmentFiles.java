package org.ticketpost.desk;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The files that came with a ticket's mails, for an engineer to download. */
public final class AttachmentFiles {

    /** Where the content with a SHA-256 lies, when it was kept: the file store's answer. */
    @FunctionalInterface
    public interface Contents {
        Optional<Path> find(String sha256);
    }

    /** A file to hand out, under the name and type its mail gave it. */
    public record Download(String name, String contentType, long size, Path content) {
    }

    private final TicketQueries tickets;
    private final Contents contents;

    public AttachmentFiles(TicketQueries tickets, Contents contents) {
        this.tickets = tickets;
        this.contents = contents;
    }

    /**
     * A file of a ticket, by where {@link TicketDetails} lists it: the mail's place among the
     * ticket's mails and the file's among the mail's, both from 0.
     *
     * @return none when the ticket has no such file, or its content was not kept (over the size limit)
     * @throws Refused for a mistyped number or a ticket that does not exist
     */
    public Optional<Download> find(String number, int mail, int file) throws Refused {
        TicketDetails ticket = tickets.show(number);
        if (mail < 0 || mail >= ticket.messages().size()) {
            return Optional.empty();
        }
        List<AttachmentView> files = ticket.messages().get(mail).attachments();
        if (file < 0 || file >= files.size()) {
            return Optional.empty();
        }
        AttachmentView attachment = files.get(file);
        return attachment.sha256().filter(sha256 -> attachment.stored()).flatMap(contents::find)
                .map(path -> new Download(attachment.name(), attachment.contentType(), attachment.size(), path));
    }
}
