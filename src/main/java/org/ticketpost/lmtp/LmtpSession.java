package org.ticketpost.lmtp;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketpost.intake.GroupCommit;

/**
 * One LMTP connection (RFC 2033), from the greeting to QUIT. A mail is read whole into a spool,
 * delivered once, and only then answered, once for each recipient: the mail server forgets a mail
 * only after it is committed. While the service stops, the mail in hand is finished and answered;
 * anything after it is told 421, to be delivered again later.
 */
final class LmtpSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LmtpSession.class);

    /** RFC 5321 4.5.3.1.4 sets 512 bytes, and allows more for extension parameters. */
    private static final int LONGEST_COMMAND = 1000;
    /** How often a waiting read looks at the clock and at whether the service stops. */
    static final Duration TICK = Duration.ofMillis(200);
    static final String SHUTTING_DOWN = "421 4.3.2 Ticketpost is shutting down, try again later";

    private final Socket socket;
    private final LmtpSettings settings;
    private final GroupCommit intake;
    private final BooleanSupplier stopping;
    private final String client;
    private OutputStream out;
    private LmtpInput in;
    private final Transaction transaction;
    private boolean greeted;

    /** @param stopping whether the service stops: no new mail is taken then */
    LmtpSession(Socket socket, LmtpSettings settings, GroupCommit intake, BooleanSupplier stopping) {
        this.socket = socket;
        this.settings = settings;
        this.intake = intake;
        this.stopping = stopping;
        this.transaction = new Transaction(settings);
        this.client = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    @Override
    public void run() {
        try (socket) {
            converse();
        } catch (IOException e) {
            LOG.debug("LMTP connection with {} failed: {}", client, e.toString());
        }
    }

    private void converse() throws IOException {
        socket.setSoTimeout((int) TICK.toMillis());
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream());
        in = new LmtpInput(socket.getInputStream(), out);
        try {
            reply("220 ticketpost LMTP ready");
            while (command(in.readLine(LONGEST_COMMAND, this::waitForCommand))) {
                // each command answered in turn
            }
            out.flush();
        } catch (Goodbye goodbye) {
            reply(goodbye.getMessage());
            out.flush();
        } catch (EOFException e) {
            LOG.debug("LMTP client {} closed the connection", client);
        }
    }

    /** @return whether to read another command */
    private boolean command(Optional<String> line) throws IOException {
        if (line.isEmpty()) {
            reply("500 5.5.2 line too long");
            return true;
        }
        String text = line.get();
        int space = text.indexOf(' ');
        String verb = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : text.substring(space + 1).strip();
        if (verb.equals("QUIT")) {
            reply("221 2.0.0 bye");
            return false;
        }
        if (stopping.getAsBoolean()) {
            throw new Goodbye(SHUTTING_DOWN);
        }
        switch (verb) {
            case "LHLO" -> lhlo(argument);
            case "MAIL" -> reply(greeted ? transaction.mail(argument) : "503 5.5.1 LHLO first");
            case "RCPT" -> reply(transaction.rcpt(argument));
            case "DATA" -> data(argument);
            case "RSET" -> {
                transaction.reset();
                reply("250 2.0.0 reset");
            }
            case "NOOP" -> reply("250 2.0.0 OK");
            case "VRFY" -> reply("252 2.5.0 cannot verify an address: send the mail");
            case "HELO", "EHLO" -> reply("500 5.5.1 this is an LMTP server: LHLO, not " + verb);
            default -> reply("500 5.5.2 unknown command");
        }
        return true;
    }

    private void lhlo(String argument) throws IOException {
        if (argument.isEmpty()) {
            reply("501 5.5.4 LHLO needs the client's name");
            return;
        }
        transaction.reset();
        greeted = true;
        reply("250-ticketpost", "250-PIPELINING", "250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250-SMTPUTF8",
                "250 SIZE " + settings.maxSize());
    }

    private void data(String argument) throws IOException {
        Optional<String> refusal = transaction.dataRefusal(argument);
        if (refusal.isPresent()) {
            reply(refusal.get());
            return;
        }
        reply("354 send the mail, ending with a line of a single dot");
        DeliveryReply answer = receive();
        for (String recipient : transaction.recipients()) {
            reply(answer.line(recipient));
        }
        transaction.reset();
    }

    /** Reads the mail whole, and only then delivers it, once. */
    private DeliveryReply receive() throws IOException {
        try (DataSpool spool = new DataSpool(settings.spool())) {
            long size;
            try {
                size = in.readData(spool.output(), settings.maxSize(), this::waitForData);
            } catch (IOException e) {
                LOG.warn("LMTP client {} broke off in the middle of a mail, nothing of it stored: {}", client, e.getMessage());
                throw e;
            }
            if (size > settings.maxSize()) {
                LOG.warn("LMTP client {} sent a mail of {} bytes, over lmtp.max-size ({} bytes): refused", client, size,
                        settings.maxSize());
                return DeliveryReply.tooLarge(settings.maxSize());
            }
            if (spool.failure().isPresent()) {
                LOG.error("a mail from LMTP client {} could not be spooled in {}: {}", client, settings.spool(),
                        spool.failure().get().toString());
                return DeliveryReply.notSpooled();
            }
            try {
                return DeliveryReply.of(intake.deliver(spool::open));
            } catch (IOException e) {   // the spool's file, written a moment ago, cannot be read back
                LOG.error("a mail from LMTP client {} could not be read back from {}: {}", client, settings.spool(), e.toString());
                return DeliveryReply.notSpooled();
            }
        }
    }

    private void waitForCommand(Duration sofar) throws Goodbye {
        if (stopping.getAsBoolean()) {
            throw new Goodbye(SHUTTING_DOWN);
        }
        if (sofar.compareTo(settings.timeout()) > 0) {
            throw new Goodbye("421 4.4.2 no command for " + settings.timeout() + ", closing the connection");
        }
    }

    private void waitForData(Duration sofar) throws Goodbye {
        if (sofar.compareTo(settings.timeout()) > 0) {
            throw new Goodbye("421 4.4.2 nothing of the mail for " + settings.timeout() + ", closing the connection");
        }
    }

    /**
     * Lines of one reply, written for the next flush; control characters an address may have brought
     * are blanked. An address in UTF-8 (SMTPUTF8) is repeated as it came.
     */
    private void reply(String... lines) throws IOException {
        for (String line : lines) {
            out.write((line.replaceAll("\\p{Cntrl}", " ") + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The connection ends with this reply. */
    private static final class Goodbye extends IOException {
        Goodbye(String reply) {
            super(reply);
        }
    }
}
