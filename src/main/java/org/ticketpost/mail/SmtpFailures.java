package org.ticketpost.mail;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.ticketpost.reply.Delivery;

/**
 * Which failures to send a mail pass, and which do not. Only the server's 5xx answer to this
 * recipient (RCPT TO) or to this mail's data is final. Everything else may pass and is retried:
 * no connection, a timeout, a 4xx, a broken TLS, and refusals of our login or our sender address,
 * which the operator mends and which would otherwise fail every mail in the outbox for good.
 */
final class SmtpFailures {

    private static final int LONGEST_CHAIN = 10;

    private SmtpFailures() {
    }

    static Delivery delivery(MessagingException e) {
        for (Throwable cause : chain(e)) {
            if (cause instanceof SMTPAddressFailedException recipient) {
                return byCode(recipient.getReturnCode(), recipient.getCommand() + " answered " + firstLine(recipient));
            }
            if (cause instanceof SMTPSendFailedException send && !isMailFrom(send.getCommand())) {
                return byCode(send.getReturnCode(), send.getCommand() + " answered " + firstLine(send));
            }
        }
        return new Delivery.Deferred(reason(e));
    }

    private static Delivery byCode(int code, String reason) {
        return code >= 500 && code < 600 ? new Delivery.Refused(reason) : new Delivery.Deferred(reason);
    }

    private static boolean isMailFrom(String command) {
        return command != null && command.toUpperCase(Locale.ROOT).startsWith("MAIL");
    }

    /** The messages of the exception and its causes, each once: "Couldn't connect to host …: Connection refused". */
    static String reason(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause : chain(e)) {
            String message = firstLine(cause);
            if (!message.isEmpty() && messages.stream().noneMatch(known -> known.contains(message))) {
                messages.add(message);
            }
        }
        return messages.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", messages);
    }

    private static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = e; cause != null && chain.size() < LONGEST_CHAIN && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        return message.lines().findFirst().orElse("").strip();
    }
}
