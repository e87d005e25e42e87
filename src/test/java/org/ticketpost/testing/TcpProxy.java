package org.ticketpost.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on a free local port, for a database or a mail server that fails on command: it
 * can stall (every connection stays open, new ones are accepted, and nothing more is forwarded
 * either way) or go away (every connection is closed and no new one accepted), at once or when
 * the client first sends a given text; or cut the connections open then, once, and go on. It
 * counts the connections it accepted, and can cut the open ones as a server that drops idle
 * clients does.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean stalled;
    private volatile String stallMarker;
    private volatile String cutMarker;
    private volatile boolean triggered;
    private final StringBuffer clientText = new StringBuffer();
    private volatile String serverHides;
    private volatile String serverDropsDuringIdle;
    private volatile boolean idling;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        daemon("proxy-accept", this::accept);
    }

    public static TcpProxy to(String host, int port) throws IOException {
        return new TcpProxy(host, port);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections it has accepted so far. */
    public int connections() {
        return accepted.get();
    }

    /** Closes the connections open now; new ones are accepted and forwarded as before. */
    public void cut() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    /** From now on nothing is forwarded; the sockets stay open, as with a server that hangs. */
    public void stall() {
        stalled = true;
    }

    /** Stalls as {@link #stall()} does, from the moment the client first sends this text (not forwarded). */
    public void stallWhenClientSends(String marker) {
        stallMarker = marker;
    }

    /** Closes the open connections, once, when the client first sends this text, before it is forwarded; new ones are served. */
    public void cutWhenClientSends(String marker) {
        cutMarker = marker;
    }

    /** Blanks this text out of what the server sends, as a server without that capability would say (IDLE, MOVE). */
    public void hideFromServer(String text) {
        serverHides = text;
    }

    /**
     * Drops the server's untagged answers of this kind ({@code * 2 EXISTS}) while a client idles (from
     * its IMAP IDLE to its DONE), as a server does that announces a mail arriving just before the IDLE
     * only once it ends.
     */
    public void dropFromServerDuringIdle(String kind) {
        serverDropsDuringIdle = kind;
    }

    /** What the clients sent so far (a mail client's commands: keep it to small exchanges). */
    public String clientText() {
        return clientText.toString();
    }

    /** Whether a marker the client was to send came, and the proxy acted on it. */
    public boolean triggered() {
        return triggered;
    }

    /** Closes every connection and the listening socket: the server is gone. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                sockets.add(client);
                if (stalled) {
                    continue;   // accepted and left open, never answered
                }
                Socket target = new Socket(targetHost, targetPort);
                sockets.add(target);
                daemon("proxy-up", () -> pump(client, target, true));
                daemon("proxy-down", () -> pump(target, client, false));
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (fromClient) {
                    actOnMarkers(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
                waitWhileStalled();
                if (!fromClient && serverHides != null) {
                    hide(buffer, n, serverHides);
                }
                if (!fromClient && idling && serverDropsDuringIdle != null) {
                    byte[] kept = new String(buffer, 0, n, StandardCharsets.ISO_8859_1)
                            .replaceAll("\\* \\d+ " + serverDropsDuringIdle + "\r\n", "").getBytes(StandardCharsets.ISO_8859_1);
                    out.write(kept);
                    out.flush();
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the proxy or a peer closed the connection
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void hide(byte[] buffer, int length, String text) {
        String sent = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
        for (int at = sent.indexOf(text); at >= 0; at = sent.indexOf(text, at + 1)) {
            for (int i = 0; i < text.length(); i++) {
                buffer[at + i] = 'X';
            }
        }
    }

    private synchronized void actOnMarkers(String sent) throws IOException {
        clientText.append(sent);
        int idle = sent.lastIndexOf(" IDLE\r\n");
        int done = sent.lastIndexOf("DONE\r\n");
        if (idle >= 0 || done >= 0) {
            idling = idle > done;
        }
        if (stallMarker != null && sent.contains(stallMarker)) {
            stallMarker = null;
            triggered = true;
            stalled = true;
        }
        if (cutMarker != null && sent.contains(cutMarker)) {
            cutMarker = null;
            triggered = true;
            for (Socket socket : sockets) {
                closeQuietly(socket);
            }
            sockets.clear();
            throw new IOException("cut");
        }
    }

    private void waitWhileStalled() throws InterruptedException, IOException {
        synchronized (gate) {
            while (stalled) {
                if (server.isClosed()) {
                    throw new IOException("proxy closed");
                }
                gate.wait();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
