package io.github.camelframeio.frameio.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks an answer against the official document, strictly: the status must be one the operation declares, every
 * required header must be there with a value of its schema, the body must be JSON of the status's schema with
 * nothing the contract does not name (see {@link OpenApiSchemas} on strict mode), and a 204 must have no body.
 * The simulator's contract tests and the component's tests check every answer with it; users can check their own
 * stubs.
 */
public final class ResponseValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResponseValidator() {
    }

    public static List<Violation> validate(SharesOperation op, int status, Map<String, List<String>> headers,
                                           String body) {
        return validate(op.operationId(), status, headers, body);
    }

    /**
     * @param headers the answer's headers (any case)
     * @param body    the body as text; null or empty for none
     */
    public static List<Violation> validate(String operationId, int status, Map<String, List<String>> headers,
                                           String body) {
        DocumentedOperation op = DocumentedOperation.of(operationId);
        String code = Integer.toString(status);
        DocumentedOperation.Response declared = op.responses().get(code);
        if (declared == null) {
            return List.of(new Violation(Violation.Location.STATUS, "", Violation.Kind.UNDECLARED_STATUS,
                    String.join(", ", op.responses().keySet()), code));
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                byName.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        declared.headers().forEach((name, required) -> {
            List<String> values = byName.get(name);
            String value = values == null || values.isEmpty() ? null : values.get(0);
            if (value == null) {
                if (required) {
                    violations.add(new Violation(Violation.Location.HEADER, "/" + name, Violation.Kind.MISSING_FIELD,
                            "", ""));
                }
                return;
            }
            String schema = OpenApiSchemas.header(operationId, code, name);
            if (OpenApiSchemas.strict().has(schema)) {
                JsonNode typed;
                try {
                    typed = LongNode.valueOf(Long.parseLong(value.trim()));
                } catch (NumberFormatException e) {
                    typed = TextNode.valueOf(value);
                }
                violations.addAll(SchemaViolations.validate(OpenApiSchemas.strict().schema(schema), typed,
                        Violation.Location.HEADER, "/" + name));
            }
        });
        boolean empty = body == null || body.isEmpty();
        if (!declared.json()) {
            if (!empty) {
                violations.add(new Violation(Violation.Location.BODY, "", Violation.Kind.OTHER, "",
                        "status " + code + " must have no body"));
            }
            return violations;
        }
        String contentType = byName.containsKey("content-type") ? byName.get("content-type").get(0) : "";
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            violations.add(new Violation(Violation.Location.HEADER, "/content-type", Violation.Kind.OTHER, "",
                    "content-type must be application/json, was '" + contentType + "'"));
        }
        if (empty) {
            violations.add(new Violation(Violation.Location.BODY, "", Violation.Kind.MISSING_FIELD, "", ""));
            return violations;
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            violations.add(new Violation(Violation.Location.BODY, "", Violation.Kind.OTHER, "",
                    "the body is not JSON: " + e.getOriginalMessage()));
            return violations;
        }
        violations.addAll(SchemaViolations.validate(OpenApiSchemas.strict().schema(OpenApiSchemas.response(operationId,
                code)), json, Violation.Location.BODY, ""));
        return violations;
    }

    /** Checks one value against a named schema of the contract, strictly (e.g. an example, or a stored fixture). */
    public static List<Violation> validateSchema(String schemaName, JsonNode value) {
        return SchemaViolations.validate(OpenApiSchemas.strict().schema(OpenApiSchemas.use(schemaName)), value,
                Violation.Location.BODY, "");
    }
}
