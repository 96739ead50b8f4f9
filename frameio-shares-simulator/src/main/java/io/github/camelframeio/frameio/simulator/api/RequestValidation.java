package io.github.camelframeio.frameio.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.camelframeio.frameio.simulator.state.SimClock;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates request bodies against the V4 Shares schemas (CreateShareParams, UpdateShareParams, AddAssetParams,
 * AddReviewersToShareParams, RemoveReviewerParams) and reports every violation at once, in the wording and with the
 * JSON pointers of Frame.io's OpenApiSpex-style 422 responses.
 */
public final class RequestValidation {

    static final Pattern UUID_PATTERN = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private enum Type { STRING, BOOLEAN, INTEGER, UUID, DATE_TIME, ENUM, UUID_ARRAY, ID_ARRAY, SORT_BY }

    /** One settable share field and its schema constraints. */
    private record Field(String name, Type type, boolean nullable, int min, int max, List<String> values) {
        static Field of(String name, Type type, boolean nullable) {
            return new Field(name, type, nullable, -1, -1, List.of());
        }

        static Field length(String name, boolean nullable, int min, int max) {
            return new Field(name, Type.STRING, nullable, min, max, List.of());
        }

        static Field oneOf(String name, String... values) {
            return new Field(name, Type.ENUM, false, -1, -1, List.of(values));
        }

        Field nullable(boolean value) {
            return new Field(name, type, value, min, max, values);
        }

        Field minimum(int value) {
            return new Field(name, type, nullable, value, max, values);
        }
    }

    /** Fields that create and update share (beyond name, access, description), in the order of the Share schema. */
    private static final List<Field> COMMON = List.of(
            Field.oneOf("access", "public", "secure"),
            Field.length("passphrase", true, -1, 255),
            Field.of("expiration", Type.DATE_TIME, true),
            Field.of("enabled", Type.BOOLEAN, false),
            Field.of("downloading_enabled", Type.BOOLEAN, false),
            Field.of("commenting_enabled", Type.BOOLEAN, false),
            Field.of("accent_color", Type.STRING, true),
            Field.oneOf("layout", "grid", "list", "reel"),
            Field.oneOf("theme", "dark", "light", "neutral"),
            Field.oneOf("card_aspect_ratio", "horizontal", "square", "vertical"),
            Field.oneOf("reel_card_aspect_ratio", "horizontal", "square", "vertical"),
            Field.oneOf("card_size", "small", "medium", "large"),
            Field.oneOf("list_row_size", "small", "medium", "large"),
            Field.oneOf("thumbnail_scale", "fit", "fill"),
            new Field("title_line_count", Type.INTEGER, false, 1, 2, List.of()),
            Field.of("card_info_enabled", Type.BOOLEAN, false),
            Field.of("icons_visible_on_list", Type.BOOLEAN, false),
            Field.of("name_column_width", Type.INTEGER, true),
            Field.of("reel_card_fit_image", Type.BOOLEAN, false),
            Field.of("show_asset_name_in_reel_layout", Type.BOOLEAN, false),
            Field.of("open_in_viewer_enabled", Type.BOOLEAN, false),
            Field.of("editable_fields_enabled", Type.BOOLEAN, false),
            Field.of("featured_field_definition_id", Type.UUID, true),
            Field.of("visible_field_definition_ids", Type.UUID_ARRAY, false),
            Field.of("sort_by", Type.SORT_BY, false),
            Field.of("show_all_asset_versions", Type.BOOLEAN, true),
            Field.of("captions_enabled", Type.BOOLEAN, true),
            Field.of("transcripts_enabled", Type.BOOLEAN, true),
            Field.of("watermark_enabled", Type.BOOLEAN, true),
            Field.of("forensic_watermark_enabled", Type.BOOLEAN, false),
            Field.of("drm_enabled", Type.BOOLEAN, false));

