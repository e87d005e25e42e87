package org.ticketpost.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small SMTP server on a free local port that answers as a test tells it, for the faults of a
 * real mail server that GreenMail does not produce: a 550 or a 451 to RCPT TO, an answer that takes
 * long, no greeting at all, STARTTLS, TLS from the first byte, a login. Its certificate
 * (src/test/resources/tls/localhost.p12, names localhost and 127.0.0.1) is trusted by
 * {@link #clientTls()} only. It records every command and every mail it took.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    public enum Tls { NONE, STARTTLS, FROM_THE_START }

    /** A mail the server took; encrypted when its whole transaction ran over TLS. */
    public record Received(String envelopeFrom, List<String> recipients, String data, boolean encrypted) {
    }

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final Tls tls;
    private final ServerSocket server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private final List<Received> mails = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean silent;

    private ScriptedSmtpServer(Tls tls, InetAddress address) throws IOException {
        this.tls = tls;
        this.server = tls == Tls.FROM_THE_START
                ? serverTls().getServerSocketFactory().createServerSocket(0, 50, address)
                : new ServerSocket(0, 50, address);
        Thread acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ScriptedSmtpServer start(Tls tls) {
        return start(tls, InetAddress.getLoopbackAddress());
    }

    /** On another local address, such as 127.0.0.2, which its certificate does not name. */
    public static ScriptedSmtpServer start(Tls tls, InetAddress address) {
        try {
            return new ScriptedSmtpServer(tls, address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers this command (MAIL, RCPT, AUTH; DATA: after the mail's text) with this line from now on. */
    public ScriptedSmtpServer answer(String verb, String reply) {
        answers.put(verb.toUpperCase(Locale.ROOT), reply);
        return this;
    }

    /** Waits this long before answering the command (DATA: before answering the mail's text). */
    public ScriptedSmtpServer delay(String verb, Duration delay) {
        delays.put(verb.toUpperCase(Locale.ROOT), delay);
        return this;
    }

    /** Takes connections and never says a word: a server that hangs. */
    public ScriptedSmtpServer silent() {
        silent = true;
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections it took, also while silent. */
    public int connections() {
        return connections.get();
    }

    /** Every command line received, "[tls] " before those that came encrypted. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** The user and password of each AUTH PLAIN, as "user:password". */
    public List<String> logins() {
        return List.copyOf(logins);
    }

    public List<Received> mails() {
        return List.copyOf(mails);
    }

    /** Client sockets that trust this server's certificate, and nothing else. */
    public static SSLSocketFactory clientTls() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                connections.incrementAndGet();
                if (!silent) {
                    Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
                    session.setDaemon(true);
                    session.start();
                }
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void converse(Socket client) {
        try {
            new Conversation(client).run();
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server was closed
        }
    }

    /** One SMTP session, as RFC 5321 has it, with the answers the test chose. */
    private final class Conversation {

        private Socket socket;
        private BufferedReader in;
        private OutputStream out;
        private boolean encrypted;
        private String from;
        private List<String> recipients = new CopyOnWriteArrayList<>();

        Conversation(Socket socket) throws IOException {
            bind(socket);
            this.encrypted = tls == Tls.FROM_THE_START;
        }

        void run() throws IOException, InterruptedException {
            say("220 scripted.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                commands.add((encrypted ? "[tls] " : "") + line);
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                String argument = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
                wait(verb.equals("DATA") ? "" : verb);
                switch (verb) {
                    case "EHLO" -> say(tls == Tls.STARTTLS && !encrypted
                            ? "250-scripted.test\r\n250-STARTTLS\r\n250 AUTH PLAIN" : "250-scripted.test\r\n250 AUTH PLAIN");
                    case "HELO", "RSET", "NOOP" -> say("250 ok");
                    case "STARTTLS" -> startTls();
                    case "AUTH" -> login(argument);
                    case "MAIL" -> {
                        from = argument;
                        recipients = new CopyOnWriteArrayList<>();
                        say(answers.getOrDefault("MAIL", "250 2.1.0 ok"));
                    }
                    case "RCPT" -> {
                        String answer = answers.getOrDefault("RCPT", "250 2.1.5 ok");
                        if (answer.startsWith("2")) {
                            recipients.add(argument);
                        }
                        say(answer);
                    }
                    case "DATA" -> data();
                    case "QUIT" -> {
                        say("221 2.0.0 bye");
                        socket.close();
                        return;
                    }
                    default -> say("502 5.5.2 not implemented");
                }
            }
        }

        private void data() throws IOException, InterruptedException {
            say("354 go ahead");
            StringBuilder text = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
                text.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
            }
            wait("DATA");
            String answer = answers.getOrDefault("DATA", "250 2.0.0 queued");
            if (answer.startsWith("2")) {
                mails.add(new Received(from, List.copyOf(recipients), text.toString(), encrypted));
            }
            say(answer);
        }

        private void login(String argument) throws IOException {
            String[] parts = argument.split(" ", 2);
            String response = parts.length > 1 ? parts[1] : null;
            if (response == null) {
                say("334 ");
                response = in.readLine();
            }
            String[] plain = new String(Base64.getDecoder().decode(response.strip()), StandardCharsets.UTF_8).split("\0", -1);
            logins.add(plain[1] + ":" + plain[2]);
            say(answers.getOrDefault("AUTH", "235 2.7.0 ok"));
        }

        private void startTls() throws IOException {
            say("220 2.0.0 ready to start TLS");
            SSLSocket upgraded = (SSLSocket) serverTls().getSocketFactory()
                    .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            upgraded.setUseClientMode(false);
            upgraded.startHandshake();
            sockets.add(upgraded);
            bind(upgraded);
            encrypted = true;
        }

        private void bind(Socket socket) throws IOException {
            this.socket = socket;
            InputStream input = socket.getInputStream();
            this.in = new BufferedReader(new InputStreamReader(input, StandardCharsets.ISO_8859_1));
            this.out = socket.getOutputStream();
        }

        private void wait(String verb) throws InterruptedException {
            Duration delay = delays.get(verb);
            if (delay != null) {
                Thread.sleep(delay.toMillis());
            }
        }

        private void say(String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    private static SSLContext serverTls() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore keyStore() {
        try (InputStream file = ScriptedSmtpServer.class.getResourceAsStream("/tls/localhost.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(file, PASSWORD);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the test certificate tls/localhost.p12: " + e.getMessage(), e);
        }
    }
}
