package org.ticketpost.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3 document of the API, kept by hand as openapi.yaml beside this class and served as
 * JSON. OpenApiDocumentTest checks that it names every route the API registers, and no other.
 */
final class OpenApiDocument {

    static final String RESOURCE = "openapi.yaml";

    private final JsonNode tree;
    private final String json;

    private OpenApiDocument(JsonNode tree) {
        this.tree = tree;
        this.json = tree.toString();
    }

    static OpenApiDocument load() {
        try (InputStream yaml = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (yaml == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + OpenApiDocument.class.getName());
            }
            return new OpenApiDocument(new YAMLMapper().readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    JsonNode tree() {
        return tree;
    }

    String json() {
        return json;
    }
}
