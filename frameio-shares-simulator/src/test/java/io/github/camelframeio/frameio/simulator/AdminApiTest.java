package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.contract.ContractClient;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.admin;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createBody;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createShare;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharePath;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharesPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API under /_sim: health, fixtures, reset, the request log, and what a person does in the web app.
 */
class AdminApiTest extends SimulatorApiTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void healthNeedsNoToken() throws Exception {
        assertEquals("UP", admin(sim, "GET", "/_sim/health", null, 200).get("status").asText());
    }

    @Test
    void fixturesListEverythingATestNeeds() throws Exception {
        JsonNode fixtures = admin(sim, "GET", "/_sim/fixtures", null, 200);
        for (String key : List.of("base_url", "token", "client_id", "client_secret", "refresh_token", "account_id",
                "project_id", "asset_ids", "folder_ids", "user_ids", "emails")) {
            assertTrue(fixtures.has(key), key);
        }
        assertEquals(sim.baseUrl(), fixtures.get("base_url").asText());
        assertTrue(fixtures.get("asset_ids").size() >= 3);
        assertTrue(fixtures.get("folder_ids").size() >= 2, "nested folders");
        assertEquals(1, fixtures.get("version_stack_ids").size());
        assertTrue(fixtures.get("user_ids").size() >= 2);
        assertTrue(fixtures.get("emails").size() >= 2);
        assertEquals(f.token(), fixtures.get("token").asText());
    }

    @Test
    void theSameSeedGivesTheSameWorld() {
        try (FrameioSimulator a = FrameioSimulator.builder().seed(42).rateLimits(false).start();
             FrameioSimulator b = FrameioSimulator.builder().seed(42).rateLimits(false).start();
             FrameioSimulator c = FrameioSimulator.builder().seed(43).rateLimits(false).start()) {
            assertEquals(withoutUrls(a.fixtures()), withoutUrls(b.fixtures()));
            assertNotEquals(a.fixtures().accountId(), c.fixtures().accountId());
            assertNotEquals(a.fixtures().token(), c.fixtures().token());
            JsonNode shareA = createShare(new ContractClient(a.baseUrl(), a.fixtures().token()), a.fixtures(), "s", "public");
            JsonNode shareB = createShare(new ContractClient(b.baseUrl(), b.fixtures().token()), b.fixtures(), "s", "public");
            assertEquals(shareA.get("id"), shareB.get("id"));
            assertEquals(shareA.get("short_url"), shareB.get("short_url"));
        }
    }

    @Test
    void idsNeverRepeatAcrossResets() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            JsonNode share = createShare(client, f, "s", "public");
            assertTrue(seen.add(share.get("id").asText()), "share id of round " + round + " is new");
            assertTrue(seen.add(share.get("collection_id").asText()), "collection id of round " + round + " is new");
            admin(sim, "POST", "/_sim/reset", null, 204);
        }
        sim.bulkCreateShares(f.projectId(), 20);
        for (String id : sim.shareIds()) {
            assertTrue(seen.add(id), "bulk-created " + id + " is new");
        }
    }

    @Test
    void tokensIssuedBeforeAResetAreNotIssuedAgainAfterIt() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + f.clientId() + "&client_secret=" + f.clientSecret()
                      + "&scope=openid,AdobeID,frame.s2s.all";
        String before = imsToken(form);
        sim.reset();
        String after = imsToken(form);
        assertNotEquals(before, after);
        new ContractClient(sim.baseUrl(), before).get(sharesPath(f)).assertStatus(401);
        new ContractClient(sim.baseUrl(), after).get(sharesPath(f)).assertStatus(200);
    }

    private String imsToken(String form) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sim.imsUrl() + "/ims/token/v3"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return MAPPER.readTree(response.body()).get("access_token").asText();
    }

    @Test
    void resetReturnsToTheFixtures() throws Exception {
        createShare(client, f, "x", "public");
        sim.faults(io.github.camelframeio.frameio.simulator.admin.FaultRule.status("shares.show", 500));
        admin(sim, "POST", "/_sim/reset", null, 204);
        assertEquals(0, sim.shareCount());
        JsonNode requests = admin(sim, "GET", "/_sim/requests", null, 200);
        assertEquals(0, requests.get("total").asInt());
        assertEquals(0, admin(sim, "GET", "/_sim/faults", null, 200).get("rules").size());
    }

    @Test
    void requestLogCountsByOperationAndKeepsTheRecentOnes() throws Exception {
        String id = createShare(client, f, "x", "public").get("id").asText();
        for (int i = 0; i < 6; i++) {
            client.get(sharePath(f, id));
        }
        client.get("/v4/nowhere");
        admin(sim, "GET", "/_sim/health", null, 200);
        JsonNode log = admin(sim, "GET", "/_sim/requests", null, 200);
        assertEquals(8, log.get("total").asInt(), "admin calls are not API traffic");
        assertEquals(1, log.get("by_operation").get("shares.create").asInt());
        assertEquals(6, log.get("by_operation").get("shares.show").asInt());
        assertEquals(8, log.get("recent").size());
        JsonNode last = log.get("recent").get(7);
        assertEquals("GET", last.get("method").asText());
        assertEquals("/v4/nowhere", last.get("path").asText());
        assertEquals(404, last.get("status").asInt());
        assertTrue(last.get("operation").isNull());
        JsonNode show = log.get("recent").get(6);
        assertEquals("shares.show", show.get("operation").asText());
        assertEquals(6, sim.requests().count("shares.show"));
        admin(sim, "DELETE", "/_sim/requests", null, 204);
        assertEquals(0, sim.requests().total());
    }

    @Test
    void requestLogKeepsOnlyTheConfiguredNumberOfRecentRequests() throws Exception {
        try (FrameioSimulator small = FrameioSimulator.builder().recentRequests(5).start()) {
            ContractClient c = new ContractClient(small.baseUrl(), small.fixtures().token());
            for (int i = 0; i < 7; i++) {
                c.get(sharesPath(small.fixtures()) + "?page_size=" + (i + 1));
            }
            JsonNode log = admin(small, "GET", "/_sim/requests", null, 200);
            assertEquals(7, log.get("total").asInt());
            assertEquals(5, log.get("recent").size());
            assertEquals("page_size=7", log.get("recent").get(4).get("query").asText());
        }
    }

    @Test
    void webAppEditChangesFieldsAndUpdatedAt() throws Exception {
        JsonNode share = createShare(client, f, "Before", "public");
        String id = share.get("id").asText();
        JsonNode edited = admin(sim, "PATCH", "/_sim/shares/" + id, "{\"name\":\"After\",\"downloading_enabled\":false}", 200)
                .get("data");
        assertEquals("After", edited.get("name").asText());
        assertFalse(edited.get("downloading_enabled").asBoolean());
        assertTrue(edited.get("updated_at").asText().compareTo(share.get("updated_at").asText()) > 0);
        assertEquals(edited, client.get(sharePath(f, id)).data());
        admin(sim, "PATCH", "/_sim/shares/" + id, "{\"name\":\"\"}", 422);
        admin(sim, "PATCH", "/_sim/shares/" + f.accountId(), "{\"name\":\"x\"}", 404);
        assertEquals("Java", sim.editShare(id, Map.of("name", "Java")).get("name").asText());
    }

    @Test
    void viewMovesLastViewedAtAndAddsActivityButNotUpdatedAt() throws Exception {
        JsonNode share = createShare(client, f, "Viewed", "public");
        String id = share.get("id").asText();
        JsonNode viewed = admin(sim, "POST", "/_sim/shares/" + id + "/view", null, 200).get("data");
        assertFalse(viewed.get("last_viewed_at").isNull());
        assertEquals(share.get("updated_at"), viewed.get("updated_at"));
        JsonNode activity = client.get(sharePath(f, id) + "/activities").data();
        assertEquals(1, activity.size());
        assertEquals("share_viewed", activity.get(0).get("type").asText());
        assertEquals(viewed.get("last_viewed_at"), activity.get(0).get("inserted_at"));
    }

    @Test
    void viewCanAlsoMoveUpdatedAt() {
        try (FrameioSimulator touching = FrameioSimulator.builder().viewTouchesUpdatedAt(true).start()) {
            ContractClient c = new ContractClient(touching.baseUrl(), touching.fixtures().token());
            JsonNode share = createShare(c, touching.fixtures(), "Viewed", "public");
            touching.viewShare(share.get("id").asText());
            JsonNode after = touching.share(share.get("id").asText());
            assertEquals(after.get("last_viewed_at"), after.get("updated_at"));
        }
    }

    @Test
    void webAppDeleteAndCreate() throws Exception {
        String id = createShare(client, f, "x", "public").get("id").asText();
        admin(sim, "DELETE", "/_sim/shares/" + id, null, 204);
        client.get(sharePath(f, id)).assertStatus(404);
        admin(sim, "DELETE", "/_sim/shares/" + id, null, 404);
        JsonNode created = admin(sim, "POST", "/_sim/projects/" + f.projectId() + "/shares", createBody("Web", "secure"), 201);
        assertEquals("Web", created.get("data").get("name").asText());
        admin(sim, "POST", "/_sim/projects/" + f.projectId() + "/shares", "{\"data\":{}}", 422);
    }

    @Test
    void bulkCreatesManySharesAtOnce() throws Exception {
        JsonNode result = admin(sim, "POST", "/_sim/projects/" + f.projectId() + "/shares/bulk", "{\"count\":2500}", 201);
        assertEquals(2500, result.get("created").asInt());
        assertEquals(2500, client.get(sharesPath(f) + "?include_total_count=true").json().get("total_count").asInt());
        admin(sim, "POST", "/_sim/projects/" + f.projectId() + "/shares/bulk", "{\"count\":-1}", 422);
        admin(sim, "POST", "/_sim/projects/" + f.accountId() + "/shares/bulk", "{\"count\":1}", 404);
        admin(sim, "POST", "/_sim/projects/" + f.projectId() + "/shares/bulk", "{\"count\":1,\"access\":\"secure\",\"name_prefix\":\"Secure\"}", 201);
    }

    @Test
    void webAppActivityReviewersAndAssets() throws Exception {
        String id = createShare(client, f, "Busy", "secure", f.assetIds().get(0)).get("id").asText();
        admin(sim, "POST", "/_sim/shares/" + id + "/activities", "{\"type\":\"asset_downloaded\",\"asset_id\":\""
                                                           + f.assetIds().get(0) + "\",\"user_id\":\"" + f.userIds().get(1) + "\"}", 201);
        admin(sim, "POST", "/_sim/shares/" + id + "/activities", "{\"type\":\"comment_created\"}", 201);
        admin(sim, "POST", "/_sim/shares/" + id + "/activities", "{\"type\":\"liked\"}", 422);
        JsonNode activity = client.get(sharePath(f, id) + "/activities?include=user").data();
        assertEquals("comment_created", activity.get(0).get("type").asText(), "newest first");
        assertEquals("asset_downloaded", activity.get(1).get("type").asText());
        assertEquals(f.emails().get(1), activity.get(1).get("user").get("email").asText());

        admin(sim, "POST", "/_sim/shares/" + id + "/reviewers", "{\"emails\":[\"" + f.emails().get(2) + "\"]}", 200);
        assertEquals(1, client.get(sharePath(f, id) + "/reviewers").data().size());
        admin(sim, "DELETE", "/_sim/shares/" + id + "/reviewers", "{\"emails\":[\"" + f.emails().get(2) + "\"]}", 200);
        assertEquals(0, client.get(sharePath(f, id) + "/reviewers").data().size());

        admin(sim, "POST", "/_sim/shares/" + id + "/assets", "{\"asset_id\":\"" + f.assetIds().get(1) + "\"}", 200);
        assertEquals(2, client.get(sharePath(f, id) + "/assets").data().size());
        admin(sim, "DELETE", "/_sim/shares/" + id + "/assets/" + f.assetIds().get(0), null, 200);
        assertEquals(1, client.get(sharePath(f, id) + "/assets").data().size());
    }

    @Test
    void unknownAdminRouteIs404() throws Exception {
        admin(sim, "GET", "/_sim/nothing", null, 404);
    }

    private static ObjectNode withoutUrls(SimulatorFixtures fixtures) {
        ObjectNode json = MAPPER.valueToTree(fixtures);
        json.remove("baseUrl");
        json.remove("imsUrl");
        return json;
    }

}
