package io.github.camelframeio.camel.component.frameio.shares.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.camel.component.frameio.shares.model.ReviewerType;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of Frame.io's request schemas and parameters, checked before anything is sent, so that a bad request
 * fails at once with every offending field named (and Frame.io, and its rate limit, never see it).
 */
public final class RequestRules {

    private static final String UUID_REGEX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern UUID = Pattern.compile("^" + UUID_REGEX + "$");
    /**
     * {@code FrameOrAdobeId}: a UUID, or an Adobe id with the {@code adobe:} prefix. Whitespace, control characters
     * and the URL delimiters {@code / ? # \} are refused even though every id is percent-encoded in the path.
     */
    private static final Pattern FRAME_OR_ADOBE_ID = Pattern.compile("^(" + UUID_REGEX + "|adobe:[^\\s\\p{Cntrl}/?#\\\\]+)$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_REVIEWERS_PER_CALL = 10;
    public static final int MAX_ASSETS_PER_SHARE_CREATE = 100;

    public static final List<String> SHARE_SORTS = List.of("name_asc", "created_at_asc", "name_desc", "created_at_desc");
    public static final List<String> ASSET_SORTS = List.of("name_asc", "created_at_asc", "updated_at_asc", "name_desc",
            "created_at_desc", "updated_at_desc");
    public static final List<String> REVIEWER_SORTS = List.of("name_asc", "active", "name_desc", "inactive");
    public static final List<String> ASSET_INCLUDES = List.of("media_links.original", "media_links.thumbnail",
            "media_links.thumbnail_high_quality", "media_links.video_h264_180", "media_links.high_quality",
            "media_links.efficient", "media_links.scrub_sheet", "creator", "project", "metadata");
    public static final List<String> ACTIVITY_INCLUDES = List.of("user");

    private enum Kind { STRING, BOOLEAN, INTEGER, UUID, DATE_TIME, ENUM, UUID_LIST, ID_LIST, SORT_BY }

    private record Rule(Kind kind, boolean nullable, int min, int max, List<String> values) {
    }

    private static final Map<String, Rule> COMMON = new LinkedHashMap<>();
    private static final Map<String, Rule> CREATE = new LinkedHashMap<>();
    private static final Map<String, Rule> UPDATE = new LinkedHashMap<>();

    static {
        COMMON.put("access", enumRule("public", "secure"));
        COMMON.put("passphrase", new Rule(Kind.STRING, true, -1, 255, List.of()));
        COMMON.put("expiration", new Rule(Kind.DATE_TIME, true, -1, -1, List.of()));
        for (String flag : List.of("enabled", "downloading_enabled", "commenting_enabled", "card_info_enabled",
                "icons_visible_on_list", "reel_card_fit_image", "show_asset_name_in_reel_layout",
                "open_in_viewer_enabled", "editable_fields_enabled", "forensic_watermark_enabled", "drm_enabled")) {
            COMMON.put(flag, new Rule(Kind.BOOLEAN, false, -1, -1, List.of()));
        }
        for (String flag : List.of("show_all_asset_versions", "captions_enabled", "transcripts_enabled",
                "watermark_enabled")) {
            COMMON.put(flag, new Rule(Kind.BOOLEAN, true, -1, -1, List.of()));
        }
        COMMON.put("accent_color", new Rule(Kind.STRING, true, -1, -1, List.of()));
        COMMON.put("layout", enumRule("grid", "list", "reel"));
        COMMON.put("theme", enumRule("dark", "light", "neutral"));
        COMMON.put("card_aspect_ratio", enumRule("horizontal", "square", "vertical"));
        COMMON.put("reel_card_aspect_ratio", enumRule("horizontal", "square", "vertical"));
        COMMON.put("card_size", enumRule("small", "medium", "large"));
        COMMON.put("list_row_size", enumRule("small", "medium", "large"));
        COMMON.put("thumbnail_scale", enumRule("fit", "fill"));
        COMMON.put("title_line_count", new Rule(Kind.INTEGER, false, 1, 2, List.of()));
        COMMON.put("name_column_width", new Rule(Kind.INTEGER, true, -1, -1, List.of()));
        COMMON.put("featured_field_definition_id", new Rule(Kind.UUID, true, -1, -1, List.of()));
        COMMON.put("visible_field_definition_ids", new Rule(Kind.UUID_LIST, false, -1, -1, List.of()));
        COMMON.put("sort_by", new Rule(Kind.SORT_BY, false, -1, -1, List.of()));

        CREATE.put("type", enumRule("asset"));
        CREATE.put("name", new Rule(Kind.STRING, false, 1, 175, List.of()));
        CREATE.put("description", new Rule(Kind.STRING, true, -1, 640, List.of()));
        CREATE.put("asset_ids", new Rule(Kind.ID_LIST, false, 1, MAX_ASSETS_PER_SHARE_CREATE, List.of()));
        CREATE.putAll(COMMON);
        UPDATE.put("name", new Rule(Kind.STRING, true, 1, 175, List.of()));
        UPDATE.put("description", new Rule(Kind.STRING, true, 1, 640, List.of()));
        UPDATE.putAll(COMMON);
    }

    private RequestRules() {
    }

    private static Rule enumRule(String... values) {
        return new Rule(Kind.ENUM, false, -1, -1, List.of(values));
    }

    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    /** Checks an account, project or asset id ({@code FrameOrAdobeId}); {@code name} is the option or field. */
    public static String requireFrameOrAdobeId(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new FrameioInvalidRequestException(name + " is required");
        }
        if (!FRAME_OR_ADOBE_ID.matcher(value).matches()) {
            throw new FrameioInvalidRequestException(name + " must be a Frame.io id (a UUID) or an Adobe id starting"
                                                     + " with 'adobe:', got '" + printable(value) + "'");
        }
        return value;
    }