    private static final Field NAME = Field.length("name", false, 1, 175);
    private static final Field DESCRIPTION = Field.length("description", true, -1, 640);
    private static final Field TYPE = Field.oneOf("type", "asset");
    private static final Field ASSET_IDS = new Field("asset_ids", Type.ID_ARRAY, false, 1, 100, List.of());

    private static final Map<String, Field> CREATE_FIELDS = index(TYPE, NAME, DESCRIPTION, ASSET_IDS);
    private static final Map<String, Field> UPDATE_FIELDS = index(NAME.nullable(true), DESCRIPTION.minimum(1));

    private static final List<String> ADD_REVIEWER_KEYS = List.of("adobe_user_ids", "emails", "user_ids", "share_list_ids");
    private static final List<String> REMOVE_REVIEWER_KEYS = List.of("adobe_user_ids", "emails", "user_ids");

    /** A valid create request: the share's fields (without type and asset_ids) and the asset ids. */
    public record CreateRequest(Map<String, JsonNode> fields, List<String> assetIds) {
    }

    /**
     * A valid reviewer request.
     *
     * @param kind        the identifier type: {@code adobe_user_ids}, {@code emails}, {@code user_ids} or
     *                    {@code share_list_ids}; null when a remove request names nobody
     * @param identifiers the identifiers, in request order
     * @param message     the notification message (add only)
     * @param notifyByEmail whether to send e-mails (add only)
     */
    public record ReviewerRequest(String kind, List<String> identifiers, String message, boolean notifyByEmail) {
    }

    private RequestValidation() {
    }

    private static Map<String, Field> index(Field... specific) {
        Map<String, Field> all = new LinkedHashMap<>();
        for (Field f : specific) {
            all.put(f.name(), f);
        }
        for (Field f : COMMON) {
            all.put(f.name(), f);
        }
        return all;
    }

    /** The names of every field a share can echo beyond the thirteen required ones, for documentation and tests. */
    public static List<String> optionalShareFields() {
        List<String> names = new ArrayList<>();
        names.add("passphrase");
        for (Field f : COMMON) {
            if (!List.of("access", "passphrase", "expiration", "enabled", "downloading_enabled", "commenting_enabled")
                    .contains(f.name())) {
                names.add(f.name());
            }
        }
        return names;
    }

    public static CreateRequest create(JsonNode body) {
        Errors errors = new Errors();
        ObjectNode data = envelope(body, errors);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        List<String> assetIds = new ArrayList<>();
        if (data != null) {
            for (String required : List.of("type", "name", "access")) {
                if (!data.has(required)) {
                    errors.add("/data/" + required, "Missing field: " + required);
                }
            }
            fields = shareFields(data, CREATE_FIELDS, errors);
            JsonNode ids = fields.remove("asset_ids");
            fields.remove("type");
            if (ids != null && ids.isArray()) {
                ids.forEach(id -> assetIds.add(id.asText()));
            }
        }
        errors.throwIfAny();
        return new CreateRequest(fields, assetIds);
    }

    public static Map<String, JsonNode> update(JsonNode body) {
        Errors errors = new Errors();
        ObjectNode data = envelope(body, errors);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (data != null) {
            if (data.size() < 1) {
                errors.add("/data", "Object property count 0 is less than minProperties: 1");
            }
            fields = shareFields(data, UPDATE_FIELDS, errors);
        }
        errors.throwIfAny();
        return fields;
    }

    /**
     * The fields of a web-app edit ({@code PATCH /_sim/shares/{id}}): update fields, with or without the data
     * envelope.
     */
    public static Map<String, JsonNode> webAppEdit(JsonNode body) {
        if (body != null && body.isObject() && !(body.size() == 1 && body.has("data"))) {
            ObjectNode wrapped = Json.object();
            wrapped.set("data", body);
            return update(wrapped);
        }
        return update(body);
    }

