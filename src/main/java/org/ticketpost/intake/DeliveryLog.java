package org.ticketpost.intake;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.ticketpost.ops.ServiceMetrics;
import org.ticketpost.ticket.StoreConflictException;
import org.ticketpost.ticket.TicketNumber;

/**
 * One line per mail handled, whichever door it came through: what it became, or why it was not
 * taken in, and how long it took. The line ends in key=value pairs, which are also attached to
 * the event for a structured log: messageId, sha256, outcome, ticket, ms, and for a mail not
 * taken in storeDown. A service's metrics count the mail by the same outcome, with its duration.
 */
final class DeliveryLog {

    private static final Logger LOG = LoggerFactory.getLogger(Reception.class);

    private final boolean failuresToldByCaller;
    private final ServiceMetrics metrics;

    /**
     * @param failuresToldByCaller whether the caller tells a person of each failure at once: then its line is INFO
     * @param metrics              counts each mail by the outcome its line names
     */
    DeliveryLog(boolean failuresToldByCaller, ServiceMetrics metrics) {
        this.failuresToldByCaller = failuresToldByCaller;
        this.metrics = metrics;
    }

    DeliveryLog failuresToldByCaller() {
        return new DeliveryLog(true, metrics);
    }

    DeliveryLog measuredBy(ServiceMetrics metrics) {
        return new DeliveryLog(failuresToldByCaller, metrics);
    }

    /**
     * @param mail    the mail as read, when it could be read
     * @param failure what made it fail, for a mail not taken in
     */
    void handled(Delivery delivery, Optional<InboundMail> mail, Duration took, Optional<Exception> failure) {
        Map<String, String> pairs = new LinkedHashMap<>();
        mail.ifPresent(read -> {
            pairs.put("messageId", read.messageId().orElse("-"));
            pairs.put("sha256", read.sha256());
        });
        String summary;
        Level level;
        if (delivery instanceof Delivery.Accepted accepted) {
            Outcome outcome = accepted.outcome();
            summary = "taken in: " + summary(outcome);
            level = Level.INFO;
            pairs.put("outcome", outcome.id());
            pairs.put("ticket", outcome.ticket().map(TicketNumber::digits).orElse("-"));
        } else if (delivery instanceof Delivery.NotAMail notAMail) {
            summary = "not a mail: " + notAMail.reason();
            level = failuresToldByCaller ? Level.INFO : Level.WARN;
            pairs.put("outcome", "not_a_mail");
        } else {
            Delivery.TryLater tryLater = (Delivery.TryLater) delivery;
            summary = "not taken in, try again later: " + tryLater.cause();
            boolean conflict = failure.filter(StoreConflictException.class::isInstance).isPresent();
            level = failuresToldByCaller ? Level.INFO : conflict ? Level.WARN : Level.ERROR;
            pairs.put("outcome", "try_again");
            pairs.put("storeDown", Boolean.toString(tryLater.storeDown()));
        }
        pairs.put("ms", Long.toString(took.toMillis()));
        metrics.delivered(pairs.get("outcome"), took);
        if (!LOG.isEnabledForLevel(level)) {
            return;
        }
        StringBuilder line = new StringBuilder(summary.replaceAll("[\r\n]+", " ")).append(';');
        LoggingEventBuilder event = LOG.atLevel(level);
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            line.append(' ').append(pair.getKey()).append('=').append(value(pair.getValue()));
            event = event.addKeyValue(pair.getKey(), pair.getValue());
        }
        failure.ifPresent(event::setCause);
        event.log(line.toString());
    }

    private static String summary(Outcome outcome) {
        if (outcome instanceof Outcome.Opened opened) {
            return "ticket " + opened.number() + " opened";
        }
        if (outcome instanceof Outcome.FollowedUp followedUp) {
            return "added to ticket " + followedUp.number();
        }
        if (outcome instanceof Outcome.Rejected rejected) {
            return "rejected, " + (rejected.answered() ? "answered" : "not answered");
        }
        if (outcome instanceof Outcome.Ignored ignored) {
            return "ignored, sent by a machine: " + ignored.reason();
        }
        return "duplicate, nothing new stored";
    }

    /** A value as it is, or in double quotes where a blank, a quote or an = would cut it short. */
    private static String value(String text) {
        return text.isEmpty() || text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '=')
                ? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"'
                : text;
    }
}
