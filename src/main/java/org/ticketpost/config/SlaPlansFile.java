package org.ticketpost.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.ticketpost.config.SlaCalendarsYaml.CalendarYaml;
import org.ticketpost.sla.SlaCalendar;
import org.ticketpost.sla.SlaDuration;
import org.ticketpost.sla.SlaPlan;
import org.ticketpost.sla.SlaPlans;
import org.ticketpost.sla.Targets;

/**
 * Reads config/sla-plans.yaml: the calendars, and per plan and severity the targets and the
 * calendar they run on. Every mistake stops Ticketpost, named with its line and key.
 */
public final class SlaPlansFile {

    public static final String NAME = "sla-plans.yaml";

    record PlansYaml(Map<String, CalendarYaml> calendars, Map<String, Map<String, TargetsYaml>> plans) {
    }

    record TargetsYaml(String calendar, String firstResponse, String updateEvery, String resolution, String warnAt) {
    }

    private SlaPlansFile() {
    }

    public static SlaPlans load(Folder config) {
        return parse(config.location(NAME), config.require(NAME));
    }

    static SlaPlans parse(String location, String yaml) {
        YamlFile file = YamlFile.read(location, yaml);
        PlansYaml given = file.bind(PlansYaml.class).orElseThrow(file::failure);
        YamlValues values = new YamlValues(file);
        Map<String, SlaCalendar> calendars = SlaCalendarsYaml.read(values, given.calendars());
        Map<String, CalendarYaml> written = given.calendars() == null ? Map.of() : given.calendars();
        List<SlaPlan> plans = new ArrayList<>();
        values.map("plans", given.plans()).forEach((name, severities) -> plan(values, name, severities, calendars, written)
                .ifPresent(plans::add));
        if (values.require("plans", given.plans(), "is missing") && given.plans().isEmpty()) {
            file.problem("plans", "defines no plan");
        }
        file.throwIfAny();
        return new SlaPlans(plans);
    }

    private static Optional<SlaPlan> plan(YamlValues values, String name, Map<String, TargetsYaml> severities,
            Map<String, SlaCalendar> calendars, Map<String, CalendarYaml> written) {
        YamlFile file = values.file();
        String key = "plans." + name;
        Map<Integer, Targets> targets = new LinkedHashMap<>();
        severities.forEach((severity, given) -> {
            String severityKey = key + "." + severity;
            if (!severity.matches("[1-4]")) {
                file.problem(severityKey, "is no severity: severities are 1, 2, 3 and 4");
            } else if (values.present(severityKey, given)) {
                targets(values, severityKey, given, calendars, written).ifPresent(read -> targets.put(Integer.valueOf(severity), read));
            }
        });
        for (int severity = 1; severity <= 4; severity++) {
            if (!severities.containsKey(Integer.toString(severity))) {
                file.problem(key, "severity " + severity + " is missing: a plan sets the targets of every severity, 1 to 4");
            }
        }
        boolean complete = targets.size() == 4;   // or a calendar it names is wrong, which is reported where it is defined
        return file.hasProblemAt(key) || !complete ? Optional.empty() : Optional.of(new SlaPlan(name, targets));
    }

    /** Reads every target even where the calendar is wrong, so that all mistakes are reported at once. */
    private static Optional<Targets> targets(YamlValues values, String key, TargetsYaml given,
            Map<String, SlaCalendar> calendars, Map<String, CalendarYaml> written) {
        YamlFile file = values.file();
        if (!values.require(key + ".calendar", given.calendar(), "is missing: name one of the calendars")) {
            return Optional.empty();
        }
        CalendarYaml named = written.get(given.calendar());
        if (named == null) {
            file.problem(key + ".calendar", "unknown calendar '" + given.calendar() + "' (known: "
                    + String.join(", ", written.keySet()) + ")");
            return Optional.empty();
        }
        boolean businessHours = named.hours() == null;
        BiFunction<String, String, Optional<SlaDuration>> duration = (target, text) -> text == null
                ? Optional.empty()   // a missing target means none
                : SlaDurationText.read(file, key + "." + target, text, given.calendar(), businessHours);
        Optional<SlaDuration> firstResponse = duration.apply("firstResponse", given.firstResponse());
        Optional<SlaDuration> updateEvery = duration.apply("updateEvery", given.updateEvery());
        Optional<SlaDuration> resolution = duration.apply("resolution", given.resolution());
        Optional<Integer> warnAt = given.warnAt() == null ? Optional.of(Targets.DEFAULT_WARN_AT_PERCENT)
                : SlaDurationText.percent(file, key + ".warnAt", given.warnAt());
        SlaCalendar calendar = calendars.get(given.calendar());   // none where it is wrong, as reported where it is defined
        if (calendar == null || file.hasProblemAt(key)) {
            return Optional.empty();
        }
        return Optional.of(new Targets(calendar, firstResponse, updateEvery, resolution, warnAt.orElseThrow()));
    }
}
