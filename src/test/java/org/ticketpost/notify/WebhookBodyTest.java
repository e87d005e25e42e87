package org.ticketpost.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ticketpost.alert.SlaAlertEvent;

/** What a receiver is sent: the JSON body written from the event's record, and its signature. */
class WebhookBodyTest {

    @Test
    void anSlaBreachIsWrittenAsItsRecordUnderTheDeliveryIdAndKind() {
        SlaAlertEvent breach = new SlaAlertEvent(SlaAlertEvent.BREACHED, "1000094", 1, "Example Corp", "resolution",
                Instant.parse("2026-11-17T08:00:00Z"));

        String body = Webhooks.body(new WebhookPayload("d-1", breach.kind(), Instant.parse("2026-11-17T08:00:30.5Z"), breach));

        assertThat(body).isEqualTo("{\"delivery\":\"d-1\",\"event\":\"sla.breached\",\"time\":\"2026-11-17T08:00:30.500Z\","
                + "\"data\":{\"ticket\":\"1000094\",\"severity\":1,\"customer\":\"Example Corp\",\"clock\":\"resolution\","
                + "\"due\":\"2026-11-17T08:00:00Z\"}}");
    }

    @Test
    void theSignatureIsHmacSha256OfTheTimestampADotAndTheBody() {
        // the expected value computed apart, with Python's hmac module
        assertThat(WebhookSignature.of("whsec-0123456789abcdef", "1794830400", "{\"delivery\":\"d-1\"}"))
                .isEqualTo("sha256=2c0fa0af7c5950bb4cde4482574c70c6b41f6d41df07eb1f06fa63cbe1a0a4c6");
    }

    @Test
    void theSettingsNeverShowTheSecretNorTheUrlsQuery() {
        WebhookSettings settings = new WebhookSettings(URI.create("https://hooks.example.com:8443/in?token=abc"),
                "whsec-0123456789abcdef", WebhookSettings.DEFAULT_TIMEOUT, WebhookSettings.DEFAULT_MAX_AGE);

        assertThat(settings.toString()).doesNotContain("whsec-0123456789abcdef").doesNotContain("token");
        assertThat(settings.shown()).isEqualTo("https://hooks.example.com:8443/in");
    }
}
