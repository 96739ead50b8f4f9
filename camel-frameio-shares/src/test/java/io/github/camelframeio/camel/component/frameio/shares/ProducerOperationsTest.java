package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelframeio.frameio.client.model.AddReviewersRequest;
import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.RemoveReviewersRequest;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareAccess;
import io.github.camelframeio.frameio.client.model.ShareActivity;
import io.github.camelframeio.frameio.client.model.ShareActivityType;
import io.github.camelframeio.frameio.client.model.ShareAsset;
import io.github.camelframeio.frameio.client.model.ShareAssetType;
import io.github.camelframeio.frameio.client.model.ShareLayout;
import io.github.camelframeio.frameio.client.model.ShareReviewer;
import io.github.camelframeio.frameio.client.model.UpdateShareRequest;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation through a real route against the simulator.
 */
class ProducerOperationsTest extends FrameioSharesTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:createAndAdd")
                        .to("frameio-shares:createShare")
                        .setHeader(FrameioSharesConstants.ASSET_IDS, constant(List.of(fx.assetIds().get(0), fx.assetIds().get(1))))
                        .to("frameio-shares:addAsset");
            }
        };
    }

    @Test
    void createShareFromATypedRequestReturnsTheShareAndItsLink() {
        OffsetDateTime expiry = OffsetDateTime.of(2027, 1, 31, 12, 0, 0, 123456000, ZoneOffset.UTC);
        Exchange exchange = call("frameio-shares:createShare", CreateShareRequest.of("Dailies", ShareAccess.SECURE)
                .assetIds(fx.folderIds().get(0)).layout(ShareLayout.LIST).expiration(expiry).downloadingEnabled(false));
        Share share = exchange.getMessage().getBody(Share.class);
        assertEquals("Dailies", share.getName());
        assertEquals(ShareAccess.SECURE, share.getAccess());
        assertEquals(ShareLayout.LIST, share.getLayout());
        assertEquals(expiry.toInstant(), share.getExpiration().toInstant());
        assertFalse(share.getDownloadingEnabled());
        assertEquals(share.getId(), exchange.getMessage().getHeader(FrameioSharesConstants.SHARE_ID));
        assertEquals(share.getShortUrl(), exchange.getMessage().getHeader(FrameioSharesConstants.SHARE_URL));
        // the simulator runs without limits here, so the whole budget (10 creates a minute) remains
        assertEquals(10, exchange.getMessage().getHeader(FrameioSharesConstants.RATE_LIMIT_REMAINING, Integer.class));
        assertNotNull(exchange.getMessage().getHeader(FrameioSharesConstants.REQUEST_ID));
        assertTrue(simulator.hasShare(share.getId()));
    }

    @Test
    void createShareFromAMapAJsonStringOrTheApiEnvelope() {
        Share fromMap = call("frameio-shares:createShare", Map.of("name", "From a map", "access", "public"))
                .getMessage().getBody(Share.class);
        Share fromJson = call("frameio-shares:createShare", "{\"name\":\"From JSON\",\"access\":\"secure\",\"theme\":\"light\"}")
                .getMessage().getBody(Share.class);
        Share fromEnvelope = call("frameio-shares:createShare",
                "{\"data\":{\"type\":\"asset\",\"name\":\"From the API's shape\",\"access\":\"public\"}}")
                .getMessage().getBody(Share.class);
        Share fromBytes = call("frameio-shares:createShare", "{\"name\":\"From bytes\",\"access\":\"public\"}".getBytes())
                .getMessage().getBody(Share.class);
        assertEquals("From a map", fromMap.getName());
        assertEquals("From JSON", fromJson.getName());
        assertEquals("light", simulator.share(fromJson.getId()).get("theme").asText());
        assertEquals("From the API's shape", fromEnvelope.getName());
        assertEquals("From bytes", fromBytes.getName());
        assertEquals(4, simulator.shareCount());
    }

    @Test
    void getShareByHeaderOrOption() {
        String id = createShare("Read me");
        Share byHeader = call("frameio-shares:getShare", null, Map.of(FrameioSharesConstants.SHARE_ID, id))
                .getMessage().getBody(Share.class);
        Share byOption = call("frameio-shares:getShare?shareId=" + id, null).getMessage().getBody(Share.class);
        assertEquals(byHeader, byOption);
        assertEquals("Read me", byOption.getName());
    }

    @Test
    void updateShareChangesOnlyWhatIsSent() {
        String id = createShare("Before");
        Exchange exchange = call("frameio-shares:updateShare", UpdateShareRequest.create().name("After")
                .passphrase("s3cret passphrase").commentingEnabled(false), Map.of(FrameioSharesConstants.SHARE_ID, id));
        Share share = exchange.getMessage().getBody(Share.class);
        assertEquals("After", share.getName());
        assertFalse(share.getCommentingEnabled());
        assertTrue(share.getEnabled(), "unchanged");
        assertFalse(share.toString().contains("s3cret"), "toString masks the passphrase");
        Share cleared = call("frameio-shares:updateShare", "{\"data\":{\"passphrase\":null}}",
                Map.of(FrameioSharesConstants.SHARE_ID, id)).getMessage().getBody(Share.class);
        assertNull(cleared.getPassphrase());
    }

    @Test
    void deleteShareKeepsTheBodyAndNamesTheShare() {
        String id = createShare("Doomed");
        Exchange exchange = call("frameio-shares:deleteShare", "keep me", Map.of(FrameioSharesConstants.SHARE_ID, id));
        assertEquals("keep me", exchange.getMessage().getBody());
        assertEquals(id, exchange.getMessage().getHeader(FrameioSharesConstants.SHARE_ID));
        assertFalse(simulator.hasShare(id));
    }

    @Test
    void createThenAddSeveralAssetsInOneRoute() {
        Exchange exchange = call("direct:createAndAdd", Map.of("name", "Pipeline", "access", "secure"));
        Share share = exchange.getMessage().getBody(Share.class);
        assertEquals(List.of(fx.assetIds().get(0), fx.assetIds().get(1)),
                exchange.getMessage().getHeader(FrameioSharesConstants.ASSET_IDS));
        assertEquals(2, apiCalls("shares.add_asset"), "one call per asset");
        List<?> assets = call("frameio-shares:listShareAssets", null, Map.of(FrameioSharesConstants.SHARE_ID, share.getId()))
                .getMessage().getBody(List.class);
        assertEquals(2, assets.size());
    }

    @Test
    void addAssetFromTheBodyOrOptionAndRemoveAsset() {
        String id = createShare("Assets");
        call("frameio-shares:addAsset", List.of(fx.assetIds().get(2), fx.assetIds().get(3)),
                Map.of(FrameioSharesConstants.SHARE_ID, id));
        call("frameio-shares:addAsset?assetId=" + fx.folderIds().get(0), new Object(), Map.of(FrameioSharesConstants.SHARE_ID, id));
        Exchange removed = call("frameio-shares:removeAsset", null, Map.of(FrameioSharesConstants.SHARE_ID, id,
                FrameioSharesConstants.ASSET_ID, fx.assetIds().get(2)));
        assertEquals(List.of(fx.assetIds().get(2)), removed.getMessage().getHeader(FrameioSharesConstants.ASSET_IDS));
        assertEquals(id, removed.getMessage().getBody(Share.class).getId());
        assertEquals(3, apiCalls("shares.add_asset"));
        assertEquals(1, apiCalls("shares.remove_asset"));
    }

    @Test
    void listShareAssetsIsTypedAndFlat() {
        String id = createShare("Flat", fx.folderIds().get(0), fx.versionStackIds().get(0));
        List<ShareAsset> assets = listOf(call("frameio-shares:listShareAssets?include=creator&sort=name_asc", null,
                Map.of(FrameioSharesConstants.SHARE_ID, id)), ShareAsset.class);
        assertEquals(8, assets.size());
        assertTrue(assets.stream().anyMatch(a -> a.getType() == ShareAssetType.VERSION_STACK));
        assertTrue(assets.stream().allMatch(a -> a.getCreator() != null), "include=creator is typed");
        List<String> names = assets.stream().map(ShareAsset::getName).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, names);
    }

    @Test
    void addReviewersFromAPlainListIsBatchedByTenAndType() {
        String id = createShare("Secure", ShareAccess.SECURE);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            people.add("guest" + i + "@example.org");
        }
        people.add(fx.userIds().get(1));
        people.add("GUEST0@example.org"); // the same person again
        Exchange exchange = call("frameio-shares:addReviewers?reviewerMessage=Please review", people,
                Map.of(FrameioSharesConstants.SHARE_ID, id));
        assertSame(people, exchange.getMessage().getBody(), "the body is left as it was");
        assertEquals(4, apiCalls("shares.add_reviewers"), "10 + 10 + 3 e-mails and 1 user id");
        List<ShareReviewer> reviewers = listOf(call("frameio-shares:listReviewers", null,
                Map.of(FrameioSharesConstants.SHARE_ID, id)), ShareReviewer.class);
        assertEquals(24, reviewers.size());
    }

    @Test
    void addReviewersFromATypedRequestOrTheApiShapeAndRemoveThem() {
        String id = createShare("Secure", ShareAccess.SECURE);
        call("frameio-shares:addReviewers", AddReviewersRequest.emails("Welcome", fx.emails().get(1), fx.emails().get(2)),
                Map.of(FrameioSharesConstants.SHARE_ID, id));
        call("frameio-shares:addReviewers", "{\"data\":{\"message\":\"Hi\",\"notify_by_email\":false,"
                                            + "\"reviewers\":{\"adobe_user_ids\":[\"" + fx.adobeUserIds().get(0) + "\"]}}}",
                Map.of(FrameioSharesConstants.SHARE_ID, id));
        assertEquals(3, reviewerCount(id));
        call("frameio-shares:removeReviewers", RemoveReviewersRequest.emails(fx.emails().get(1)),
                Map.of(FrameioSharesConstants.SHARE_ID, id));
        call("frameio-shares:removeReviewers", null, Map.of(FrameioSharesConstants.SHARE_ID, id,
                FrameioSharesConstants.REVIEWERS, fx.userIds().get(0) + "," + fx.emails().get(2)));
        assertEquals(0, reviewerCount(id));
        assertEquals(3, apiCalls("shares.remove_reviewers"), "one call per type");
    }

    @Test
    void addReviewersTakesShareListsWhenTold() {
        String id = createShare("Secure", ShareAccess.SECURE);
        call("frameio-shares:addReviewers?reviewerType=share_list_ids", fx.shareListIds().get(0),
                Map.of(FrameioSharesConstants.SHARE_ID, id, FrameioSharesConstants.REVIEWER_MESSAGE, "Team, please look"));
        assertEquals(2, reviewerCount(id));
    }

    @Test
    void listShareActivitiesIsTypedNewestFirst() {
        String id = createShare("Watched");
        simulator.viewShare(id);
        simulator.viewShare(id);
        List<ShareActivity> activity = listOf(call("frameio-shares:listShareActivities?include=user", null,
                Map.of(FrameioSharesConstants.SHARE_ID, id)), ShareActivity.class);
        assertEquals(2, activity.size());
        assertEquals(ShareActivityType.SHARE_VIEWED, activity.get(0).getType());
        assertTrue(activity.get(0).getInsertedAt().isAfter(activity.get(1).getInsertedAt()));
    }

    @Test
    void operationHeaderOverridesTheUri() {
        String id = createShare("Header");
        Exchange exchange = call("frameio-shares:listShares", null, Map.of(FrameioSharesConstants.OPERATION, "getShare",
                FrameioSharesConstants.SHARE_ID, id));
        assertEquals(id, exchange.getMessage().getBody(Share.class).getId());
        Exchange byEnum = call("frameio-shares:listShares", null, Map.of(FrameioSharesConstants.OPERATION,
                FrameioSharesOperation.deleteShare, FrameioSharesConstants.SHARE_ID, id));
        assertNull(byEnum.getException());
        assertFalse(simulator.hasShare(id));
    }

    @Test
    void listSharesOfAnotherProjectByHeader() {
        simulator.bulkCreateShares(fx.otherProjectId(), 3);
        createShare("In the default project");
        List<Share> other = listOf(call("frameio-shares:listShares", null,
                Map.of(FrameioSharesConstants.PROJECT_ID, fx.otherProjectId())), Share.class);
        assertEquals(3, other.size());
        assertEquals(1, listOf(call("frameio-shares:listShares", null), Share.class).size());
    }

    @Test
    void sharesReadBackAsTheSimulatorHoldsThem() {
        String id = createShare("Round trip");
        Share share = call("frameio-shares:getShare", null, Map.of(FrameioSharesConstants.SHARE_ID, id))
                .getMessage().getBody(Share.class);
        JsonNode held = simulator.share(id);
        assertEquals(held.get("collection_id").asText(), share.getCollectionId());
        assertEquals(OffsetDateTime.parse(held.get("created_at").asText()), share.getCreatedAt());
        assertNull(share.getLastViewedAt());
    }

    private String createShare(String name, String... assetIds) {
        return createShare(name, ShareAccess.PUBLIC, assetIds);
    }

    private String createShare(String name, ShareAccess access, String... assetIds) {
        CreateShareRequest request = CreateShareRequest.of(name, access);
        if (assetIds.length > 0) {
            request.assetIds(assetIds);
        }
        return call("frameio-shares:createShare", request).getMessage().getBody(Share.class).getId();
    }

    private int reviewerCount(String shareId) {
        return call("frameio-shares:listReviewers", null, Map.of(FrameioSharesConstants.SHARE_ID, shareId))
                .getMessage().getBody(List.class).size();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> listOf(Exchange exchange, Class<T> type) {
        List<Object> list = exchange.getMessage().getBody(List.class);
        list.forEach(item -> assertTrue(type.isInstance(item), item.getClass() + " is not " + type));
        return (List<T>) (List<?>) list;
    }
}
