package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.model.AddReviewersRequest;
import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareAccess;
import io.github.camelframeio.frameio.client.model.ShareActivity;
import io.github.camelframeio.frameio.client.model.UpdateShareRequest;
import io.github.camelframeio.frameio.contract.FrameioContract;
import io.github.camelframeio.frameio.simulator.contract.ContractClient;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every model the producer and the consumers put in a body is written as Frame.io's JSON for the same resource, as
 * the API serves it over HTTP, three ways: Camel's {@code marshal().json()} with camel-jackson's defaults (no module
 * registered), a plain {@code new ObjectMapper()}, and the component's type converters. Equal means equal to
 * Frame.io's JSON without its null fields and without the passphrase; no output holds a null or the passphrase.
 */
class ModelsAsJsonTest extends FrameioSharesTestSupport {

    private static final String PASSPHRASE = "open sesame 42";
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final String MODEL = "model";
    private static final String CONVERTED = "converted";

    private ContractClient http;
    /** What the consumer routes received: the body, as converted and as marshalled, in order. */
    private final List<Written> consumed = new ArrayList<>();

    /** One body as a model and in the three ways of writing it. */
    private record Written(String where, Object model, String converted, String marshalled) {
    }

    @BeforeEach
    void rawClient() {
        http = new ContractClient(fx.baseUrl(), fx.token());
        consumed.clear();
    }

