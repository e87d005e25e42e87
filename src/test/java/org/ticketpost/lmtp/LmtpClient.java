package org.ticketpost.lmtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A mail server's side of LMTP, spoken line by line in UTF-8, so that a test sees every reply as it comes. */
public final class LmtpClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private LmtpClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(30_000);   // a reply that never comes fails the test, not the build
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    /** Connects and reads the greeting. */
    public static LmtpClient connect(int port) throws IOException {
        return new LmtpClient(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** Connects, reads the greeting and says LHLO, as a mail server does before its first mail. */
    public static LmtpClient greeted(int port) throws IOException {
        LmtpClient client = connect(port);
        String greeting = client.reply();
        if (!greeting.startsWith("220 ")) {
            client.close();
            throw new IllegalStateException("greeted with " + greeting);
        }
        client.command("LHLO mail.example.com");
        return client;
    }

    /** Sends the text as it is, in one write: several commands at once, or part of a mail. */
    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public String command(String line) throws IOException {
        send(line + "\r\n");
        return reply();
    }

    /** One reply, its lines joined with LF: a reply ends at the line whose code is followed by a space. */
    String reply() throws IOException {
        StringBuilder reply = new StringBuilder();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("the server closed the connection; read so far: " + reply);
            }
            reply.append(reply.length() == 0 ? "" : "\n").append(line);
            if (line.length() < 4 || line.charAt(3) == ' ') {
                return reply.toString();
            }
        }
    }

    List<String> replies(int count) throws IOException {
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(reply());
        }
        return replies;
    }

    /**
     * Delivers a mail to the recipients. Returns the replies that were not 250 to MAIL and RCPT, then
     * the refusal of DATA or the replies at the end of the mail, one for each recipient taken.
     */
    public List<String> deliver(String mail, String... recipients) throws IOException {
        return deliverFrom("<jane@example.com>", mail, recipients);
    }

    /** As {@link #deliver}, with MAIL FROM: followed by the sender given, its parameters included. */
    public List<String> deliverFrom(String sender, String mail, String... recipients) throws IOException {
        List<String> replies = new ArrayList<>();
        String mailReply = command("MAIL FROM:" + sender);
        if (!mailReply.startsWith("250")) {
            return List.of(mailReply);
        }
        int accepted = 0;
        for (String recipient : recipients) {
            String reply = command("RCPT TO:<" + recipient + ">");
            if (reply.startsWith("250")) {
                accepted++;
            } else {
                replies.add(reply);
            }
        }
        String data = command("DATA");
        if (!data.startsWith("354")) {
            replies.add(data);
            return replies;
        }
        send(dotStuffed(mail));
        replies.addAll(replies(accepted));
        return replies;
    }

    /** The mail as DATA carries it: CRLF line ends, a dot doubled where a line starts with one, and the line with one dot. */
    static String dotStuffed(String mail) {
        String crlf = mail.replace("\r\n", "\n").replace("\n", "\r\n");
        if (!crlf.endsWith("\r\n")) {
            crlf += "\r\n";
        }
        return (crlf.startsWith(".") ? "." : "") + crlf.replace("\r\n.", "\r\n..") + ".\r\n";
    }

    /** Whether the server has closed the connection: nothing more comes. */
    boolean isClosedByServer() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
