package io.github.camelframeio.frameio.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a compiled schema and turns the validator's messages into {@link Violation}s: one per problem, with the
 * noise of unions removed (the branches of a discriminated {@code oneOf} that the discriminator did not select,
 * the {@code null} branch of a nullable value, and the summaries of both).
 */
final class SchemaViolations {

    /** A branch whose discriminator did not match: {@code .../oneOf/2/allOf/0/properties/type/enum}. */
    private static final Pattern UNSELECTED_BRANCH = Pattern.compile("(.*/oneOf/\\d+)/allOf/0/(properties/[^/]+/enum|required)$");
    private static final Pattern NULL_BRANCH = Pattern.compile(".*/anyOf/0/type$");

    private SchemaViolations() {
    }

    /**
     * @param prefix a pointer put before every instance location: {@code /page_size} for a query parameter, empty for
     *               a body
     */
    static List<Violation> validate(JsonSchema schema, JsonNode instance, Violation.Location location, String prefix) {
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(instance));
        if (messages.isEmpty()) {
            return List.of();
        }
        Set<String> unselected = new LinkedHashSet<>();
        for (ValidationMessage m : messages) {
            Matcher branch = UNSELECTED_BRANCH.matcher(m.getEvaluationPath().toString());
            if (branch.matches()) {
                unselected.add(branch.group(1) + "/");
            }
        }
        List<ValidationMessage> kept = new ArrayList<>();
        for (ValidationMessage m : messages) {
            String path = m.getEvaluationPath().toString();
            boolean inUnselected = unselected.stream().anyMatch(path::startsWith);
            boolean nullBranch = NULL_BRANCH.matcher(path).matches() && "null".equals(m.getSchemaNode().asText());
            if (!inUnselected && !nullBranch) {
                kept.add(m);
            }
        }
        boolean specific = kept.stream().anyMatch(m -> !isSummary(m));
        Set<Violation> result = new LinkedHashSet<>();
        for (ValidationMessage m : kept) {
            if (!(specific && isSummary(m))) {
                result.add(violation(m, location, prefix));
            }
        }
        return List.copyOf(result);
    }

    private static boolean isSummary(ValidationMessage m) {
        return "oneOf".equals(m.getType()) || "anyOf".equals(m.getType());
    }

    private static Violation violation(ValidationMessage m, Violation.Location location, String prefix) {
        String pointer = prefix + m.getInstanceLocation().toString();
        JsonNode instance = m.getInstanceNode();
        JsonNode keyword = m.getSchemaNode();
        return switch (m.getType()) {
            case "required" -> new Violation(location, pointer + "/" + escape(m.getProperty()),
                    Violation.Kind.MISSING_FIELD, "", "");
            case "additionalProperties" -> new Violation(location, pointer + "/" + escape(m.getProperty()),
                    Violation.Kind.UNEXPECTED_FIELD, "", "");
            case "type" -> {
                String expected = expectedType(m.getArguments()[1].toString());
                yield instance == null || instance.isNull()
                        ? new Violation(location, pointer, Violation.Kind.NULL_VALUE, expected, "null")
                        : new Violation(location, pointer, Violation.Kind.WRONG_TYPE, expected, typeName(instance));
            }
            case "enum" -> new Violation(location, pointer, Violation.Kind.NOT_IN_ENUM, values(keyword), "");
            case "const" -> new Violation(location, pointer, Violation.Kind.NOT_IN_ENUM, "[" + keyword.asText() + "]", "");
            case "minLength" -> new Violation(location, pointer, Violation.Kind.TOO_SHORT, keyword.asText(),
                    Integer.toString(length(instance)));
            case "maxLength" -> new Violation(location, pointer, Violation.Kind.TOO_LONG, keyword.asText(),
                    Integer.toString(length(instance)));
            case "minItems" -> new Violation(location, pointer, Violation.Kind.TOO_FEW_ITEMS, keyword.asText(),
                    Integer.toString(instance.size()));
            case "maxItems" -> new Violation(location, pointer, Violation.Kind.TOO_MANY_ITEMS, keyword.asText(),
                    Integer.toString(instance.size()));
            case "minimum" -> new Violation(location, pointer, Violation.Kind.BELOW_MINIMUM, keyword.asText(),
                    instance.asText());
            case "maximum" -> new Violation(location, pointer, Violation.Kind.ABOVE_MAXIMUM, keyword.asText(),
                    instance.asText());
            case "minProperties" -> new Violation(location, pointer, Violation.Kind.TOO_FEW_FIELDS, keyword.asText(),
                    Integer.toString(instance.size()));
            case "maxProperties" -> new Violation(location, pointer, Violation.Kind.TOO_MANY_FIELDS, keyword.asText(),
                    Integer.toString(instance.size()));
            case "uniqueItems" -> new Violation(location, pointer, Violation.Kind.NOT_UNIQUE, "", "");
            case "format" -> new Violation(location, pointer, Violation.Kind.BAD_FORMAT, keyword.asText(),
                    quoted(instance));
            default -> new Violation(location, pointer, Violation.Kind.OTHER, "", m.getMessage());
        };
    }

    /** {@code "[string, null]"} or {@code "boolean"} as the one non-null type expected. */
    private static String expectedType(String declared) {
        for (String type : declared.replace("[", "").replace("]", "").split(",")) {
            String t = type.trim();
            if (!t.isEmpty() && !t.equals("null")) {
                return t;
            }
        }
        return declared;
    }

    static String typeName(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return node.isArray() ? "array" : "object";
    }

    private static String values(JsonNode enumeration) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        enumeration.forEach(v -> {
            if (!v.isNull()) {
                joiner.add(v.asText());
            }
        });
        return joiner.toString();
    }

    private static int length(JsonNode instance) {
        String text = instance.asText();
        return text.codePointCount(0, text.length());
    }

    /** An identifier, address or timestamp that failed its format, quoted for the message (cut, controls escaped). */
    static String quoted(JsonNode instance) {
        return instance != null && instance.isTextual() ? "'" + printable(instance.asText()) + "'" : "";
    }

    static String printable(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        StringBuilder sb = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
