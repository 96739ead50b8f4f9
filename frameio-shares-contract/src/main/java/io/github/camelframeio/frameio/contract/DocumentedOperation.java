package io.github.camelframeio.frameio.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation as the official document declares it: method, path, parameters and responses. Read from the
 * document, never written by hand: {@link SharesOperation} is held to it by a test, the validators read it.
 *
 * @param operationId Frame.io's operationId
 * @param method      the HTTP method, upper case
 * @param path        the path template
 * @param parameters  path and query parameters by name, in the document's order
 * @param responses   every declared status (e.g. {@code "200"}) with its headers and whether it has a JSON body
 * @param description the operation's description (it states the rate limit)
 */
public record DocumentedOperation(String operationId, String method, String path, Map<String, Parameter> parameters,
                                  Map<String, Response> responses, String description) {

    /**
     * A path or query parameter.
     *
     * @param name     its name
     * @param in       {@code path} or {@code query}
     * @param required whether it must be sent
     * @param schema   the name of the schema it refers to ({@code UUID}, {@code FrameOrAdobeId}), or null when inline
     * @param type     its JSON type once the reference is followed ({@code string}, {@code integer}, {@code boolean})
     */
    public record Parameter(String name, String in, boolean required, String schema, String type) {
    }

    /**
     * A declared answer.
     *
     * @param status  the status, e.g. {@code "201"}
     * @param headers the declared headers (lower case) and whether each is required
     * @param json    whether the answer has a JSON body
     */
    public record Response(String status, Map<String, Boolean> headers, boolean json) {
    }

    /** Every operation of the document, by operationId. */
    public static Map<String, DocumentedOperation> all() {
        return Index.ALL;
    }

    /** The operation of an operationId, or an exception naming it. */
    public static DocumentedOperation of(String operationId) {
        DocumentedOperation op = Index.ALL.get(operationId);
        if (op == null) {
            throw new IllegalArgumentException("No operation " + operationId + " in the Frame.io contract");
        }
        return op;
    }

    /** The parameters of one kind ({@code path} or {@code query}). */
    public List<Parameter> parameters(String in) {
        return parameters.values().stream().filter(p -> p.in().equals(in)).toList();
    }

    private static final class Index {
        static final Map<String, DocumentedOperation> ALL = read(FrameioContract.shared());

        private static Map<String, DocumentedOperation> read(JsonNode document) {
            Map<String, DocumentedOperation> all = new LinkedHashMap<>();
            document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(e -> {
                JsonNode op = e.getValue();
                if (!op.has("operationId")) {
                    return;
                }
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode schema = p.path("schema");
                    String ref = schema.path("$ref").asText(null);
                    String refName = ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
                    JsonNode resolved = refName == null ? schema : document.at("/components/schemas/" + refName);
                    parameters.put(p.path("name").asText(), new Parameter(p.path("name").asText(), p.path("in").asText(),
                            p.path("required").asBoolean(false), refName, resolved.path("type").asText("string")));
                }
                Map<String, Response> responses = new LinkedHashMap<>();
                op.path("responses").fields().forEachRemaining(r -> {
                    Map<String, Boolean> headers = new LinkedHashMap<>();
                    r.getValue().path("headers").fields().forEachRemaining(h -> headers.put(
                            h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue().path("required").asBoolean(false)));
                    responses.put(r.getKey(), new Response(r.getKey(), Collections.unmodifiableMap(headers),
                            r.getValue().path("content").has("application/json")));
                });
                String id = op.get("operationId").asText();
                all.put(id, new DocumentedOperation(id, e.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        Collections.unmodifiableMap(parameters), Collections.unmodifiableMap(responses),
                        op.path("description").asText("")));
            }));
            return Collections.unmodifiableMap(all);
        }
    }
}
