package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.AuthenticationReport;
import org.ticketpost.intake.AuthenticationResult;

/** Which Authentication-Results fields of a mail count: those our receiving server added, and no sender can have written. */
class ReceivingServerTest {

    private static final String OUR_RECEIVED = """
            Received: from mail.example.org (mail.example.org [192.0.2.7])
                    by mx.example.com (Postfix) with ESMTPS id 4Q1x;
                    Mon, 16 Nov 2026 09:12:45 +0100 (CET)
            """;
    private static final String THEIR_RECEIVED = """
            Received: from laptop (unknown [198.51.100.9])
                    by mail.example.org (Postfix) with ESMTPSA id 9Z;
                    Mon, 16 Nov 2026 09:12:44 +0100 (CET)
            """;
    private static final String BODY = """
            From: Jane Doe <jane@example.org>
            Subject: Help

            Hello
            """;

    private static AuthenticationReport report(String authservId, String header) throws Exception {
        byte[] mail = (header + BODY).getBytes(StandardCharsets.UTF_8);
        return new MimeDecoder(Optional.of(authservId)).parse(new ByteArrayInputStream(mail), AttachmentSink.COUNTING)
                .authentication().orElseThrow();
    }

    private static String results(String authservId, String results) {
        return "Authentication-Results: " + authservId + ";\n " + results + "\n";
    }

    @Test
    void theResultsOurServerWroteAboveItsReceivedFieldCount() throws Exception {
        AuthenticationReport report = report("mx.example.com",
                results("mx.example.com", "dmarc=pass header.from=example.org")
                        + results("mx.example.com", "spf=pass smtp.mailfrom=jane@example.org")
                        + OUR_RECEIVED + THEIR_RECEIVED);

        assertThat(report.fields()).isEqualTo(2);
        assertThat(report.results()).extracting(AuthenticationResult::method).containsExactly("dmarc", "spf");
    }

    @Test
    void aCopyNamingOurServerBelowItsReceivedFieldIsForgedAndPassedOver() throws Exception {
        AuthenticationReport report = report("mx.example.com",
                results("mx.example.com", "dmarc=fail header.from=example.org")
                        + OUR_RECEIVED
                        + results("mx.example.com", "dmarc=pass header.from=example.org")
                        + THEIR_RECEIVED
                        + results("mx.example.com", "dkim=pass header.d=example.org"));

        assertThat(report.results()).extracting(AuthenticationResult::result).containsExactly("fail");
    }

    @Test
    void aForgedCopyRightBelowOurReceivedFieldCountsForNothingWhenOurServerWroteNone() throws Exception {
        AuthenticationReport report = report("mx.example.com",
                OUR_RECEIVED + results("mx.example.com", "dmarc=pass header.from=example.org"));

        assertThat(report.fields()).isZero();
        assertThat(report.results()).isEmpty();
    }

    @Test
    void theFieldsOfOtherServersDoNotCount() throws Exception {
        AuthenticationReport report = report("mx.example.com",
                results("mx.example.org", "dmarc=pass header.from=example.org")
                        + results("MX.Example.COM", "spf=fail smtp.mailfrom=example.org")
                        + OUR_RECEIVED);

        assertThat(report.results()).extracting(AuthenticationResult::method).containsExactly("spf");
    }

    @Test
    void hopsInsideOurNetworkAfterOurServerMayStandAboveItsResults() throws Exception {
        AuthenticationReport report = report("mx.example.com", """
                Received: from mx.example.com (mx.example.com [10.0.0.2])
                        by mailhost.example.com (Postfix) with ESMTP id 7A;
                        Mon, 16 Nov 2026 09:12:46 +0100 (CET)
                """ + results("mx.example.com", "dkim=pass header.d=example.org") + OUR_RECEIVED);

        assertThat(report.results()).extracting(AuthenticationResult::method).containsExactly("dkim");
    }

    @Test
    void whereNoReceivedFieldNamesOurServerOnlyTheFieldsAboveTheTopmostOneCount() throws Exception {
        AuthenticationReport report = report("example.com",
                results("example.com", "spf=pass smtp.mailfrom=example.org")
                        + OUR_RECEIVED
                        + results("example.com", "dkim=pass header.d=example.org")
                        + THEIR_RECEIVED);

        assertThat(report.results()).extracting(AuthenticationResult::method).containsExactly("spf");
    }

    @Test
    void anUnreadableFieldOfOurServerCountsForNothing() throws Exception {
        AuthenticationReport report = report("mx.example.com",
                results("mx.example.com", "dmarc pass") + OUR_RECEIVED);

        assertThat(report.fields()).isZero();
    }

    @Test
    void withoutAnAuthservIdNothingIsRead() throws Exception {
        byte[] mail = (results("mx.example.com", "dmarc=pass") + OUR_RECEIVED + BODY).getBytes(StandardCharsets.UTF_8);

        assertThat(new MimeDecoder().parse(new ByteArrayInputStream(mail), AttachmentSink.COUNTING).authentication()).isEmpty();
    }
}
