package org.ticketpost.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on a port of its own (JDK's HttpServer): it records every call and checks
 * its signature the way a receiver's documentation would have it, and answers the statuses it was
 * given, one per call, then 200. It may be started and stopped again on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One call as it arrived. */
    public record Call(String delivery, String event, String timestamp, String signature, String contentType, String body,
            int answered, boolean signatureValid) {
    }

    private final int port;
    private final String secret;
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
    private Duration delay = Duration.ZERO;
    private HttpServer server;

    private WebhookReceiver(int port, String secret) {
        this.port = port;
        this.secret = secret;
    }

    /** A receiver for this port, not started yet: a webhook.url that nothing answers at. */
    public static WebhookReceiver at(int port, String secret) {
        return new WebhookReceiver(port, secret);
    }

    public static WebhookReceiver started(String secret) {
        return at(Ports.free(), secret).start();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks/ticketpost?source=test";
    }

    /** Answers these statuses to the next calls, in their order; 200 after them. */
    public synchronized WebhookReceiver answering(int... next) {
        for (int status : next) {
            statuses.add(status);
        }
        return this;
    }

    /** Takes this long over each call, so that callers overlap. */
    public synchronized WebhookReceiver slowedBy(Duration each) {
        this.delay = each;
        return this;
    }

    public synchronized WebhookReceiver start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port + ": " + e.getMessage(), e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks/ticketpost", this::receive);
        server.start();
        return this;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Duration wait;
            int status;
            synchronized (this) {
                status = statuses.isEmpty() ? 200 : statuses.poll();
                wait = delay;
            }
            sleep(wait);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Ticketpost-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Ticketpost-Signature");
            Call call = new Call(exchange.getRequestHeaders().getFirst("X-Ticketpost-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Ticketpost-Event"), timestamp, signature,
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, status,
                    "POST".equals(exchange.getRequestMethod()) && isSignedWith(secret, timestamp, body, signature));
            synchronized (this) {
                calls.add(call);
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /**
     * What a receiver does: HMAC-SHA256 under the shared secret over the timestamp header, a dot
     * and the raw body, compared in constant time with the hex after "sha256=".
     */
    public static boolean isSignedWith(String secret, String timestamp, String body, String signature) {
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            byte[] given = HexFormat.of().parseHex(signature.substring("sha256=".length()));
            return MessageDigest.isEqual(expected, given);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void sleep(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening: the port refuses connections until it starts again. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
