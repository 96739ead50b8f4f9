package io.github.camelframeio.frameio.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of the official document as one JSON Schema 2020-12 resource, compiled by networknt's validator.
 * <p>
 * The document is OpenAPI 3.0, whose schema dialect differs from JSON Schema on four points, each translated here,
 * in memory (the shipped bytes stay as they are):
 * <ol>
 * <li>{@code nullable: true} becomes a {@code null} type (or, beside {@code allOf}, {@code $ref} or {@code oneOf},
 * an {@code anyOf} with {@code null}), so that {@code head_version}'s null is not lost by merging;</li>
 * <li>{@code additionalProperties: false} beside {@code allOf} means "no fields beyond those the members
 * declare" ({@code AddAssetResponse}, {@code FileWithIncludes}, {@code OriginalMediaLink}, ...). Read literally it
 * would refuse every field, and {@code unevaluatedProperties} would let {@code MediaLinkCommon}'s
 * {@code additionalProperties: true} admit anything; so the declared names (properties and required fields of
 * every member) are listed and everything else refused;</li>
 * <li>a {@code discriminator} makes each {@code oneOf} branch require its mapping's value of the property, so that
 * branches that differ only in a nullable value (the metadata field types) do not all match;</li>
 * <li>OpenAPI-only keywords ({@code example}, {@code discriminator}, ...) and formats JSON Schema does not know
 * ({@code int32}, {@code datetime}) are dropped; {@code enum} values are de-duplicated ({@code FieldValueCommon}
 * lists {@code users} twice).</li>
 * </ol>
 * In <em>strict</em> mode every object a response carries is also closed where the document leaves it open
 * (except {@code MediaLinkCommon}, which says {@code additionalProperties: true}): a field the contract does not
 * name fails, so that drift in what the simulator sends cannot go unnoticed.
 */
final class OpenApiSchemas {

    private static final String ID = "urn:frameio-shares:contract";
    private static final String COMPONENTS_REF = "#/components/schemas/";
    private static final Set<String> FORMATS = Set.of("uuid", "date-time");
    private static final Set<String> DROPPED = Set.of("example", "examples", "discriminator", "nullable", "xml",
            "externalDocs", "deprecated", "title", "description", "default", "readOnly", "writeOnly");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;