    public static String addAsset(JsonNode body) {
        Errors errors = new Errors();
        ObjectNode data = envelope(body, errors);
        String assetId = null;
        if (data != null) {
            unexpected(data, "/data", Set.of("asset_id"), errors);
            JsonNode id = data.get("asset_id");
            if (id == null) {
                errors.add("/data/asset_id", "Missing field: asset_id");
            } else if (id.isNull()) {
                errors.add("/data/asset_id", "null value where string expected");
            } else if (!id.isTextual()) {
                errors.add("/data/asset_id", "Invalid string. Got: " + Json.typeName(id));
            } else {
                assetId = id.asText();
            }
        }
        errors.throwIfAny();
        return assetId;
    }

    public static ReviewerRequest addReviewers(JsonNode body) {
        Errors errors = new Errors();
        ObjectNode data = envelope(body, errors);
        ReviewerRequest result = null;
        if (data != null) {
            unexpected(data, "/data", Set.of("message", "notify_by_email", "reviewers"), errors);
            String message = null;
            JsonNode m = data.get("message");
            if (m == null) {
                errors.add("/data/message", "Missing field: message");
            } else if (!m.isTextual()) {
                errors.add("/data/message", m.isNull() ? "null value where string expected"
                        : "Invalid string. Got: " + Json.typeName(m));
            } else {
                message = m.asText();
            }
            boolean notify = true;
            JsonNode n = data.get("notify_by_email");
            if (n != null) {
                if (!n.isBoolean()) {
                    errors.add("/data/notify_by_email", n.isNull() ? "null value where boolean expected"
                            : "Invalid boolean. Got: " + Json.typeName(n));
                } else {
                    notify = n.asBoolean();
                }
            }
            ReviewerRequest reviewers = reviewers(data, ADD_REVIEWER_KEYS, errors);
            if (reviewers != null) {
                result = new ReviewerRequest(reviewers.kind(), reviewers.identifiers(), message, notify);
            }
        }
        errors.throwIfAny();
        return result;
    }

    public static ReviewerRequest removeReviewers(JsonNode body) {
        Errors errors = new Errors();
        ObjectNode data = envelope(body, errors);
        ReviewerRequest result = null;
        if (data != null) {
            unexpected(data, "/data", Set.of("reviewers"), errors);
            result = reviewers(data, REMOVE_REVIEWER_KEYS, errors);
        }
        errors.throwIfAny();
        return result;
    }

    private static ReviewerRequest reviewers(ObjectNode data, List<String> keys, Errors errors) {
        JsonNode reviewers = data.get("reviewers");
        if (reviewers == null) {
            errors.add("/data/reviewers", "Missing field: reviewers");
            return null;
        }
        if (!reviewers.isObject()) {
            errors.add("/data/reviewers", reviewers.isNull() ? "null value where object expected"
                    : "Invalid object. Got: " + Json.typeName(reviewers));
            return null;
        }
        unexpected((ObjectNode) reviewers, "/data/reviewers", Set.copyOf(keys), errors);
        // exactly one identifier type per request (RemoveReviewerParams omits minProperties; one is required anyway)
        if (reviewers.size() < 1) {
            errors.add("/data/reviewers", "Object property count 0 is less than minProperties: 1");
        } else if (reviewers.size() > 1) {
            errors.add("/data/reviewers", "Object property count " + reviewers.size()
                                          + " is greater than maxProperties: 1");
        }
        String kind = null;
        List<String> identifiers = new ArrayList<>();
        for (String key : keys) {
            JsonNode list = reviewers.get(key);
            if (list == null) {
                continue;
            }
            kind = key;
            String pointer = "/data/reviewers/" + key;
            Type itemType = switch (key) {
                case "user_ids", "share_list_ids" -> Type.UUID;
                default -> Type.STRING;
            };
            identifiers = stringArray(list, pointer, 1, 10, itemType, key.equals("emails"), true, errors);
        }
        return new ReviewerRequest(kind, identifiers, null, true);
    }

