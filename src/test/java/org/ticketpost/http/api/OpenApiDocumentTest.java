package org.ticketpost.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** openapi.yaml, kept by hand, against the routes the API registers with Javalin: each is described, and nothing else. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode document = OpenApiDocument.load().tree();

    @Test
    void describesEveryRouteTheApiRegistersAndNoOther() {
        Set<String> registered = new TreeSet<>();
        Javalin.create(config -> {
            config.events.handlerAdded(handler -> registered.add(handler.getHttpMethod().name() + " " + handler.getPath()));
            new EngineersApi(null, null, null).addTo(config.routes);
        });

        assertThat(registered).as("the routes Javalin has").isNotEmpty().allMatch(route -> route.contains(" /api/"));
        assertThat(described()).isEqualTo(registered);
    }

    @Test
    void everyRouteButTheDocumentAsksForTheEngineersBearerTokenAndSaysWhatItAnswersWithout() {
        assertThat(document.get("openapi").asText()).startsWith("3.0.");
        assertThat(document.at("/components/securitySchemes/engineerToken/type").asText()).isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/engineerToken/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("engineerToken")).isTrue();
        operations().forEach((route, operation) -> {
            boolean open = operation.has("security") && operation.get("security").isEmpty();
            assertThat(open).as(route + " is open").isEqualTo(route.equals("GET /api/openapi.json"));
            if (!open) {
                assertThat(operation.get("responses").has("401")).as(route + " answers 401").isTrue();
                assertThat(operation.get("responses").has("403")).as(route + " answers 403").isTrue();
            }
        });
    }

    @Test
    void everyReferenceLeadsToAComponent() {
        Set<String> missing = new TreeSet<>();
        references(document, missing);
        assertThat(missing).as("$refs with no component").isEmpty();
    }

    private Set<String> described() {
        return operations().keySet();
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.put(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), entry.getValue());
            }
        }));
        return operations;
    }

    private void references(JsonNode node, Set<String> missing) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
                missing.add(ref);
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            references(children.next(), missing);
        }
    }
}