    /** Checks a share id, which is always a UUID. */
    public static String requireUuid(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new FrameioInvalidRequestException(name + " is required");
        }
        if (!isUuid(value)) {
            throw new FrameioInvalidRequestException(name + " must be a UUID, got '" + printable(value) + "'");
        }
        return value;
    }

    public static int requirePageSize(int pageSize, String name) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new FrameioInvalidRequestException(name + " must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        return pageSize;
    }

    /** Checks a sort against the values the operation accepts (null is fine: Frame.io's default order). */
    public static String requireSort(String sort, List<String> allowed, String name) {
        if (sort != null && !sort.isEmpty() && !allowed.contains(sort)) {
            throw new FrameioInvalidRequestException(name + " must be one of " + allowed + ", got '" + printable(sort) + "'");
        }
        return sort == null || sort.isEmpty() ? null : sort;
    }

    /** Checks a comma-separated include list against the values the operation accepts; returns it normalised. */
    public static String requireInclude(String include, List<String> allowed, String name) {
        if (include == null || include.isBlank()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String value : include.split(",")) {
            String v = value.trim();
            if (!allowed.contains(v)) {
                throw new FrameioInvalidRequestException(name + " values must be among " + allowed + ", got '"
                                                         + printable(v) + "'");
            }
            values.add(v);
        }
        return String.join(",", values);
    }

    /** Checks the {@code data} of a create request against AssetShareParams. */
    public static void checkCreate(ObjectNode data) {
        List<String> violations = new ArrayList<>();
        for (String required : List.of("type", "name", "access")) {
            if (!data.has(required)) {
                violations.add("data." + required + ": is required");
            }
        }
        checkFields(data, CREATE, violations);
        throwIfAny("createShare request", violations);
    }

    /** Checks the {@code data} of an update request against UpdateShareParams. */
    public static void checkUpdate(ObjectNode data) {
        List<String> violations = new ArrayList<>();
        if (data.isEmpty()) {
            violations.add("data: must set at least one field");
        }
        checkFields(data, UPDATE, violations);
        throwIfAny("updateShare request", violations);
    }

    /** Checks one call's reviewers: 1 to 10 unique identifiers of the type's format. */
    public static void checkReviewers(ReviewerType type, List<String> identifiers, boolean add, String what) {
        List<String> violations = new ArrayList<>();
        if (!add && type == ReviewerType.SHARE_LIST_IDS) {
            violations.add("reviewers: share lists can be added but not removed; name users by emails, user_ids or"
                           + " adobe_user_ids");
        }
        if (identifiers.isEmpty()) {
            violations.add("reviewers." + type.wireName() + ": must name at least one reviewer");
        }
        if (identifiers.size() > MAX_REVIEWERS_PER_CALL) {
            violations.add("reviewers." + type.wireName() + ": at most " + MAX_REVIEWERS_PER_CALL + " per call");
        }
        if (new HashSet<>(identifiers).size() != identifiers.size()) {
            violations.add("reviewers." + type.wireName() + ": must not repeat an identifier");
        }
        for (int i = 0; i < identifiers.size(); i++) {
            String id = identifiers.get(i);
            String field = "reviewers." + type.wireName() + "[" + i + "]";
            if (id == null || id.isBlank()) {
                violations.add(field + ": must not be empty");
            } else if ((type == ReviewerType.USER_IDS || type == ReviewerType.SHARE_LIST_IDS) && !isUuid(id)) {
                violations.add(field + ": must be a UUID, got '" + printable(id) + "'");
            } else if (type == ReviewerType.EMAILS && !EMAIL.matcher(id).matches()) {
                violations.add(field + ": must be an e-mail address, got '" + printable(id) + "'");
            }
        }
        throwIfAny(what, violations);
    }

    /** The add-reviewers message: required by Frame.io. */
    public static String requireMessage(String message) {
        if (message == null) {
            throw new FrameioInvalidRequestException("addReviewers needs a message for the notification: set the"
                    + " reviewerMessage option, the CamelFrameioSharesReviewerMessage header, or 'message' in the body");
        }
        return message;
    }

    private static void checkFields(ObjectNode data, Map<String, Rule> rules, List<String> violations) {
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Rule rule = rules.get(field.getKey());
            String name = "data." + field.getKey();
            if (rule == null) {
                violations.add(name + ": is not a field of this request" + (field.getKey().equals("asset_ids")
                        || field.getKey().equals("type") ? " (create only; use addAsset to add assets)" : ""));
                continue;
            }
            check(name, rule, field.getValue(), violations);
        }
    }

    private static void check(String name, Rule rule, JsonNode v, List<String> violations) {
        if (v.isNull()) {
            if (!rule.nullable()) {
                violations.add(name + ": must not be null");
            }
            return;
        }
        switch (rule.kind()) {
            case STRING -> {
                if (!v.isTextual()) {
                    violations.add(name + ": must be a string");
                } else {
                    int length = v.asText().codePointCount(0, v.asText().length());
                    if (rule.min() >= 0 && length < rule.min()) {
                        violations.add(name + ": must be at least " + rule.min() + " character" + (rule.min() == 1 ? "" : "s"));
                    } else if (rule.max() >= 0 && length > rule.max()) {
                        violations.add(name + ": must be at most " + rule.max() + " characters, was " + length);
                    }
                    if (name.equals("data.name") && (v.asText().isBlank() || v.asText().matches("(?s).*[\\r\\n\\u2028\\u2029].*"))) {
                        violations.add(name + ": must have a non-blank character and no line breaks");
                    }
                }
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    violations.add(name + ": must be true or false");
                }
            }
            case INTEGER -> {
                if (!v.isIntegralNumber()) {
                    violations.add(name + ": must be a whole number");
                } else if ((rule.min() >= 0 && v.asLong() < rule.min()) || (rule.max() >= 0 && v.asLong() > rule.max())) {
                    violations.add(name + ": must be between " + rule.min() + " and " + rule.max() + ", was " + v.asLong());
                }
            }
            case UUID -> {
                if (!v.isTextual() || !isUuid(v.asText())) {
                    violations.add(name + ": must be a UUID");
                }
            }
            case DATE_TIME -> {
                if (!v.isTextual() || !isDateTime(v.asText())) {
                    violations.add(name + ": must be an ISO-8601 date-time with offset, e.g. 2026-09-11T01:12:04Z");
                }
            }
            case ENUM -> {
                if (!v.isTextual() || !rule.values().contains(v.asText())) {
                    violations.add(name + ": must be one of " + rule.values());
                }
            }
            case UUID_LIST, ID_LIST -> list(name, rule, v, violations);
            case SORT_BY -> sortBy(name, v, violations);
            default -> throw new IllegalStateException(rule.kind().name());
        }
    }

    private static void list(String name, Rule rule, JsonNode v, List<String> violations) {
        if (!v.isArray()) {
            violations.add(name + ": must be a list");
            return;
        }
        if (rule.min() >= 0 && v.size() < rule.min()) {
            violations.add(name + ": must have at least " + rule.min() + " item");
        }
        if (rule.max() >= 0 && v.size() > rule.max()) {
            violations.add(name + ": must have at most " + rule.max() + " items, had " + v.size());
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            boolean ok = item.isTextual() && (rule.kind() == Kind.UUID_LIST ? isUuid(item.asText())
                    : FRAME_OR_ADOBE_ID.matcher(item.asText()).matches());
            if (!ok) {
                violations.add(name + "[" + i + "]: must be " + (rule.kind() == Kind.UUID_LIST ? "a UUID"
                        : "a Frame.io id (a UUID) or an Adobe id starting with 'adobe:'"));
            }
        }
    }

    private static void sortBy(String name, JsonNode v, List<String> violations) {
        if (!v.isObject()) {
            violations.add(name + ": must be an object with field_definition_id and direction");
            return;
        }
        Set<String> allowed = Set.of("field_definition_id", "direction");
        v.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                violations.add(name + "." + f + ": is not a field of sort_by");
            }
        });
        JsonNode id = v.get("field_definition_id");
        if (id == null || !id.isTextual() || !isUuid(id.asText())) {
            violations.add(name + ".field_definition_id: is required and must be a UUID");
        }
        JsonNode direction = v.get("direction");
        if (direction == null || !direction.isTextual() || !List.of("asc", "desc").contains(direction.asText())) {
            violations.add(name + ".direction: is required and must be asc or desc");
        }
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void throwIfAny(String what, List<String> violations) {
        if (!violations.isEmpty()) {
            throw new FrameioInvalidRequestException(what, violations);
        }
    }

    /** A value for an error message: control characters shown escaped, long values cut. */
    static String printable(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        StringBuilder sb = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