    @Override
    protected void configure(FrameioSharesConfiguration config) {
        super.configure(config);
        config.setConsumerCallsPerMinute(60_000); // no pacing between the polls a test runs
        config.setReviewerCallsPerMinute(60_000);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:asJson")
                        .toD("${header.target}")
                        .process(ModelsAsJsonTest::keepModelAndConverted)
                        .marshal().json();
                from("direct:back")
                        .unmarshal().json(Share.class);
            }
        };
    }

    private static void keepModelAndConverted(Exchange exchange) {
        exchange.setProperty(MODEL, exchange.getMessage().getBody());
        exchange.setProperty(CONVERTED, exchange.getMessage().getBody(String.class));
    }

    // ---- the producer --------------------------------------------------------------------------------------------

    @Test
    void aCreatedShareIsWrittenAsFrameioServesItWithoutItsPassphrase() {
        Written created = produce("frameio-shares:createShare", CreateShareRequest.of("Secret cut", ShareAccess.SECURE)
                .passphrase(PASSPHRASE).assetIds(fx.folderIds().get(0))
                .expiration(OffsetDateTime.of(2027, 1, 31, 14, 0, 0, 123456000, ZoneOffset.ofHours(2))), Map.of());
        Share share = (Share) created.model();
        assertEquals(PASSPHRASE, share.getPassphrase(), "the typed body keeps it");
        JsonNode frameio = rawShare(share.getId());
        assertEquals(PASSPHRASE, frameio.path("passphrase").asText(), "Frame.io's side has it");
        assertWrittenAsFrameioServesIt(frameio, created);
    }

    @Test
    void whatMarshalWritesUnmarshalsToTheSameShare() {
        Written created = produce("frameio-shares:createShare", CreateShareRequest.of("Round trip", ShareAccess.PUBLIC)
                .assetIds(fx.assetIds().get(0)), Map.of());
        assertEquals(created.model(), template.requestBody("direct:back", created.marshalled(), Share.class));
    }

    @Test
    void aShareReadUpdatedAndGivenAnAssetIsWrittenAsFrameioServesIt() {
        String id = secureShare("Dailies");
        assertWrittenAsFrameioServesIt(rawShare(id), produce("frameio-shares:getShare", null,
                Map.of(FrameioSharesConstants.SHARE_ID, id)));

        Written updated = produce("frameio-shares:updateShare", UpdateShareRequest.create().name("Final cut")
                .passphrase(PASSPHRASE + " again").expiration(OffsetDateTime.now().plusDays(7)),
                Map.of(FrameioSharesConstants.SHARE_ID, id));
        assertWrittenAsFrameioServesIt(rawShare(id), updated);

        String notShared = fx.assetIds().stream()
                .filter(a -> !a.equals(fx.assetIds().get(0)) && !a.equals(fx.versionStackIds().get(0))).findFirst().orElseThrow();
        Written added = produce("frameio-shares:addAsset", null, Map.of(FrameioSharesConstants.SHARE_ID, id,
                FrameioSharesConstants.ASSET_ID, notShared));
        assertWrittenAsFrameioServesIt(rawShare(id), added);
    }

    @Test
    void listedSharesAreWrittenAsFrameioServesThem() {
        secureShare("One");
        secureShare("Two");
        Written listed = produce("frameio-shares:listShares", null, Map.of());
        JsonNode frameio = http.get("/v4/accounts/" + fx.accountId() + "/projects/" + fx.projectId()
                                    + "/shares?page_size=100").assertStatus(200).data();
        assertEquals(2, frameio.size());
        assertWrittenAsFrameioServesIt(frameio, listed);
    }

    @Test
    void shareAssetsWithEveryIncludeAreWrittenAsFrameioServesThem() {
        String id = secureShare("Everything");
        String path = sharePath(id) + "/assets?page_size=100&include=" + everyAssetInclude();
        // media links are signed anew in every answer, to expire a day later to the second: when the answers just
        // before and just after the route's are the same, the route's was made in that second too
        JsonNode frameio;
        Written listed;
        int tries = 0;
        do {
            frameio = http.get(path).assertStatus(200).data();
            listed = produce("frameio-shares:listShareAssets?include=" + everyAssetInclude(), null,
                    Map.of(FrameioSharesConstants.SHARE_ID, id));
            tries++;
        } while (!frameio.equals(http.get(path).assertStatus(200).data()) && tries < 5);

        Set<String> types = new TreeSet<>();
        frameio.forEach(row -> types.add(row.path("type").asText()));
        assertEquals(Set.of("file", "folder", "version_stack"), types);
        for (String include : List.of("media_links", "creator", "project", "metadata")) {
            assertFalse(frameio.findValues(include).isEmpty(), include);
        }
        assertWrittenAsFrameioServesIt(frameio, listed);
    }

    @Test
    void reviewersInvitedPeopleIncludedAreWrittenAsFrameioServesThem() {
        String id = secureShare("Reviewed");
        call("frameio-shares:addReviewers", AddReviewersRequest.emails("Please look", fx.emails().get(1),
                "guest@example.org"), Map.of(FrameioSharesConstants.SHARE_ID, id));
        Written listed = produce("frameio-shares:listReviewers", null, Map.of(FrameioSharesConstants.SHARE_ID, id));
        JsonNode frameio = http.get(sharePath(id) + "/reviewers").assertStatus(200).data();
        assertEquals(2, frameio.size());
        assertTrue(hasNull(frameio), "an invited person has a null id and name: " + frameio);
        assertWrittenAsFrameioServesIt(frameio, listed);
    }

    @Test
    void activityWithItsUsersIsWrittenAsFrameioServesIt() {
        String id = secureShare("Watched");
        activity(id, "asset_viewed", fx.fileIds().get(0), fx.userIds().get(0));
        activity(id, "share_viewed", null, null);
        Written listed = produce("frameio-shares:listShareActivities?include=user", null,
                Map.of(FrameioSharesConstants.SHARE_ID, id));
        JsonNode frameio = http.get(sharePath(id) + "/activities?include=user").assertStatus(200).data();
        assertEquals(2, frameio.size());
        assertTrue(hasNull(frameio), "a share view has a null asset_id: " + frameio);
        assertWrittenAsFrameioServesIt(frameio, listed);
    }

    // ---- the consumers --------------------------------------------------------------------------------------------

    @Test
    void shareChangesEventBodiesAreWrittenAsFrameioServesTheShares() throws Exception {
        String edited = secureShare("Edited");
        String viewed = secureShare("Viewed");
        String deleted = secureShare("Deleted");
        consume("changes", "frameio-shares:shareChanges");
        assertEquals(List.of(), poll("changes"), "the baseline");

        String created = secureShare("Created");
        http.patch(sharePath(edited), "{\"data\":{\"name\":\"Edited again\",\"passphrase\":\"" + PASSPHRASE
                                      + " edited\"}}").assertStatus(200);
        simulator.viewShare(viewed);
        JsonNode lastSeen = rawShare(deleted);
        http.delete(sharePath(deleted)).assertStatus(204);

        Map<String, Written> events = new TreeMap<>();
        poll("changes").forEach(w -> events.put(w.where(), w));
        assertEquals(Set.of("created " + created, "updated " + edited, "viewed " + viewed, "deleted " + deleted),
                events.keySet());
        assertWrittenAsFrameioServesIt(rawShare(created), events.get("created " + created));
        assertWrittenAsFrameioServesIt(rawShare(edited), events.get("updated " + edited));
        assertWrittenAsFrameioServesIt(rawShare(viewed), events.get("viewed " + viewed));
        assertWrittenAsFrameioServesIt(lastSeen, events.get("deleted " + deleted));
    }

    @Test
    void shareActivityEventBodiesAreWrittenAsFrameioServesTheItems() throws Exception {
        String id = secureShare("Watched");
        consume("activity", "frameio-shares:shareActivity?include=user&shareId=" + id);
        assertEquals(List.of(), poll("activity"), "the baseline");

        activity(id, "comment_created", fx.fileIds().get(0), fx.userIds().get(1));
        activity(id, "share_viewed", null, null);
        List<Written> events = poll("activity");
        assertEquals(2, events.size());
        Map<String, JsonNode> frameio = new HashMap<>();
        http.get(sharePath(id) + "/activities?include=user").assertStatus(200).data()
                .forEach(item -> frameio.put(item.path("id").asText(), item));
        for (Written event : events) {
            assertWrittenAsFrameioServesIt(frameio.get(((ShareActivity) event.model()).getId()), event);
        }
    }

    // ---- comparing -------------------------------------------------------------------------------------------------

    /**
     * The three ways of writing the body all give Frame.io's JSON without its null fields and passphrase, and none
     * holds a null or the passphrase.
     */
    private static void assertWrittenAsFrameioServesIt(JsonNode frameio, Written body) {
        JsonNode expected = withoutNullFields(frameio);
        Map<String, String> ways = Map.of("marshal().json()", body.marshalled(), "a plain ObjectMapper",
                plain(body.model()), "the type converter", body.converted());
        ways.forEach((way, json) -> {
            String where = body.where() + " by " + way;
            JsonNode written = readTree(json);
            assertEquals(expected, written, where);
            assertFalse(hasNull(written), where + " holds a null: " + json);
            assertFalse(json.contains(PASSPHRASE) || json.contains("passphrase"), where + " holds the passphrase");
        });
    }

    /** Frame.io's JSON without the fields that are null and without a share's passphrase. */
    private static JsonNode withoutNullFields(JsonNode frameio) {
        JsonNode copy = frameio.deepCopy();
        strip(copy, true);
        return copy;
    }

    private static void strip(JsonNode node, boolean resource) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (resource) {
                object.remove("passphrase");
            }
            List<String> nulls = new ArrayList<>();
            object.properties().forEach(f -> {
                if (f.getValue().isNull()) {
                    nulls.add(f.getKey());
                } else {
                    strip(f.getValue(), false);
                }
            });
            object.remove(nulls);
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> strip(item, resource));
        }
    }

    private static boolean hasNull(JsonNode node) {
        if (node.isNull()) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasNull(child)) {
                return true;
            }
        }
        return false;
    }

    private static String plain(Object model) {
        try {
            return PLAIN.writeValueAsString(model);
        } catch (Exception e) {
            throw new AssertionError("a plain ObjectMapper cannot write " + model, e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    // ---- routes ------------------------------------------------------------------------------------------------------

    /** Sends through {@code target} and {@code marshal().json()}; the body as the producer left it, three ways. */
    private Written produce(String target, Object body, Map<String, Object> headers) {
        Map<String, Object> all = new HashMap<>(headers);
        all.put("target", target);
        Exchange exchange = call("direct:asJson", body, all);
        return new Written(target, exchange.getProperty(MODEL), exchange.getProperty(CONVERTED, String.class),
                exchange.getMessage().getBody(String.class));
    }

    /** A consumer route (scheduler off, polled by the test) that writes each body as a converter and marshal do. */
    private void consume(String routeId, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + (uri.contains("?") ? "&" : "?") + "startScheduler=false").routeId(routeId)
                        .process(ModelsAsJsonTest::keepModelAndConverted)
                        .marshal().json()
                        .process(e -> consumed.add(new Written(
                                e.getMessage().getHeader(FrameioSharesConstants.EVENT_TYPE, String.class) + " "
                                + e.getMessage().getHeader(FrameioSharesConstants.SHARE_ID, String.class),
                                e.getProperty(MODEL), e.getProperty(CONVERTED, String.class),
                                e.getMessage().getBody(String.class))));
            }
        });
    }

    /** One poll of the route's consumer; what it emitted. */
    private List<Written> poll(String routeId) {
        int before = consumed.size();
        ((ScheduledPollConsumer) context.getRoute(routeId).getConsumer()).run();
        return new ArrayList<>(consumed.subList(before, consumed.size()));
    }

    // ---- Frame.io, over HTTP ----------------------------------------------------------------------------------------

    /** A secure share with a passphrase, holding a folder, a version stack and a file. */
    private String secureShare(String name) {
        String body = "{\"data\":{\"type\":\"asset\",\"name\":\"" + name + "\",\"access\":\"secure\",\"passphrase\":\""
                      + PASSPHRASE + "\",\"asset_ids\":[\"" + fx.folderIds().get(0) + "\",\""
                      + fx.versionStackIds().get(0) + "\",\"" + fx.assetIds().get(0) + "\"]}}";
        return http.post("/v4/accounts/" + fx.accountId() + "/projects/" + fx.projectId() + "/shares", body)
                .assertStatus(201).data().path("id").asText();
    }

    private JsonNode rawShare(String id) {
        return http.get(sharePath(id)).assertStatus(200).data();
    }

    /** An item of the share's activity feed, as the web app adds one; a null user is an anonymous viewer. */
    private void activity(String id, String type, String assetId, String userId) {
        ObjectNode body = PLAIN.createObjectNode().put("type", type);
        if (assetId != null) {
            body.put("asset_id", assetId);
        }
        if (userId != null) {
            body.put("user_id", userId);
        }
        http.post("/_sim/shares/" + id + "/activities", body.toString()).assertStatus(201);
    }

    private String sharePath(String id) {
        return "/v4/accounts/" + fx.accountId() + "/shares/" + id;
    }

    /** Every value the contract allows in the include of a share's asset list, comma-separated. */
    private static String everyAssetInclude() {
        List<String> values = new ArrayList<>();
        FrameioContract.document().path("paths").path("/v4/accounts/{account_id}/shares/{share_id}/assets")
                .path("get").path("parameters").forEach(p -> {
                    if (p.path("name").asText().equals("include")) {
                        p.at("/schema/enum").forEach(v -> values.add(v.asText()));
                    }
                });
        assertNotEquals(List.of(), values);
        return String.join(",", values);
    }
}
