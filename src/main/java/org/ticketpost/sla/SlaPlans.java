package org.ticketpost.sla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.ticket.ServiceLevel;
import org.ticketpost.ticket.ServiceLevels;

/** The plans a support key can name, in the order config/sla-plans.yaml gives them. */
public record SlaPlans(List<SlaPlan> plans) implements ServiceLevels {

    public SlaPlans {
        plans = List.copyOf(plans);
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("there is no SLA plan");
        }
        Map<String, SlaPlan> byName = new LinkedHashMap<>();
        for (SlaPlan plan : plans) {
            if (byName.put(plan.name(), plan) != null) {
                throw new IllegalArgumentException("two plans are named " + plan.name());
            }
        }
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        plans.forEach(plan -> names.add(plan.name()));
        return List.copyOf(names);
    }

    public Optional<SlaPlan> plan(String name) {
        return plans.stream().filter(plan -> plan.name().equals(name)).findFirst();
    }

    /**
     * What a plan promises for a severity, with the calendar its clocks run on; nothing for a
     * plan the file does not hold.
     *
     * @param severity 1 to 4
     * @throws IllegalArgumentException for another severity
     */
    public Optional<Targets> targets(String plan, int severity) {
        if (severity < 1 || severity > 4) {
            throw new IllegalArgumentException("severity is 1 to 4, was " + severity);
        }
        return plan(plan).map(found -> found.targets(severity));
    }

    @Override
    public ServiceLevel of(String plan, int severity) {
        return plan(plan).<ServiceLevel>map(found -> found.targets(severity)).orElse(ServiceLevel.NONE);
    }
}
