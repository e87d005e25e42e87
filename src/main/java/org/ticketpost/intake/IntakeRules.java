package org.ticketpost.intake;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.ticketpost.form.FieldSpec;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.reply.ReplyComposer;
import org.ticketpost.reply.ReturnPath;
import org.ticketpost.ticket.FieldColumn;
import org.ticketpost.ticket.ServiceLevels;
import org.ticketpost.ticket.TicketTag;

/**
 * What intake works with: how requests are read and checked, how answers are written,
 * and the limits an operator sets.
 *
 * @param template         must have a field for each of a ticket's columns ({@link FieldColumn})
 * @param ownAddress       Ticketpost's own address: mail from it is never answered
 * @param returnPath       where bounces of Ticketpost's mails come back: an address of one mail's own names it
 * @param repliesPerSender at most this many automatic mails to one address, its +tag left out, per {@code replyWindow}
 * @param repliesPerDomain at most this many automatic mails to the addresses of one domain per {@code replyWindow}
 * @param zone             the zone in which a support key's last day ends, and in which a confirmation names its
 *                         first-response time where the plan's calendar has no zone (24x7)
 * @param serviceLevels    the SLA plans' targets, which a new ticket's clocks count against
 */
public record IntakeRules(
        SupportTemplate template,
        RequestCheck requests,
        KeyCheck keys,
        ReplyComposer replies,
        TicketTag tag,
        String ownAddress,
        ReturnPath returnPath,
        int repliesPerSender,
        int repliesPerDomain,
        Duration replyWindow,
        ZoneId zone,
        ServiceLevels serviceLevels) {

    /** @throws IllegalArgumentException naming the fields a ticket keeps in columns that the template lacks */
    public IntakeRules {
        List<FieldColumn> missing = FieldColumn.missingFrom(template.fields().stream().map(FieldSpec::name).toList());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the support template has no field named "
                    + missing.stream().map(FieldColumn::field).collect(Collectors.joining(", "))
                    + ": a ticket keeps these in columns of their own, so a field may change its label and aliases but"
                    + " not its name");
        }
    }
}
