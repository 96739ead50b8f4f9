package io.github.camelframeio.frameio.simulator.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The twelve Frame.io V4 Shares operations as the simulator serves them: operationId, method, path template,
 * success status and the documented rate limit (calls per minute per account user).
 */
public enum Operation {

    LIST_SHARES("shares.index", "GET", "/v4/accounts/{account_id}/projects/{project_id}/shares", 200, 100),
    CREATE_SHARE("shares.create", "POST", "/v4/accounts/{account_id}/projects/{project_id}/shares", 201, 10),
    SHOW_SHARE("shares.show", "GET", "/v4/accounts/{account_id}/shares/{share_id}", 200, 100),
    UPDATE_SHARE("shares.update", "PATCH", "/v4/accounts/{account_id}/shares/{share_id}", 200, 10),
    DELETE_SHARE("shares.delete", "DELETE", "/v4/accounts/{account_id}/shares/{share_id}", 204, 60),
    LIST_ASSETS("shares.list_assets", "GET", "/v4/accounts/{account_id}/shares/{share_id}/assets", 200, 100),
    ADD_ASSET("shares.add_asset", "POST", "/v4/accounts/{account_id}/shares/{share_id}/assets", 200, 10),
    REMOVE_ASSET("shares.remove_asset", "DELETE", "/v4/accounts/{account_id}/shares/{share_id}/assets/{asset_id}", 200, 10),
    LIST_REVIEWERS("shares.list_reviewers", "GET", "/v4/accounts/{account_id}/shares/{share_id}/reviewers", 200, 10),
    ADD_REVIEWERS("shares.add_reviewers", "POST", "/v4/accounts/{account_id}/shares/{share_id}/reviewers", 204, 10),
    REMOVE_REVIEWERS("shares.remove_reviewers", "DELETE", "/v4/accounts/{account_id}/shares/{share_id}/reviewers", 204, 10),
    LIST_ACTIVITIES("shares.list_activities", "GET", "/v4/accounts/{account_id}/shares/{share_id}/activities", 200, 100);

    /** The operation name the simulator uses for the Adobe IMS token endpoint in logs and fault rules. */
    public static final String IMS_TOKEN = "ims.token";

    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final List<String> templateSegments;
    private final int successStatus;
    private final int rateLimitPerMinute;

    Operation(String operationId, String method, String pathTemplate, int successStatus, int rateLimitPerMinute) {
        this.operationId = operationId;
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.templateSegments = List.of(pathTemplate.substring(1).split("/"));
        this.successStatus = successStatus;
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public String operationId() {
        return operationId;
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    public int successStatus() {
        return successStatus;
    }

    public int rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public static Operation byOperationId(String operationId) {
        for (Operation op : values()) {
            if (op.operationId.equals(operationId)) {
                return op;
            }
        }
        return null;
    }

    /** A matched operation with its decoded path parameters. */
    public record Match(Operation operation, Map<String, String> pathParams) {
    }

    /**
     * Finds the operation for a method and decoded path segments. A known path with another method does not match:
     * Frame.io answers such requests 404 like any unknown route.
     */
    public static Match match(String method, List<String> segments) {
        for (Operation op : values()) {
            if (!op.method.equals(method) || op.templateSegments.size() != segments.size()) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            boolean matches = true;
            for (int i = 0; i < segments.size() && matches; i++) {
                String t = op.templateSegments.get(i);
                if (t.startsWith("{")) {
                    params.put(t.substring(1, t.length() - 1), segments.get(i));
                } else {
                    matches = t.equals(segments.get(i));
                }
            }
            if (matches) {
                return new Match(op, params);
            }
        }
        return null;
    }
}
