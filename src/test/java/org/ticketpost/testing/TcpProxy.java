package org.ticketpost.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on a free local port, for a server that fails on command: it can stall
 * (every connection stays open, new ones are accepted, and nothing more is forwarded either way)
 * or go away (every connection is closed and no new one accepted). It counts the connections it
 * accepted, and can cut the open ones as a server that drops idle clients does.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean stalled;

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
                daemon("proxy-up", () -> pump(client, target));
                daemon("proxy-down", () -> pump(target, client));
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                waitWhileStalled();
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
