package org.ticketpost.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ticketpost.ops.ServiceMetrics;
import org.ticketpost.ticket.SharedTransaction;
import org.ticketpost.ticket.StoreConflictException;
import org.ticketpost.ticket.StoreException;

/**
 * Receives one mail as it comes from a mail server or an MTA pipe: its bytes are kept as they
 * came, it is read, and intake decides on it. Every door delivers through here, and each mail
 * gets one line in the log.
 */
public final class Reception {

    private final MailParser parser;
    private final ContentStore files;
    private final Intake intake;
    private final DeliveryLog log;
    private final Runnable afterCommit;

    public Reception(MailParser parser, ContentStore files, Intake intake) {
        this(parser, files, intake, new DeliveryLog(false, ServiceMetrics.NONE), () -> { });
    }

    private Reception(MailParser parser, ContentStore files, Intake intake, DeliveryLog log, Runnable afterCommit) {
        this.parser = parser;
        this.files = files;
        this.intake = intake;
        this.log = log;
        this.afterCommit = afterCommit;
    }

    /**
     * The same reception for a door that tells a person of each mail not taken in, at once, as the
     * command line does on stderr. Its log lines of such mails are INFO, not WARN or ERROR, so that
     * the person does not read each failure twice; the log still has a line for every mail.
     */
    public Reception failuresToldByCaller() {
        return new Reception(parser, files, intake, log.failuresToldByCaller(), afterCommit);
    }

    /** The same reception, counting each mail it handles, by outcome, and how long it took: for a service's metrics. */
    public Reception measuredBy(ServiceMetrics metrics) {
        return new Reception(parser, files, intake, log.measuredBy(metrics), afterCommit);
    }

    /**
     * The same reception, telling the given task after each mail whose outcome it committed: the
     * outbox sender, so that a reply it queued leaves at once rather than at the sender's next look.
     */
    public Reception afterEachCommit(Runnable task) {
        Runnable before = afterCommit;
        return new Reception(parser, files, intake, log, () -> {
            before.run();
            task.run();
        });
    }

    /**
     * Takes the mail in. When this returns {@link Delivery.Accepted}, all of it is committed;
     * otherwise nothing is, and the caller still owns the mail: a mail server retries it, a
     * mailbox keeps it unread.
     */
    public Delivery deliver(InputStream message) {
        return deliver(message, AutomaticReplies.SEND);
    }

    /** As {@link #deliver(InputStream)}, answering the mail by itself or not. */
    public Delivery deliver(InputStream message, AutomaticReplies replies) {
        return deliver(message, replies, WithOutcome.NOTHING);
    }

    /**
     * As {@link #deliver(InputStream, AutomaticReplies)}, committing {@code with} in the same
     * transaction as the mail's outcome: where this returns {@link Delivery.Accepted}, both are
     * committed; otherwise neither is.
     */
    public Delivery deliver(InputStream message, AutomaticReplies replies, WithOutcome with) {
        return deliver(read(message), replies, with);
    }

    /**
     * Reads the mail and keeps its bytes and attachments, without the database: the first half of
     * {@link #deliver(InputStream)}, which a door may do on its own thread while the intake decides
     * on other mails. Where the mail cannot be read, the result says what it is to be told.
     */
    public ReadMail read(InputStream message) {
        long started = System.nanoTime();
        InboundMail mail = null;   // where it was parsed and then not kept, the log still names it
        try (ContentStore.Spool spool = files.spool()) {
            mail = parser.parse(new CopyingInputStream(message, spool.output()), files.attachments());
            spool.keep(mail.sha256());
            return new ReadMail(started, Optional.of(mail), Optional.empty(), Optional.empty());
        } catch (UnreadableMailException e) {
            return new ReadMail(started, Optional.empty(), Optional.of(new Delivery.NotAMail(e.getMessage())), Optional.empty());
        } catch (IOException e) {
            return unread(started, mail, new Delivery.TryLater(e.getMessage(), true), e);
        } catch (RuntimeException e) {
            return unread(started, mail, new Delivery.TryLater("internal error: " + e, false), e);
        }
    }

    private static ReadMail unread(long started, InboundMail mail, Delivery delivery, Exception failure) {
        return new ReadMail(started, Optional.ofNullable(mail), Optional.of(delivery), Optional.of(failure));
    }

