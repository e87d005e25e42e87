package org.ticketpost.lmtp;

import org.ticketpost.intake.Delivery;
import org.ticketpost.intake.Outcome;

/**
 * What an LMTP client is told for each recipient of a mail (RFC 2033 4.2): 250 only for a mail
 * committed, whatever became of it; 4xx where the mail server should try again later; 5xx where
 * trying again would fail the same way, so that it bounces the mail.
 *
 * @param status the reply code and the enhanced status code (RFC 3463)
 */
record DeliveryReply(String status, String text) {

    private static final int LONGEST_TEXT = 300;

    static DeliveryReply of(Delivery delivery) {
        if (delivery instanceof Delivery.Accepted accepted) {
            return new DeliveryReply("250 2.0.0", "taken in: " + outcome(accepted.outcome()));
        }
        if (delivery instanceof Delivery.NotAMail notAMail) {
            return new DeliveryReply("550 5.6.0", "not a mail: " + notAMail.reason());
        }
        Delivery.TryLater tryLater = (Delivery.TryLater) delivery;
        return new DeliveryReply("451 4.3.0", "not taken in, try again later"
                + (tryLater.storeDown() ? ": the database or the disk is unavailable" : ""));
    }

    static DeliveryReply tooLarge(long maxSize) {
        return new DeliveryReply("552 5.3.4", "the mail is larger than " + maxSize + " bytes, the most taken here");
    }

    static DeliveryReply notSpooled() {
        return new DeliveryReply("451 4.3.0", "not taken in, try again later: the mail could not be kept while it came in");
    }

    /** The reply line, for a command rather than a recipient. */
    String line() {
        return status + " " + text;
    }

    /** The reply line for one recipient; a long reason is cut. */
    String line(String recipient) {
        String shown = text.length() > LONGEST_TEXT ? text.substring(0, LONGEST_TEXT) + "..." : text;
        return status + " <" + recipient + "> " + shown;
    }

    private static String outcome(Outcome outcome) {
        if (outcome instanceof Outcome.Opened opened) {
            return "ticket " + opened.number() + " opened";
        }
        if (outcome instanceof Outcome.FollowedUp followedUp) {
            return "added to ticket " + followedUp.number();
        }
        if (outcome instanceof Outcome.Rejected) {
            return "rejected, no ticket";
        }
        if (outcome instanceof Outcome.Ignored) {
            return "sent by a machine, recorded and not answered";
        }
        return "a duplicate, nothing new stored";
    }
}
