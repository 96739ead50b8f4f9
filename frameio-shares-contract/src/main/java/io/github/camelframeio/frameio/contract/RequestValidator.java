package io.github.camelframeio.frameio.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The one request validator: the official document's schemas for path, query and body, then the
 * {@link ProjectRule}s. The client checks every request with {@link #CLIENT} before sending it; the simulator
 * answers 422 (or 404 for path parameters) from {@link #SERVER}. Every violation is reported at once.
 */
public final class RequestValidator {

    /** What the client checks before sending: the document and every project rule. */
    public static final RequestValidator CLIENT = new RequestValidator(EnumSet.allOf(ProjectRule.class));

    /** What the simulator checks before answering: the document and the rules that apply to servers. */
    public static final RequestValidator SERVER = new RequestValidator(serverRules());

    /**
     * The official document alone, none of the project's rules: what Frame.io's schemas accept. Tests use it to
     * tell "the contract refuses this" from "this project refuses this".
     */
    public static final RequestValidator DOCUMENT = new RequestValidator(EnumSet.noneOf(ProjectRule.class));

    private static final String UUID_REGEX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern FRAME_OR_ADOBE_ID = Pattern.compile("^(" + UUID_REGEX + "|adobe:[^\\s\\p{Cntrl}/?#\\\\]+)$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n\\u2028\\u2029]");

    private final Set<ProjectRule> rules;

    private RequestValidator(Set<ProjectRule> rules) {
        this.rules = Collections.unmodifiableSet(rules);
    }

    private static Set<ProjectRule> serverRules() {
        Set<ProjectRule> server = EnumSet.noneOf(ProjectRule.class);
        for (ProjectRule rule : ProjectRule.values()) {
            if (rule.appliesToServer()) {
                server.add(rule);
            }
        }
        return server;
    }

    private static final AtomicBoolean PREPARING = new AtomicBoolean();

    /**
     * Starts {@link #prepare()} on a daemon thread of its own, once per process, and returns at once: a client that
     * starts does not wait for the schemas (about a second of a cold JVM's time), and its first request waits only
     * for what is not compiled yet.
     */
    public static void prepareInBackground() {
        if (PREPARING.compareAndSet(false, true)) {
            Thread thread = new Thread(RequestValidator::prepare, "frameio-shares-contract-prepare");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /**
     * Compiles every schema the operations' requests (Shares and webhooks) are checked with, so that the first request does not
     * wait for it (a fraction of a second, once per process); otherwise it is done on first use.
     */
    public static void prepare() {
        OpenApiSchemas schemas = OpenApiSchemas.lenient();
        for (SharesOperation op : SharesOperation.values()) {
            DocumentedOperation documented = DocumentedOperation.of(op.operationId());
            for (DocumentedOperation.Parameter p : documented.parameters().values()) {
                String name = p.in().equals("path") ? OpenApiSchemas.path(op.operationId(), p.name())
                        : OpenApiSchemas.query(op.operationId(), p.name());
                if (schemas.has(name)) {
                    schemas.schema(name);
                }
            }
            if (schemas.has(OpenApiSchemas.request(op.operationId()))) {
                schemas.schema(OpenApiSchemas.request(op.operationId()));
            }
        }
    }

    /** The project rules this validator applies. */
    public Set<ProjectRule> rules() {
        return rules;
    }

    /** Path, query and body of one request; {@code body} null when there is none. */
    public List<Violation> validate(SharesOperation op, Map<String, String> path, Map<String, String> query,
                                    JsonNode body) {
        return validate(op.operationId(), path, query, body);
    }

    /** Path, query and body of one request of any operation of the document. */
    public List<Violation> validate(String operationId, Map<String, String> path, Map<String, String> query,
                                    JsonNode body) {
        List<Violation> all = new ArrayList<>(validatePath(operationId, path));
        all.addAll(validateQuery(operationId, query));
        if (hasBody(operationId) || body != null) {
            all.addAll(validateBody(operationId, body));
        }
        return all;
    }

    public List<Violation> validatePath(SharesOperation op, Map<String, String> path) {
        return validatePath(op.operationId(), path);
    }

    public List<Violation> validateQuery(SharesOperation op, Map<String, String> query) {
        return validateQuery(op.operationId(), query);
    }

    public List<Violation> validateBody(SharesOperation op, JsonNode body) {
        return validateBody(op.operationId(), body);
    }

    /** Whether the operation takes a JSON body. */
    public boolean hasBody(String operationId) {
        return OpenApiSchemas.lenient().has(OpenApiSchemas.request(operationId));
    }

    /** The path parameters: present, of their schema, and (client) ids that can be ids. */
    public List<Violation> validatePath(String operationId, Map<String, String> path) {
        List<Violation> violations = new ArrayList<>();
        for (DocumentedOperation.Parameter p : DocumentedOperation.of(operationId).parameters("path")) {
            String pointer = "/" + p.name();
            String value = path.get(p.name());
            if (value == null || value.isBlank()) {
                violations.add(new Violation(Violation.Location.PATH, pointer, Violation.Kind.MISSING_FIELD, "", ""));
                continue;
            }
            List<Violation> schema = SchemaViolations.validate(OpenApiSchemas.lenient().schema(
                    OpenApiSchemas.path(operationId, p.name())), TextNode.valueOf(value), Violation.Location.PATH, pointer);
            violations.addAll(schema);
            if (schema.isEmpty() && "FrameOrAdobeId".equals(p.schema())) {
                frameOrAdobeId(value, Violation.Location.PATH, pointer, violations);
            }
        }
        return violations;
    }

    /**
     * The query parameters the operation declares, each converted to its schema's type first (a page size that is
     * not a number is a type error); {@code include} may be a comma list ({@link ProjectRule#INCLUDE_LIST}).
     * Parameters the document does not declare are left alone, as servers ignore them.
     */
    public List<Violation> validateQuery(String operationId, Map<String, String> query) {
        List<Violation> violations = new ArrayList<>();
        DocumentedOperation op = DocumentedOperation.of(operationId);
        for (Map.Entry<String, String> entry : query.entrySet()) {
            DocumentedOperation.Parameter p = op.parameters().get(entry.getKey());
            if (p == null || !p.in().equals("query") || entry.getValue() == null) {
                continue;
            }
            String pointer = "/" + p.name();
            List<String> values = p.name().equals("include") && rules.contains(ProjectRule.INCLUDE_LIST)
                    ? List.of(entry.getValue().split(",", -1)) : List.of(entry.getValue());
            for (String raw : values) {
                String value = p.name().equals("include") ? raw.trim() : raw;
                JsonNode typed = typed(value, p.type());
                if (typed == null) {
                    violations.add(new Violation(Violation.Location.QUERY, pointer, Violation.Kind.WRONG_TYPE, p.type(),
                            "string"));
                } else {
                    violations.addAll(SchemaViolations.validate(OpenApiSchemas.lenient().schema(
                            OpenApiSchemas.query(operationId, p.name())), typed, Violation.Location.QUERY, pointer));
                }
            }
        }
        return violations;
    }

    /** The JSON body against the operation's request schema, then the project rules on its fields. */
    public List<Violation> validateBody(String operationId, JsonNode body) {
        if (!hasBody(operationId)) {
            return body == null || body.isMissingNode() ? List.of()
                    : List.of(new Violation(Violation.Location.BODY, "", Violation.Kind.UNEXPECTED_FIELD, "", ""));
        }
        JsonNode instance = body == null ? NullNode.getInstance() : body;
        List<Violation> violations = new ArrayList<>(SchemaViolations.validate(OpenApiSchemas.lenient().schema(
                OpenApiSchemas.request(operationId)), instance, Violation.Location.BODY, ""));
        JsonNode data = instance.path("data");
        switch (operationId) {
            case "shares.create", "shares.update" -> {
                name(data.path("name"), violations);
                JsonNode ids = data.path("asset_ids");
                for (int i = 0; ids.isArray() && i < ids.size(); i++) {
                    if (ids.get(i).isTextual()) {
                        frameOrAdobeId(ids.get(i).asText(), Violation.Location.BODY, "/data/asset_ids/" + i, violations);
                    }
                }
            }
            case "shares.add_asset" -> {
                if (data.path("asset_id").isTextual()) {
                    frameOrAdobeId(data.path("asset_id").asText(), Violation.Location.BODY, "/data/asset_id", violations);
                }
            }
            case "shares.add_reviewers", "shares.remove_reviewers" -> {
                JsonNode reviewers = data.path("reviewers");
                JsonNode emails = reviewers.path("emails");
                for (int i = 0; emails.isArray() && i < emails.size(); i++) {
                    JsonNode email = emails.get(i);
                    if (rules.contains(ProjectRule.EMAIL_ADDRESS) && email.isTextual()
                        && !EMAIL.matcher(email.asText()).matches()) {
                        violations.add(new Violation(Violation.Location.BODY, "/data/reviewers/emails/" + i,
                                Violation.Kind.BAD_FORMAT, "email", SchemaViolations.quoted(email)));
                    }
                }
                if (operationId.equals("shares.remove_reviewers") && reviewers.isObject() && reviewers.isEmpty()
                    && rules.contains(ProjectRule.REMOVE_REVIEWERS_NAMES_SOMEONE)) {
                    violations.add(new Violation(Violation.Location.BODY, "/data/reviewers", Violation.Kind.TOO_FEW_FIELDS,
                            "1", "0"));
                }
            }
            default -> {
                // no project rule for this operation's body
            }
        }
        return violations;
    }

    private void name(JsonNode name, List<Violation> violations) {
        if (!rules.contains(ProjectRule.SHARE_NAME_VISIBLE) || !name.isTextual() || name.asText().isEmpty()
            || violations.stream().anyMatch(v -> v.pointer().equals("/data/name"))) {
            return;
        }
        if (name.asText().isBlank() || LINE_BREAK.matcher(name.asText()).find()) {
            violations.add(new Violation(Violation.Location.BODY, "/data/name", Violation.Kind.BAD_NAME, "", ""));
        }
    }

    private void frameOrAdobeId(String value, Violation.Location location, String pointer, List<Violation> violations) {
        if (rules.contains(ProjectRule.FRAME_OR_ADOBE_ID) && !FRAME_OR_ADOBE_ID.matcher(value).matches()) {
            violations.add(new Violation(location, pointer, Violation.Kind.BAD_ID, "frame_or_adobe_id",
                    SchemaViolations.quoted(TextNode.valueOf(value))));
        }
    }

    /** A query value as its schema's type, or null when it is not of that type. */
    private static JsonNode typed(String value, String type) {
        switch (type) {
            case "integer" -> {
                try {
                    return LongNode.valueOf(Long.parseLong(value.trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            case "boolean" -> {
                return value.equals("true") || value.equals("false") ? BooleanNode.valueOf(Boolean.parseBoolean(value))
                        : null;
            }
            default -> {
                return TextNode.valueOf(value);
            }
        }
    }
}