    /** The second half of {@link #deliver(InputStream, AutomaticReplies, WithOutcome)}: intake decides on the mail read. */
    public Delivery deliver(ReadMail message, AutomaticReplies replies, WithOutcome with) {
        Handled handled = attempt(intake, message, replies, with);
        handled.logTo(log);
        if (handled.delivery() instanceof Delivery.Accepted) {
            afterCommit.run();
        }
        return handled.delivery();
    }

    /**
     * Several mails taken in in one transaction, one commit for all: far less for the database to
     * write than one commit each. Nothing of them is stored, logged or told until
     * {@link Together#commit()}.
     *
     * @throws StoreException the database cannot begin a transaction
     */
    public Together together() {
        return new Together(intake.database().shared());
    }

    /**
     * Mails taken in together. Where one is not accepted, the caller closes this without committing
     * and takes the mails in one by one, as {@link #deliver(InputStream, AutomaticReplies, WithOutcome)}
     * does: that is where each failure gets its outcome and its line in the log.
     */
    public final class Together implements AutoCloseable {
        private final SharedTransaction transaction;
        private final Intake within;
        private final List<Handled> accepted = new ArrayList<>();

        private Together(SharedTransaction transaction) {
            this.transaction = transaction;
            this.within = intake.within(transaction);
        }

        /**
         * As {@link Reception#deliver(InputStream, AutomaticReplies, WithOutcome)}, but committed
         * only by {@link #commit()}, with the mails before and after it.
         */
        public Delivery deliver(InputStream message, AutomaticReplies replies, WithOutcome with) {
            return deliver(read(message), replies, with);
        }

        /** As {@link #deliver(InputStream, AutomaticReplies, WithOutcome)}, for a mail read already. */
        public Delivery deliver(ReadMail message, AutomaticReplies replies, WithOutcome with) {
            Handled handled = attempt(within, message, replies, with);
            if (handled.delivery() instanceof Delivery.Accepted) {
                accepted.add(handled);
            }
            return handled.delivery();
        }

        /**
         * Commits every mail accepted, then logs each.
         *
         * @throws StoreException the commit failed: none of them is stored
         */
        public void commit() {
            transaction.commit();
            long committed = System.nanoTime();
            accepted.forEach(handled -> handled.committedAt(committed).logTo(log));
            if (!accepted.isEmpty()) {
                afterCommit.run();
            }
        }

        /** Rolls back what is not committed. */
        @Override
        public void close() {
            transaction.close();
        }
    }

    /**
     * A mail read and kept, or what to tell of it where it could not be read.
     *
     * @param started when reading it began: the log's time for it counts from here
     * @param mail    the mail as parsed; also where its files could not be kept
     * @param unread  what to tell of it where it could not be read or kept; empty: intake decides on it
     */
    public record ReadMail(long started, Optional<InboundMail> mail, Optional<Delivery> unread, Optional<Exception> failure) {
    }

    /** What became of a mail, and what the log says of it. */
    private record Handled(Delivery delivery, Optional<InboundMail> mail, long started, Duration took, Optional<Exception> failure) {
        Handled committedAt(long nanos) {
            return new Handled(delivery, mail, started, Duration.ofNanos(nanos - started), failure);
        }

        void logTo(DeliveryLog log) {
            log.handled(delivery, mail, took, failure);
        }
    }

    private Handled attempt(Intake intake, ReadMail message, AutomaticReplies replies, WithOutcome with) {
        if (message.unread().isPresent()) {
            return new Handled(message.unread().get(), message.mail(), message.started(),
                    Duration.ofNanos(System.nanoTime() - message.started()), message.failure());
        }
        InboundMail mail = message.mail().orElseThrow();
        Delivery delivery;
        Exception failure = null;
        try {
            delivery = new Delivery.Accepted(intake.accept(mail, replies, with));
        } catch (StoreConflictException e) {
            delivery = new Delivery.TryLater(e.getMessage(), false);   // another copy of it came at once: this one alone
            failure = e;
        } catch (StoreException e) {
            delivery = new Delivery.TryLater(e.getMessage(), true);
            failure = e;
        } catch (RuntimeException e) {
            delivery = new Delivery.TryLater("internal error: " + e, false);
            failure = e;
        }
        return new Handled(delivery, message.mail(), message.started(), Duration.ofNanos(System.nanoTime() - message.started()),
                Optional.ofNullable(failure));
    }

    /** Writes what is read through it to a second stream, so that a mail is read and kept in one pass. */
    private static final class CopyingInputStream extends FilterInputStream {
        private final OutputStream copy;

        CopyingInputStream(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }
    }
}
