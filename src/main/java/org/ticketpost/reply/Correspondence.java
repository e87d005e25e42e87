package org.ticketpost.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mail being answered, as far as the answer needs it.
 *
 * @param recipient     where the answer goes (the Reply-To, else the From address)
 * @param recipientName the sender's display name, possibly empty
 * @param subject       the subject of the mail being answered
 * @param messageId     its Message-ID, if it had one
 * @param references    its References, oldest first
 */
public record Correspondence(String recipient, String recipientName, String subject, Optional<String> messageId,
        List<String> references, String language) {

    public Correspondence {
        references = List.copyOf(references);
    }

    /** References of the answer: the thread so far and the mail answered (RFC 5322 §3.6.4), the newest kept. */
    List<String> answerReferences() {
        List<String> thread = new ArrayList<>(references);
        messageId.ifPresent(thread::add);
        return thread.size() <= 20 ? thread : thread.subList(thread.size() - 20, thread.size());
    }
}
