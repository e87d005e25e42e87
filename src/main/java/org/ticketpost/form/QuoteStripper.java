package org.ticketpost.form;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the customer's own text in a mail: quoted replies ("> " lines, "On … wrote:"
 * blocks, Outlook's original-message blocks) and the signature after "-- " are not
 * part of any field.
 */
public final class QuoteStripper {

    private static final Pattern SIGNATURE = Pattern.compile("-- ?");
    private static final Pattern QUOTED = Pattern.compile("\\s*>.*");
    /** "On Mon, 16 Nov 2026, Jane <jane@example.com> wrote:", "Am 16.11.2026 schrieb Jane <jane@example.com>:". */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?i)\\s*(on\\s.*\\swrote|am\\s.*\\sschrieb(\\s.*)?|le\\s.*\\sa écrit|el\\s.*\\sescribió|op\\s.*\\sschreef)\\s*:\\s*");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?i)\\s*(on|am)\\s.*");
    private static final Pattern ATTRIBUTION_END = Pattern.compile("(?i).*(wrote|schrieb)(\\s.*)?:\\s*");
    /** A date or an address: what tells an attribution from "On the server, I wrote:". */
    private static final Pattern ATTRIBUTION_DETAIL = Pattern.compile(".*[\\d@].*");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "(?i)\\s*-{2,}\\s*(original message|original-nachricht|ursprüngliche nachricht)\\s*-{2,}\\s*");
    private static final Pattern RULE = Pattern.compile("\\s*_{8,}\\s*");
    private static final Pattern TRAILING_RULES = Pattern.compile("(\\s*_{8,})+\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)\\s*\\*?(from|von)\\s*:\\*?\\s.+");
    private static final Pattern HEADER_SENT = Pattern.compile("(?i)\\s*\\*?(sent|gesendet|date|datum)\\s*:\\*?\\s.+");

    private QuoteStripper() {
    }

    /** The text above the first quotation or signature, without quoted lines. */
    public static String ownText(String text) {
        List<String> lines = text.lines().toList();
        StringBuilder own = new StringBuilder(text.length());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SIGNATURE.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches()
                    || isOutlookHeader(lines, i)) {
                break;
            }
            int attribution = attributionLength(lines, i);
            if (attribution > 0) {
                if (!startsQuote(lines, i + attribution)) {
                    break;   // top-posted reply: what follows is the quoted mail, without markers
                }
                i += attribution - 1;   // interleaved reply: drop the attribution, keep the answers
                continue;
            }
            if (!QUOTED.matcher(line).matches()) {
                own.append(line).append('\n');
            }
        }
        return TRAILING_RULES.matcher(own).replaceFirst("").strip();
    }

    /** Number of lines of an "On … wrote:" attribution starting at line i (it may be wrapped), or 0. */
    private static int attributionLength(List<String> lines, int i) {
        String line = lines.get(i);
        if (isAttribution(line)) {
            return 1;
        }
        boolean wrapped = i + 1 < lines.size()
                && ATTRIBUTION_START.matcher(line).matches()
                && ATTRIBUTION_END.matcher(lines.get(i + 1)).matches()
                && isAttribution(line + " " + lines.get(i + 1));
        return wrapped ? 2 : 0;
    }

    private static boolean isAttribution(String line) {
        return ATTRIBUTION.matcher(line).matches() && ATTRIBUTION_DETAIL.matcher(line).matches();
    }

    private static boolean startsQuote(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return QUOTED.matcher(lines.get(i)).matches();
            }
        }
        return true;
    }

    /** Outlook quotes the original below a rule or a blank line as "From: … Sent: …" without markers. */
    private static boolean isOutlookHeader(List<String> lines, int i) {
        if (!HEADER_FROM.matcher(lines.get(i)).matches()) {
            return false;
        }
        boolean afterBreak = i == 0 || lines.get(i - 1).isBlank() || RULE.matcher(lines.get(i - 1)).matches();
        if (!afterBreak) {
            return false;
        }
        for (int next = i + 1; next < Math.min(lines.size(), i + 4); next++) {
            if (HEADER_SENT.matcher(lines.get(next)).matches()) {
                return true;
            }
        }
        return false;
    }
}
