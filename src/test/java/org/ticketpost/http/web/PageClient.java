package org.ticketpost.http.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Plain HTTP to the page as a browser sends it, keeping the cookies it is given, following no redirect. */
final class PageClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final ServedPage page;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    PageClient(ServedPage page) {
        this.page = page;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(page.url(path))).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(page.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Opens the login page and signs in with what it is given. */
    HttpResponse<String> logIn(String name, String password) {
        String csrf = csrfOf(get("/login").body());
        return post("/login", Map.of("csrf", csrf, "name", name, "password", password));
    }

    boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    static String csrfOf(String html) {
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new AssertionError("no CSRF token in:\n" + html);
        }
        return token.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
