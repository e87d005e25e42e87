package org.ticketpost.intake;

import java.time.Duration;
import java.time.ZoneId;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.reply.ReplyComposer;
import org.ticketpost.ticket.TicketTag;

/**
 * What intake works with: how requests are read and checked, how answers are written,
 * and the limits an operator sets.
 *
 * @param ownAddress       Ticketpost's own address: mail from it is never answered
 * @param repliesPerSender at most this many automatic mails to one address per {@code replyWindow}
 * @param zone             the zone in which a support key's last day ends
 */
public record IntakeRules(
        SupportTemplate template,
        RequestCheck requests,
        KeyCheck keys,
        ReplyComposer replies,
        TicketTag tag,
        String ownAddress,
        int repliesPerSender,
        Duration replyWindow,
        ZoneId zone) {
}
