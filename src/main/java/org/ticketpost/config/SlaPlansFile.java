package org.ticketpost.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;

/** Reads config/sla-plans.yaml. */
public final class SlaPlansFile {

    public static final String NAME = "sla-plans.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SlaPlansFile() {
    }

    /** The names of the plans a support key may name. */
    public static List<String> planNames(Folder config) {
        JsonNode root;
        try {
            root = YAML.readTree(config.require(NAME));
        } catch (JsonProcessingException e) {
            throw new ConfigException(NAME + " is not valid YAML: " + e.getOriginalMessage());
        }
        List<String> names = new ArrayList<>();
        if (root != null) {
            root.path("plans").fieldNames().forEachRemaining(names::add);
        }
        if (names.isEmpty()) {
            throw new ConfigException(config.location(NAME) + " defines no plans");
        }
        return names;
    }
}
