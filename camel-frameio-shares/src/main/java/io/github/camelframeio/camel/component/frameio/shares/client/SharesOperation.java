package io.github.camelframeio.camel.component.frameio.shares.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Frame.io V4 Shares operations: the one table of method, path, success status, documented rate limit and
 * retry safety that the client, the producer and the docs read. {@code SharesOperationTableTest} holds it to
 * Frame.io's OpenAPI document.
 */
public enum SharesOperation {

    LIST_SHARES("shares.index", "GET", "/v4/accounts/{account_id}/projects/{project_id}/shares", 200, 100, true),
    CREATE_SHARE("shares.create", "POST", "/v4/accounts/{account_id}/projects/{project_id}/shares", 201, 10, false),
    SHOW_SHARE("shares.show", "GET", "/v4/accounts/{account_id}/shares/{share_id}", 200, 100, true),
    UPDATE_SHARE("shares.update", "PATCH", "/v4/accounts/{account_id}/shares/{share_id}", 200, 10, true),
    DELETE_SHARE("shares.delete", "DELETE", "/v4/accounts/{account_id}/shares/{share_id}", 204, 60, true),
    LIST_SHARE_ASSETS("shares.list_assets", "GET", "/v4/accounts/{account_id}/shares/{share_id}/assets", 200, 100, true),
    ADD_ASSET("shares.add_asset", "POST", "/v4/accounts/{account_id}/shares/{share_id}/assets", 200, 10, false),
    REMOVE_ASSET("shares.remove_asset", "DELETE", "/v4/accounts/{account_id}/shares/{share_id}/assets/{asset_id}", 200, 10, true),
    LIST_REVIEWERS("shares.list_reviewers", "GET", "/v4/accounts/{account_id}/shares/{share_id}/reviewers", 200, 10, true),
    ADD_REVIEWERS("shares.add_reviewers", "POST", "/v4/accounts/{account_id}/shares/{share_id}/reviewers", 204, 10, false),
    REMOVE_REVIEWERS("shares.remove_reviewers", "DELETE", "/v4/accounts/{account_id}/shares/{share_id}/reviewers", 204, 10, true),
    LIST_SHARE_ACTIVITIES("shares.list_activities", "GET", "/v4/accounts/{account_id}/shares/{share_id}/activities", 200, 100, true);

    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final List<String> pathParameters;
    private final int successStatus;
    private final int rateLimitPerMinute;
    private final boolean retrySafe;

    SharesOperation(String operationId, String method, String pathTemplate, int successStatus, int rateLimitPerMinute,
                    boolean retrySafe) {
        this.operationId = operationId;
        this.method = method;
        this.pathTemplate = pathTemplate;
        List<String> params = new ArrayList<>();
        for (String segment : pathTemplate.split("/")) {
            if (segment.startsWith("{")) {
                params.add(segment.substring(1, segment.length() - 1));
            }
        }
        this.pathParameters = Collections.unmodifiableList(params);
        this.successStatus = successStatus;
        this.rateLimitPerMinute = rateLimitPerMinute;
        this.retrySafe = retrySafe;
    }

    /** Frame.io's operationId, e.g. {@code shares.create}. */
    public String operationId() {
        return operationId;
    }

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

    public int successStatus() {
        return successStatus;
    }

    /** Frame.io's documented limit: calls per minute per account user. */
    public int rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    /**
     * Whether repeating the call after a failure whose outcome is unknown cannot do harm: reads, update, delete,
     * remove asset and remove reviewers. Create share, add asset and add reviewers are not.
     */
    public boolean isRetrySafe() {
        return retrySafe;
    }

    @Override
    public String toString() {
        return operationId;
    }
}
