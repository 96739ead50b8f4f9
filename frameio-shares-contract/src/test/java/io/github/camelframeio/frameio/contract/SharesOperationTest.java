package io.github.camelframeio.frameio.contract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The operation table agrees with the official document: method, path, success status and rate limit of every
 * Shares operation, and no Shares operation of the document is missing.
 */
class SharesOperationTest {

    private static final Pattern RATE = Pattern.compile("Rate Limits: (\\d+) calls per 1\\.00 minute");

    @Test
    void everyOperationMatchesTheDocument() {
        for (SharesOperation op : SharesOperation.values()) {
            DocumentedOperation documented = DocumentedOperation.of(op.operationId());
            assertEquals(documented.method(), op.method(), op + " method");
            assertEquals(documented.path(), op.pathTemplate(), op + " path");
            String success = documented.responses().keySet().stream().filter(s -> s.startsWith("2")).findFirst()
                    .orElseThrow();
            assertEquals(success, Integer.toString(op.successStatus()), op + " status");
            Matcher rate = RATE.matcher(documented.description());
            assertEquals(true, rate.find(), op + " documents its rate limit");
            assertEquals(rate.group(1), Integer.toString(op.rateLimitPerMinute()), op + " rate limit");
            assertEquals(documented.parameters("path").stream().map(DocumentedOperation.Parameter::name).toList(),
                    op.pathParameters(), op + " path parameters");
        }
    }

    @Test
    void everySharesAndWebhookOperationOfTheDocumentIsInTheTable() {
        for (SharesOperation.Group group : SharesOperation.Group.values()) {
            List<String> documented = DocumentedOperation.all().keySet().stream()
                    .filter(id -> id.startsWith(group.prefix())).toList();
            List<SharesOperation> table = java.util.Arrays.stream(SharesOperation.values())
                    .filter(op -> op.group() == group).toList();
            assertEquals(documented.size(), table.size(), group.name());
            documented.forEach(id -> assertEquals(group, SharesOperation.byOperationId(id).group(), id));
        }
        assertEquals(12, SharesOperation.shareCalls().size());
        assertEquals(5, SharesOperation.webhookCalls().size());
        SharesOperation.shareCalls().forEach(op -> assertEquals(true, op.isShareCall(), op.operationId()));
        SharesOperation.webhookCalls().forEach(op -> assertEquals(false, op.isShareCall(), op.operationId()));
        assertEquals(17, SharesOperation.values().length);
        assertNotNull(SharesOperation.byOperationId("webhooks.create"));
    }

    @Test
    void onlyTheCreatesAndAddReviewersAreNeverRepeated() {
        for (SharesOperation op : SharesOperation.values()) {
            boolean never = op == SharesOperation.CREATE_SHARE || op == SharesOperation.ADD_REVIEWERS
                            || op == SharesOperation.CREATE_WEBHOOK;
            assertEquals(!never, op.isRepeatSafe(), op.operationId());
        }
        assertEquals(404, SharesOperation.DELETE_SHARE.reconciliation().doneStatus());
        assertEquals(409, SharesOperation.ADD_ASSET.reconciliation().doneStatus());
    }

    @Test
    void requestsAreMatchedByMethodAndPath() {
        SharesOperation.Match match = SharesOperation.match("DELETE", List.of("v4", "accounts", "a", "shares", "s",
                "assets", "x"));
        assertEquals(SharesOperation.REMOVE_ASSET, match.operation());
        assertEquals("x", match.pathParams().get("asset_id"));
        assertNull(SharesOperation.match("PUT", List.of("v4", "accounts", "a", "shares", "s")), "another method");
        assertNull(SharesOperation.match("GET", List.of("v4", "accounts", "a", "shares")), "another path");
        SharesOperation.Match webhook = SharesOperation.match("PATCH", List.of("v4", "accounts", "a", "webhooks", "w"));
        assertEquals(SharesOperation.UPDATE_WEBHOOK, webhook.operation());
        assertEquals("w", webhook.pathParams().get("webhook_id"));
        assertEquals(SharesOperation.LIST_WEBHOOKS, SharesOperation.match("GET", List.of("v4", "accounts", "a",
                "workspaces", "w", "webhooks")).operation());
    }
}
