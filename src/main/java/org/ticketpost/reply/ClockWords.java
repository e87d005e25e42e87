package org.ticketpost.reply;

import java.util.Map;
import org.ticketpost.ticket.ClockName;

/** An SLA clock as an on-call mail names it, in the language of the on-call engineers: "first response", "Erstreaktion". */
final class ClockWords {

    private static final Map<ClockName, String> GERMAN = Map.of(
            ClockName.FIRST_RESPONSE, "Erstreaktion",
            ClockName.UPDATE, "Aktualisierung",
            ClockName.RESOLUTION, "Lösung");

    private ClockWords() {
    }

    /** English, as the history writes it, for a language without words of its own (its mail falls back to English too). */
    static String of(ClockName clock, String language) {
        return "de".equals(language) ? GERMAN.get(clock) : clock.words();
    }
}
