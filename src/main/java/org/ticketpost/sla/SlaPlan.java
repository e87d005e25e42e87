package org.ticketpost.sla;

import java.util.Map;

/** A service agreement: the targets for each severity, 1 (outage) to 4 (question). */
public record SlaPlan(String name, Map<Integer, Targets> severities) {

    public SlaPlan {
        severities = Map.copyOf(severities);
        for (int severity = 1; severity <= 4; severity++) {
            if (!severities.containsKey(severity)) {
                throw new IllegalArgumentException(name + ": severity " + severity + " has no targets");
            }
        }
        if (severities.size() != 4) {
            throw new IllegalArgumentException(name + ": severities are 1 to 4, not " + severities.keySet());
        }
    }

    public Targets targets(int severity) {
        Targets targets = severities.get(severity);
        if (targets == null) {
            throw new IllegalArgumentException("severity is 1 to 4, was " + severity);
        }
        return targets;
    }
}