    /** Checks {@code {"data": {...}}} and returns the data object, or null after recording why it is not one. */
    private static ObjectNode envelope(JsonNode body, Errors errors) {
        if (body == null || !body.isObject()) {
            errors.add("", "Invalid object. Got: " + Json.typeName(body));
            return null;
        }
        unexpected((ObjectNode) body, "", Set.of("data"), errors);
        JsonNode data = body.get("data");
        if (data == null) {
            errors.add("/data", "Missing field: data");
            return null;
        }
        if (!data.isObject()) {
            errors.add("/data", data.isNull() ? "null value where object expected"
                    : "Invalid object. Got: " + Json.typeName(data));
            return null;
        }
        return (ObjectNode) data;
    }

    private static void unexpected(ObjectNode node, String pointer, Set<String> allowed, Errors errors) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(pointer + "/" + escape(name), "Unexpected field: " + name);
            }
        }
    }

    private static Map<String, JsonNode> shareFields(ObjectNode data, Map<String, Field> allowed, Errors errors) {
        unexpected(data, "/data", allowed.keySet(), errors);
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (Field field : allowed.values()) {
            JsonNode value = data.get(field.name());
            if (value == null) {
                continue;
            }
            JsonNode valid = check(field, value, "/data/" + field.name(), errors);
            if (valid != null) {
                result.put(field.name(), valid);
            }
        }
        return result;
    }

    /** Returns the (normalized) value when valid, null after recording an error. */
    private static JsonNode check(Field f, JsonNode v, String pointer, Errors errors) {
        if (v.isNull()) {
            if (f.nullable()) {
                return v;
            }
            errors.add(pointer, "null value where " + expected(f.type()) + " expected");
            return null;
        }
        int before = errors.size();
        switch (f.type()) {
            case STRING -> {
                if (!v.isTextual()) {
                    errors.add(pointer, "Invalid string. Got: " + Json.typeName(v));
                } else {
                    length(v.asText(), f.min(), f.max(), pointer, errors);
                    if (f.name().equals("name") && errors.size() == before && !validName(v.asText())) {
                        errors.add(pointer, "Name must include at least one non-whitespace character and no line breaks");
                    }
                }
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    errors.add(pointer, "Invalid boolean. Got: " + Json.typeName(v));
                }
            }
            case INTEGER -> {
                if (!v.isIntegralNumber()) {
                    errors.add(pointer, "Invalid integer. Got: " + Json.typeName(v));
                } else if (f.min() >= 0 && v.asLong() < f.min()) {
                    errors.add(pointer, v.asLong() + " is smaller than inclusive minimum " + f.min());
                } else if (f.max() >= 0 && v.asLong() > f.max()) {
                    errors.add(pointer, v.asLong() + " is larger than inclusive maximum " + f.max());
                }
            }
            case UUID -> uuid(v, pointer, errors);
            case DATE_TIME -> {
                if (!v.isTextual()) {
                    errors.add(pointer, "Invalid string. Got: " + Json.typeName(v));
                } else {
                    try {
                        OffsetDateTime parsed = OffsetDateTime.parse(v.asText());
                        return TextNode.valueOf(SimClock.format(SimClock.toMicros(parsed.toInstant())));
                    } catch (DateTimeParseException e) {
                        errors.add(pointer, "Invalid format. Expected :date-time");
                    }
                }
            }
            case ENUM -> {
                if (!v.isTextual()) {
                    errors.add(pointer, "Invalid string. Got: " + Json.typeName(v));
                } else if (!f.values().contains(v.asText())) {
                    errors.add(pointer, "Invalid value for enum");
                }
            }
            case UUID_ARRAY -> stringArray(v, pointer, -1, -1, Type.UUID, false, false, errors);
            case ID_ARRAY -> stringArray(v, pointer, f.min(), f.max(), Type.STRING, false, false, errors);
            case SORT_BY -> sortBy(v, pointer, errors);
            default -> throw new IllegalStateException(f.type().name());
        }
        return errors.size() == before ? v : null;
    }

    private static void sortBy(JsonNode v, String pointer, Errors errors) {
        if (!v.isObject()) {
            errors.add(pointer, "Invalid object. Got: " + Json.typeName(v));
            return;
        }
        unexpected((ObjectNode) v, pointer, Set.of("field_definition_id", "direction"), errors);
        JsonNode id = v.get("field_definition_id");
        if (id == null) {
            errors.add(pointer + "/field_definition_id", "Missing field: field_definition_id");
        } else {
            uuid(id, pointer + "/field_definition_id", errors);
        }
        JsonNode direction = v.get("direction");
        if (direction == null) {
            errors.add(pointer + "/direction", "Missing field: direction");
        } else if (!direction.isTextual()) {
            errors.add(pointer + "/direction", direction.isNull() ? "null value where string expected"
                    : "Invalid string. Got: " + Json.typeName(direction));
        } else if (!List.of("asc", "desc").contains(direction.asText())) {
            errors.add(pointer + "/direction", "Invalid value for enum");
        }
    }

    private static List<String> stringArray(JsonNode v, String pointer, int min, int max, Type itemType,
                                            boolean emails, boolean unique, Errors errors) {
        List<String> values = new ArrayList<>();
        if (!v.isArray()) {
            errors.add(pointer, v.isNull() ? "null value where array expected" : "Invalid array. Got: " + Json.typeName(v));
            return values;
        }
        if (min >= 0 && v.size() < min) {
            errors.add(pointer, "Array length " + v.size() + " is smaller than minItems: " + min);
        }
        if (max >= 0 && v.size() > max) {
            errors.add(pointer, "Array length " + v.size() + " is larger than maxItems: " + max);
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String itemPointer = pointer + "/" + i;
            if (!item.isTextual()) {
                errors.add(itemPointer, item.isNull() ? "null value where string expected"
                        : "Invalid string. Got: " + Json.typeName(item));
                continue;
            }
            if (itemType == Type.UUID && !UUID_PATTERN.matcher(item.asText()).matches()) {
                errors.add(itemPointer, "Invalid format. Expected :uuid");
                continue;
            }
            if (emails && !EMAIL.matcher(item.asText()).matches()) {
                errors.add(itemPointer, "Invalid format. Expected :email");
                continue;
            }
            values.add(item.asText());
        }
        if (unique && new HashSet<>(values).size() != values.size()) {
            errors.add(pointer, "Array items must be unique");
        }
        return values;
    }

    private static void uuid(JsonNode v, String pointer, Errors errors) {
        if (!v.isTextual()) {
            errors.add(pointer, "Invalid string. Got: " + Json.typeName(v));
        } else if (!UUID_PATTERN.matcher(v.asText()).matches()) {
            errors.add(pointer, "Invalid format. Expected :uuid");
        }
    }

    private static void length(String s, int min, int max, String pointer, Errors errors) {
        int length = s.codePointCount(0, s.length());
        if (min >= 0 && length < min) {
            errors.add(pointer, "String length is smaller than minLength: " + min);
        } else if (max >= 0 && length > max) {
            errors.add(pointer, "String length is larger than maxLength: " + max);
        }
    }

    static boolean validName(String name) {
        return !name.isBlank() && name.indexOf('\n') < 0 && name.indexOf('\r') < 0
               && name.indexOf('\u2028') < 0 && name.indexOf('\u2029') < 0;
    }

    private static String expected(Type type) {
        return switch (type) {
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
            case UUID_ARRAY, ID_ARRAY -> "array";
            case SORT_BY -> "object";
            default -> "string";
        };
    }

    /** JSON pointer escaping of a field name. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Collects every violation, then throws them as one 422. */
    private static final class Errors {
        private final Set<ApiException.Error> list = new LinkedHashSet<>();

        void add(String pointer, String detail) {
            list.add(new ApiException.Error(detail, pointer, "Invalid value"));
        }

        int size() {
            return list.size();
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw ApiException.invalid(new ArrayList<>(list));
            }
        }
    }
}
