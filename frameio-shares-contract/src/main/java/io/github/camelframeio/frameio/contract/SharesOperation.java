package io.github.camelframeio.frameio.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Frame.io V4 operations of the contract: the twelve Shares calls ({@link Group#SHARES}) and the five webhook
 * calls ({@link Group#WEBHOOKS}), in one table of operation id, method, path, success status, rate limit and what
 * may be done after an attempt whose outcome is unknown. The simulator serves it, the client sends it, the docs
 * describe it; {@code SharesOperationTest} holds every column but the last to the official document. Code that
 * means only the Shares calls uses {@link #shareCalls()} or {@link #isShareCall()}.
 */
public enum SharesOperation {

    LIST_SHARES("shares.index", "GET", "/v4/accounts/{account_id}/projects/{project_id}/shares", 200, 100,
            Reconciliation.REPEAT),
    CREATE_SHARE("shares.create", "POST", "/v4/accounts/{account_id}/projects/{project_id}/shares", 201, 10,
            Reconciliation.LOOK_UP_CREATED),
    SHOW_SHARE("shares.show", "GET", "/v4/accounts/{account_id}/shares/{share_id}", 200, 100,
            Reconciliation.REPEAT),
    UPDATE_SHARE("shares.update", "PATCH", "/v4/accounts/{account_id}/shares/{share_id}", 200, 10,
            Reconciliation.REPEAT),
    DELETE_SHARE("shares.delete", "DELETE", "/v4/accounts/{account_id}/shares/{share_id}", 204, 60,
            Reconciliation.REPEAT_NOT_FOUND_MEANS_DONE),
    LIST_SHARE_ASSETS("shares.list_assets", "GET", "/v4/accounts/{account_id}/shares/{share_id}/assets", 200, 100,
            Reconciliation.REPEAT),
    ADD_ASSET("shares.add_asset", "POST", "/v4/accounts/{account_id}/shares/{share_id}/assets", 200, 10,
            Reconciliation.REPEAT_CONFLICT_MEANS_DONE),
    REMOVE_ASSET("shares.remove_asset", "DELETE", "/v4/accounts/{account_id}/shares/{share_id}/assets/{asset_id}",
            200, 10, Reconciliation.REPEAT_NOT_FOUND_MEANS_DONE),
    LIST_REVIEWERS("shares.list_reviewers", "GET", "/v4/accounts/{account_id}/shares/{share_id}/reviewers", 200, 10,
            Reconciliation.REPEAT),
    ADD_REVIEWERS("shares.add_reviewers", "POST", "/v4/accounts/{account_id}/shares/{share_id}/reviewers", 204, 10,
            Reconciliation.OUTCOME_UNKNOWN),
    REMOVE_REVIEWERS("shares.remove_reviewers", "DELETE", "/v4/accounts/{account_id}/shares/{share_id}/reviewers",
            204, 10, Reconciliation.REPEAT),
    LIST_SHARE_ACTIVITIES("shares.list_activities", "GET", "/v4/accounts/{account_id}/shares/{share_id}/activities",
            200, 100, Reconciliation.REPEAT),

    LIST_WEBHOOKS("webhooks.index", "GET", "/v4/accounts/{account_id}/workspaces/{workspace_id}/webhooks", 200, 100,
            Reconciliation.REPEAT),
    /** Not repeated: a second webhook would deliver every event twice; look it up by URL instead. */
    CREATE_WEBHOOK("webhooks.create", "POST", "/v4/accounts/{account_id}/workspaces/{workspace_id}/webhooks", 201, 10,
            Reconciliation.LOOK_UP_CREATED),
    SHOW_WEBHOOK("webhooks.show", "GET", "/v4/accounts/{account_id}/webhooks/{webhook_id}", 200, 100,
            Reconciliation.REPEAT),
    UPDATE_WEBHOOK("webhooks.update", "PATCH", "/v4/accounts/{account_id}/webhooks/{webhook_id}", 200, 10,
            Reconciliation.REPEAT),
    DELETE_WEBHOOK("webhooks.delete", "DELETE", "/v4/accounts/{account_id}/webhooks/{webhook_id}", 204, 60,
            Reconciliation.REPEAT_NOT_FOUND_MEANS_DONE);

    /** Which part of the API an operation belongs to: its operationId's prefix in the document. */
    public enum Group {
        /** The twelve Shares calls, {@code shares.*}. */
        SHARES("shares."),
        /** The five webhook calls, {@code webhooks.*}. */
        WEBHOOKS("webhooks.");

        private final String prefix;

        Group(String prefix) {
            this.prefix = prefix;
        }

        /** The operationId prefix, e.g. {@code shares.}. */
        public String prefix() {
            return prefix;
        }
    }

    private static final List<SharesOperation> SHARE_CALLS = java.util.Arrays.stream(values())
            .filter(SharesOperation::isShareCall).toList();
    private static final List<SharesOperation> WEBHOOK_CALLS = java.util.Arrays.stream(values())
            .filter(op -> op.group() == Group.WEBHOOKS).toList();

    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final List<String> segments;
    private final List<String> pathParameters;
    private final int successStatus;
    private final int rateLimitPerMinute;
    private final Reconciliation reconciliation;

    SharesOperation(String operationId, String method, String pathTemplate, int successStatus, int rateLimitPerMinute,
                    Reconciliation reconciliation) {
        this.operationId = operationId;
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.segments = List.of(pathTemplate.substring(1).split("/"));
        List<String> params = new ArrayList<>();
        for (String segment : segments) {
            if (segment.startsWith("{")) {
                params.add(segment.substring(1, segment.length() - 1));
            }
        }
        this.pathParameters = Collections.unmodifiableList(params);
        this.successStatus = successStatus;
        this.rateLimitPerMinute = rateLimitPerMinute;
        this.reconciliation = reconciliation;
    }

    /** The part of the API: the Shares calls or the webhook calls. */
    public Group group() {
        return operationId.startsWith(Group.WEBHOOKS.prefix) ? Group.WEBHOOKS : Group.SHARES;
    }

    /** Whether this is one of the twelve Shares calls (not a webhook call). */
    public boolean isShareCall() {
        return group() == Group.SHARES;
    }

    /** The twelve Shares calls, in table order. */
    public static List<SharesOperation> shareCalls() {
        return SHARE_CALLS;
    }

    /** The five webhook calls, in table order. */
    public static List<SharesOperation> webhookCalls() {
        return WEBHOOK_CALLS;
    }

    /** Frame.io's operationId, e.g. {@code shares.create}. */
    public String operationId() {
        return operationId;
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The path with {@code {placeholders}}, e.g. {@code /v4/accounts/{account_id}/shares/{share_id}}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The placeholders of the path, in order. */
    public List<String> pathParameters() {
        return pathParameters;
    }

    /** The status of success: 200, 201 or 204. */
    public int successStatus() {
        return successStatus;
    }

    /** Frame.io's documented limit, the operation's rate class: calls per minute per account user (10, 60 or 100). */
    public int rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    /** What may be done after an attempt whose outcome is unknown. */
    public Reconciliation reconciliation() {
        return reconciliation;
    }

    /** Whether the call may be sent again after an attempt whose outcome is unknown. */
    public boolean isRepeatSafe() {
        return reconciliation.isRepeatSafe();
    }

    /** Whether a successful answer has a body (every operation but the 204 ones). */
    public boolean hasResponseBody() {
        return successStatus != 204;
    }

    /** The operation of an operationId, or null. */
    public static SharesOperation byOperationId(String operationId) {
        for (SharesOperation op : values()) {
            if (op.operationId.equals(operationId)) {
                return op;
            }
        }
        return null;
    }

    /** An operation matched by a request, with its path parameters (still percent-decoded by the caller). */
    public record Match(SharesOperation operation, Map<String, String> pathParams) {
    }

    /**
     * The operation a method and path (as decoded segments, without the leading slash) address, or null. A known
     * path with another method does not match: Frame.io answers it 404 like any unknown route.
     */
    public static Match match(String method, List<String> segments) {
        for (SharesOperation op : values()) {
            if (!op.method.equals(method) || op.segments.size() != segments.size()) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            boolean matches = true;
            for (int i = 0; i < segments.size() && matches; i++) {
                String t = op.segments.get(i);
                if (t.startsWith("{")) {
                    params.put(t.substring(1, t.length() - 1), segments.get(i));
                } else {
                    matches = t.equals(segments.get(i));
                }
            }
            if (matches) {
                return new Match(op, Collections.unmodifiableMap(params));
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return operationId;
    }
}