    private final boolean strict;
    private final JsonNode components;
    private final ObjectNode defs = NODES.objectNode();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private OpenApiSchemas(boolean strict) {
        this.strict = strict;
        JsonNode document = FrameioContract.shared();
        this.components = document.path("components").path("schemas");
        components.fields().forEachRemaining(e -> {
            defs.set(e.getKey(), convert(e.getValue(), false, true));
            // the schema as a value would use it (closed in strict mode), for checking examples and fixtures
            defs.set(use(e.getKey()), convert(NODES.objectNode().put("$ref", COMPONENTS_REF + e.getKey()), false, false));
        });
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("operationId")) {
                operation(op.getValue());
            }
        }));
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID);
        root.set("$defs", defs);
        String text = root.toString();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(ID, text))));
        this.config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
    }

    /** For requests: the document's own rules, nothing more. */
    static OpenApiSchemas lenient() {
        return Lenient.INSTANCE;
    }

    /** For responses under test: every object closed, see the class comment. */
    static OpenApiSchemas strict() {
        return Strict.INSTANCE;
    }

    /** Built on first use: a client never pays for the strict set it does not use. */
    private static final class Lenient {
        static final OpenApiSchemas INSTANCE = new OpenApiSchemas(false);
    }

    private static final class Strict {
        static final OpenApiSchemas INSTANCE = new OpenApiSchemas(true);
    }

    /** The compiled schema of a definition ({@code Share}, or {@code request:shares.create} and the like). */
    JsonSchema schema(String definition) {
        return compiled.computeIfAbsent(definition, name -> {
            if (!defs.has(name)) {
                throw new IllegalArgumentException("No schema " + name + " in the contract");
            }
            JsonSchema schema = factory.getSchema(SchemaLocation.of(ID + "#/$defs/" + pointerEscape(name)), config);
            schema.initializeValidators();
            return schema;
        });
    }

    /** Whether the contract has this definition. */
    boolean has(String definition) {
        return defs.has(definition);
    }

    static String use(String schemaName) {
        return "use:" + schemaName;
    }

    static String request(String operationId) {
        return "request:" + operationId;
    }

    static String response(String operationId, String status) {
        return "response:" + operationId + ":" + status;
    }

    static String query(String operationId, String parameter) {
        return "query:" + operationId + ":" + parameter;
    }

    static String path(String operationId, String parameter) {
        return "path:" + operationId + ":" + parameter;
    }

    static String header(String operationId, String status, String header) {
        return "header:" + operationId + ":" + status + ":" + header;
    }

    // ---- the operations' schemas as definitions ----------------------------------------------------------------

    private void operation(JsonNode op) {
        String id = op.get("operationId").asText();
        for (JsonNode parameter : op.path("parameters")) {
            String in = parameter.path("in").asText();
            String name = in.equals("query") ? query(id, parameter.path("name").asText())
                    : in.equals("path") ? path(id, parameter.path("name").asText()) : null;
            if (name != null && parameter.has("schema")) {
                defs.set(name, convert(parameter.get("schema"), false, true));
            }
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            defs.set(request(id), convert(body, false, true));
        }
        op.path("responses").fields().forEachRemaining(response -> {
            JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
            if (!schema.isMissingNode()) {
                defs.set(response(id, response.getKey()), convert(schema, false, false));
            }
            response.getValue().path("headers").fields().forEachRemaining(header -> {
                if (header.getValue().has("schema")) {
                    defs.set(header(id, response.getKey(), header.getKey()),
                            convert(header.getValue().get("schema"), false, true));
                }
            });
        });
    }

    // ---- OpenAPI 3.0 schema to JSON Schema 2020-12 --------------------------------------------------------------

    /**
     * @param allOfMember a member of an {@code allOf}: never closed on its own (the composition is closed where it
     *                    is used)
     * @param definition  a definition shared by every use: strict closing happens where it is used, not here
     */
    private JsonNode convert(JsonNode node, boolean allOfMember, boolean definition) {
        if (!node.isObject()) {
            return node.deepCopy();
        }
        ObjectNode out = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (DROPPED.contains(key)) {
                continue;
            }
            switch (key) {
                case "$ref" -> out.put("$ref", "#/$defs/" + pointerEscape(refName(value.asText())));
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.fields().forEachRemaining(p -> properties.set(p.getKey(), convert(p.getValue(), false, false)));
                }
                case "items" -> out.set("items", convert(value, false, false));
                case "additionalProperties" -> out.set(key, value.isObject() ? convert(value, false, false) : value);
                case "allOf" -> {
                    ArrayNode members = out.putArray("allOf");
                    value.forEach(m -> members.add(convert(m, true, false)));
                }
                case "oneOf", "anyOf" -> {
                    if (node.has("discriminator")) {
                        discriminated(node, out);
                    } else {
                        ArrayNode members = out.putArray(key);
                        value.forEach(m -> members.add(convert(m, false, false)));
                    }
                }
                case "format" -> {
                    if (FORMATS.contains(value.asText())) {
                        out.set(key, value);
                    }
                }
                case "enum" -> {
                    Set<JsonNode> unique = new LinkedHashSet<>();
                    value.forEach(unique::add);
                    out.putArray("enum").addAll(unique);
                }
                default -> out.set(key, value.deepCopy());
            }
        }
        boolean composed = node.has("allOf") || node.has("oneOf") || node.has("anyOf") || node.has("$ref");
        JsonNode additional = node.get("additionalProperties");
        if (additional != null && additional.isBoolean() && !additional.asBoolean() && composed) {
            close(out, declaredNames(node)); // the document's own "nothing beyond the members"
        } else if (strict && !allOfMember && !definition && closeable(node)) {
            close(out, declaredNames(node));
        }
        return node.path("nullable").asBoolean(false) ? nullable(out) : out;
    }

    /** {@code oneOf} with a discriminator: each branch requires the discriminator's values mapped to it. */
    private void discriminated(JsonNode node, ObjectNode out) {
        JsonNode discriminator = node.get("discriminator");
        String property = discriminator.path("propertyName").asText();
        JsonNode members = node.has("oneOf") ? node.get("oneOf") : node.get("anyOf");
        if (members.size() == 1) {
            out.putArray("allOf").add(convert(members.get(0), true, false));
            return;
        }
        ArrayNode branches = out.putArray("oneOf");
        for (JsonNode member : members) {
            ArrayNode values = NODES.arrayNode();
            discriminator.path("mapping").fields().forEachRemaining(m -> {
                if (m.getValue().asText().equals(member.path("$ref").asText())) {
                    values.add(m.getKey());
                }
            });
            ObjectNode branch = NODES.objectNode();
            ObjectNode selector = branch.putArray("allOf").addObject();
            selector.putObject("properties").putObject(property).set("enum", values);
            selector.putArray("required").add(property);
            ((ArrayNode) branch.get("allOf")).add(convert(member, true, false));
            if (strict && closeable(member)) {
                close(branch, declaredNames(member));
            }
            branches.add(branch);
        }
    }

    /** Allows exactly these field names: each listed with the schema {@code true}, everything else refused. */
    private static void close(ObjectNode out, Set<String> names) {
        ObjectNode properties = out.has("properties") ? (ObjectNode) out.get("properties") : out.putObject("properties");
        for (String name : names) {
            if (!properties.has(name)) {
                properties.put(name, true);
            }
        }
        out.put("additionalProperties", false);
    }

    private static JsonNode nullable(ObjectNode out) {
        boolean composed = out.has("$ref") || out.has("allOf") || out.has("oneOf") || out.has("anyOf");
        JsonNode type = out.get("type");
        if (!composed && type != null && type.isTextual()) {
            out.putArray("type").add(type.asText()).add("null");
            if (out.has("enum")) {
                ((ArrayNode) out.get("enum")).addNull();
            }
            return out;
        }
        ObjectNode either = NODES.objectNode();
        ArrayNode anyOf = either.putArray("anyOf");
        anyOf.addObject().put("type", "null");
        anyOf.add(out);
        return either;
    }

    /** An object schema that neither says it is open nor is a union (whose branches are closed instead). */
    private boolean closeable(JsonNode node) {
        JsonNode target = resolve(node);
        if (target.has("oneOf") || target.has("anyOf") || isOpen(target) || target.has("additionalProperties")) {
            return false;
        }
        return isObject(target);
    }

    private boolean isObject(JsonNode node) {
        JsonNode target = resolve(node);
        if ("object".equals(target.path("type").asText()) || target.has("properties")) {
            return true;
        }
        for (JsonNode member : target.path("allOf")) {
            if (isObject(member)) {
                return true;
            }
        }
        return false;
    }

    private boolean isOpen(JsonNode node) {
        JsonNode target = resolve(node);
        JsonNode additional = target.get("additionalProperties");
        if (additional != null && (additional.isObject() || additional.asBoolean(false))) {
            return true;
        }
        for (JsonNode member : target.path("allOf")) {
            if (isOpen(member)) {
                return true;
            }
        }
        return false;
    }

    /** Every field name an object schema declares: its properties and required fields, and those of its allOf. */
    private Set<String> declaredNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode target = resolve(node);
        target.path("properties").fieldNames().forEachRemaining(names::add);
        target.path("required").forEach(n -> names.add(n.asText()));
        for (JsonNode member : target.path("allOf")) {
            names.addAll(declaredNames(member));
        }
        return names;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 16 && current.has("$ref"); i++) {
            current = components.path(refName(current.get("$ref").asText()));
        }
        return current;
    }

    private static String refName(String ref) {
        if (!ref.startsWith(COMPONENTS_REF)) {
            throw new IllegalStateException("Unexpected $ref " + ref + " in the contract");
        }
        return ref.substring(COMPONENTS_REF.length());
    }

    private static String pointerEscape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
