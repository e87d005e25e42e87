package org.ticketpost.lmtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The envelope of the mail under way: MAIL, then RCPT for each recipient, each answered with one reply. */
final class Transaction {

    /** RFC 6531 3.5: an address in UTF-8 is refused in a mail whose MAIL did not say SMTPUTF8. */
    private static final String NEEDS_SMTPUTF8 = "553 5.6.7 an address in UTF-8 needs MAIL FROM:<address> SMTPUTF8";

    /** RFC 5321 4.5.3.1.8: at least 100 recipients are to be taken. */
    private static final int MOST_RECIPIENTS = 100;

    private final LmtpSettings settings;
    private boolean mailGiven;
    /** MAIL said SMTPUTF8 (RFC 6531): the addresses of this mail may be written in UTF-8. */
    private boolean utf8;
    private final List<String> recipients = new ArrayList<>();

    Transaction(LmtpSettings settings) {
        this.settings = settings;
    }

    String mail(String argument) {
        Optional<Envelope> envelope = Envelope.parse(argument, "FROM:");
        if (mailGiven) {
            return "503 5.5.1 a mail is under way: RSET first";
        }
        if (envelope.isEmpty()) {
            return "501 5.5.4 MAIL FROM:<address> [SIZE=bytes] [BODY=7BIT|8BITMIME] [SMTPUTF8]";
        }
        Optional<String> refusal = refusal(envelope.get().parameters());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        boolean utf8Asked = envelope.get().parameters().containsKey("SMTPUTF8");
        if (!utf8Asked && !isAscii(envelope.get().address())) {
            return NEEDS_SMTPUTF8;
        }
        utf8 = utf8Asked;
        mailGiven = true;
        return "250 2.1.0 sender OK";
    }

    String rcpt(String argument) {
        Optional<Envelope> envelope = Envelope.parse(argument, "TO:");
        if (!mailGiven) {
            return "503 5.5.1 MAIL first";
        }
        if (envelope.isEmpty()) {
            return "501 5.5.4 RCPT TO:<address>";
        }
        String address = envelope.get().address();
        if (!envelope.get().parameters().isEmpty()) {
            return "555 5.5.4 RCPT takes no parameters here";
        }
        if (address.isEmpty()) {
            return "501 5.1.3 no recipient address";
        }
        if (!utf8 && !isAscii(address)) {
            return NEEDS_SMTPUTF8;
        }
        if (recipients.size() == MOST_RECIPIENTS) {
            return "452 4.5.3 too many recipients: send the others in another mail";
        }
        if (!settings.accepts(address)) {
            return "550 5.1.1 <" + address + "> no such mailbox here";
        }
        recipients.add(address);
        return "250 2.1.5 recipient OK";
    }

    /** Why DATA cannot begin now, if it cannot. */
    Optional<String> dataRefusal(String argument) {
        if (!mailGiven) {
            return Optional.of("503 5.5.1 MAIL first");
        }
        if (recipients.isEmpty()) {
            return Optional.of("503 5.5.1 no valid recipients");   // RFC 2033 4.2
        }
        return argument.isEmpty() ? Optional.empty() : Optional.of("501 5.5.4 DATA takes no argument");
    }

    /** The recipients taken, in their order: each gets a reply of its own after the mail. */
    List<String> recipients() {
        return List.copyOf(recipients);
    }

    void reset() {
        mailGiven = false;
        utf8 = false;
        recipients.clear();
    }

    private static boolean isAscii(String address) {
        return address.chars().allMatch(c -> c < 0x80);
    }

    /**
     * What MAIL's parameters are refused for: SIZE over the limit (RFC 1870), BODY other than 7BIT or
     * 8BITMIME (RFC 6152), SMTPUTF8 with a value (RFC 6531).
     */
    private Optional<String> refusal(Map<String, String> parameters) {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "SIZE" -> {
                    if (!value.matches("\\d{1,18}")) {
                        return Optional.of("501 5.5.4 SIZE must be a number of bytes");
                    }
                    if (Long.parseLong(value) > settings.maxSize()) {
                        return Optional.of(DeliveryReply.tooLarge(settings.maxSize()).line());
                    }
                }
                case "BODY" -> {
                    if (!value.equalsIgnoreCase("7BIT") && !value.equalsIgnoreCase("8BITMIME")) {
                        return Optional.of("501 5.5.4 BODY must be 7BIT or 8BITMIME");
                    }
                }
                case "SMTPUTF8" -> {
                    if (!value.isEmpty()) {
                        return Optional.of("501 5.5.4 SMTPUTF8 takes no value");
                    }
                }
                default -> {
                    return Optional.of("555 5.5.4 parameter " + parameter.getKey() + " is not supported");
                }
            }
        }
        return Optional.empty();
    }
}
