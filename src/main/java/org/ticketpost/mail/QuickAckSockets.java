package org.ticketpost.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * Sockets that acknowledge the server's answer at once. Some servers, GreenMail among them, write
 * an answer of several lines in several pieces, and by Nagle's rule send the next piece only once
 * the first is acknowledged; Linux holds back that acknowledgement up to 40 ms while it has nothing
 * to send (a delayed ACK). Every IMAP command answered in more than one line (SEARCH, FETCH, MOVE)
 * then waits 40 ms: against GreenMail 44 ms per UID SEARCH, 0.2 ms with these.
 * Linux forgets TCP_QUICKACK as soon as the connection sends again, so it is set after every write,
 * before the answer comes. Where the system has no TCP_QUICKACK, the sockets are plain ones.
 */
final class QuickAckSockets extends SocketFactory {

    static final QuickAckSockets FACTORY = new QuickAckSockets();

    private static final boolean SUPPORTED = supported();

    private QuickAckSockets() {
    }

    private static boolean supported() {
        try (Socket probe = new Socket()) {
            return probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Socket createSocket() {
        return SUPPORTED ? new QuickAckSocket() : new Socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    private Socket connected(InetSocketAddress server) throws IOException {
        Socket socket = createSocket();
        socket.connect(server);
        return socket;
    }

    private Socket connected(InetSocketAddress server, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        socket.bind(local);
        socket.connect(server);
        return socket;
    }

    /** A socket that asks for its next acknowledgement to go at once, after each write. */
    private static final class QuickAckSocket extends Socket {
        private OutputStream output;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                OutputStream raw = super.getOutputStream();
                output = new FilterOutputStream(raw) {
                    @Override
                    public void write(int b) throws IOException {
                        raw.write(b);
                        acknowledgeAtOnce();
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        raw.write(bytes, offset, length);
                        acknowledgeAtOnce();
                    }
                };
            }
            return output;
        }

        private void acknowledgeAtOnce() {
            try {
                setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException e) {
                // closed meanwhile: the next read or write says so
            }
        }
    }
}
