package org.ticketpost.lmtp;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketpost.intake.GroupCommit;
import org.ticketpost.intake.Reception;

/**
 * Takes mail over LMTP (RFC 2033) from the organisation's mail server, into the running service:
 * one thread per connection, up to lmtp.max-connections; one more is told 421 and closed, and the
 * mail server tries again later. The mails of all connections are taken in by one thread, those
 * that come at once together, with one commit: see {@link GroupCommit}. Started and closed once,
 * as one of the service's long-running parts.
 *
 * <p>Written on plain sockets: SubEthaSMTP, the usual Java SMTP server library, speaks no LHLO and
 * answers a mail once, not once for each recipient as LMTP wants.
 */
public final class LmtpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LmtpServer.class);

    /** Long enough for the mail in hand to be delivered and answered; short enough for a service to stop at once. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    /**
     * The most mails of different connections taken in with one commit: as many as a mail server
     * has connections open at once, and few enough that the first is not kept long from its answer.
     */
    static final int TOGETHER = 25;

    private final LmtpSettings settings;
    private final Reception reception;
    private final Duration grace;
    private final Semaphore connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private ServerSocket server;
    private ExecutorService sessions;
    private Thread acceptor;
    private GroupCommit intake;

    public LmtpServer(LmtpSettings settings, Reception reception, Duration grace) {
        this.settings = settings;
        this.reception = reception;
        this.grace = grace;
        this.connections = new Semaphore(settings.maxConnections());
    }

    /** @throws IOException when the address cannot be bound: in use, or not one of this machine's */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("started already");
        }
        server = new ServerSocket(settings.port(), 50, settings.host());
        intake = GroupCommit.start(reception, TOGETHER, "lmtp-intake");
        AtomicInteger number = new AtomicInteger();
        sessions = Executors.newFixedThreadPool(settings.maxConnections(), work -> daemon(work, "lmtp-" + number.incrementAndGet()));
        acceptor = daemon(this::accept, "lmtp-accept");
        acceptor.start();
        LOG.info("taking mail over LMTP on {} (lmtp.max-connections {}, lmtp.max-size {} bytes){}", settings.shown(),
                settings.maxConnections(), settings.maxSize(),
                settings.recipients().isEmpty() ? ", for any recipient" : ", for " + String.join(", ", settings.recipients()));
    }

    /**
     * Takes no new connection, lets the mails in hand be delivered and answered, tells idle
     * connections 421, and returns within the grace. A connection still busy then is closed: its
     * mail is delivered again by the mail server, and recognised as a duplicate if it was stored. Its
     * thread, a daemon, is not interrupted: it ends when the delivery in hand does.
     */
    @Override
    public void close() throws InterruptedException {
        ExecutorService running;
        synchronized (this) {
            stopping = true;
            running = sessions;
            if (server != null) {
                closeQuietly(server);
            }
        }
        if (running == null) {
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        acceptor.join(grace.toMillis());
        running.shutdown();
        if (!running.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            LOG.warn("{} LMTP connection(s) still busy after {}: closed; the mail server delivers their mails again", open.size(),
                    grace);
            // closing a socket ends a read or write on it; an interrupt could close H2's file under a delivery
            open.forEach(LmtpServer::closeQuietly);
        }
        intake.close(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private void accept() {
        while (!stopping) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!stopping) {
                    LOG.error("LMTP listener on {} cannot accept a connection: {}", settings.shown(), e.toString());
                    pause();
                }
                continue;
            }
            if (!connections.tryAcquire()) {
                refuse(socket, "421 4.3.2 too many connections, try again later");
                continue;
            }
            open.add(socket);
            try {
                sessions.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {   // stopping meanwhile
                open.remove(socket);
                connections.release();
                refuse(socket, LmtpSession.SHUTTING_DOWN);
            }
        }
    }

    private void serve(Socket socket) {
        try {
            new LmtpSession(socket, settings, intake, () -> stopping).run();
        } finally {
            open.remove(socket);
            connections.release();
        }
    }

    private static void refuse(Socket socket, String reply) {
        try (socket; OutputStream out = socket.getOutputStream()) {
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.debug("could not tell an LMTP client '{}': {}", reply, e.toString());
        }
    }

    private static void closeQuietly(Closeable socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing an LMTP connection failed: {}", e.toString());
        }
    }

    /** After a failed accept (no file descriptors left, say), so that the failure is not logged in a busy loop. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);   // a connection stuck past the grace must not keep the JVM from ending
        return thread;
    }
}
