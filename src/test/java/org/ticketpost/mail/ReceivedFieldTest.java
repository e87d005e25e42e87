package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceivedFieldTest {

    @Test
    void theHostAfterByIsTheOneThatTookTheMailIn() {
        assertThat(ReceivedField.by("from dialup-1-2-3-4.example.net (dialup-1-2-3-4.example.net [192.0.2.200]) "
                + "by MX.Example.com. (8.11.6/8.11.6) with ESMTP id g1G0r1kA003489; Fri, 15 Feb 2002 17:19:07 -0800"))
                .contains("mx.example.com");
    }

    @Test
    void aByInACommentOrAfterTheDateIsNone() {
        assertThat(ReceivedField.by("from relay.example.net (sent by mx.example.com) with SMTP; Fri, 15 Feb 2002 by x"))
                .isEmpty();
    }
}
