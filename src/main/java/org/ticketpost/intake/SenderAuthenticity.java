package org.ticketpost.intake;

import java.util.List;
import java.util.Optional;

/**
 * Whether the receiving mail server showed that a mail comes from the domain of its From
 * address. Anyone can write any From; DMARC (RFC 7489) is how a domain's owner says which mail
 * is theirs. A mail passes when the server's DMARC result for the From domain is pass; where it
 * has none (the domain publishes no policy, or the server does not check DMARC; a DMARC result
 * counts only where its header.from names the From domain Ticketpost read), when SPF passed
 * for an envelope sender (smtp.mailfrom) or DKIM for a signing domain (header.d) aligned with the
 * From domain. A DMARC fail decides against the mail, whatever else passed.
 *
 * <p>Aligned means the same domain, or one a subdomain of the other (example.com and
 * bounces.example.com): DMARC's relaxed alignment without the public suffix list. Two
 * subdomains of one organisation (news.example.com and mail.example.com) are not aligned here,
 * where DMARC would align them; a domain is never aligned with one of another owner.
 */
public final class SenderAuthenticity {

    private SenderAuthenticity() {
    }

    /**
     * Why the mail does not pass, in the receiving server's terms; empty where it passes, where it
     * names no From address, and where mail.authserv-id is not set.
     */
    public static Optional<String> failure(InboundMail mail) {
        return mail.authentication().flatMap(report -> mail.from().flatMap(from -> failure(report, from.domain())));
    }

    static Optional<String> failure(AuthenticationReport report, String fromDomain) {
        if (report.fields() == 0) {
            return Optional.of("no Authentication-Results of " + report.authservId() + " above the Received field it added");
        }
        List<AuthenticationResult> dmarc = report.results().stream()
                .filter(result -> result.method().equals("dmarc"))
                .filter(result -> result.domain("header.from").filter(fromDomain::equals).isPresent())
                .toList();
        if (dmarc.stream().anyMatch(result -> result.result().equals("fail"))) {
            return Optional.of("dmarc=fail for " + fromDomain);
        }
        if (dmarc.stream().anyMatch(result -> result.result().equals("pass"))) {
            return Optional.empty();
        }
        boolean alignedPass = report.results().stream().anyMatch(result ->
                result.is("spf", "pass") && result.domain("smtp.mailfrom").filter(domain -> aligned(domain, fromDomain)).isPresent()
                || result.is("dkim", "pass") && result.domain("header.d").or(() -> result.domain("header.i"))
                        .filter(domain -> aligned(domain, fromDomain)).isPresent());
        return alignedPass ? Optional.empty() : Optional.of("no dmarc=pass, nor spf=pass or dkim=pass aligned with " + fromDomain);
    }

    /** The same domain, or one a subdomain of the other; never a top-level domain, which no one sends from. */
    static boolean aligned(String one, String other) {
        return one.contains(".") && other.contains(".")
                && (one.equals(other) || one.endsWith("." + other) || other.endsWith("." + one));
    }
}
