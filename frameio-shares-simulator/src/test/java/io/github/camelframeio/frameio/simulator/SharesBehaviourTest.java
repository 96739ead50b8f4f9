package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelframeio.frameio.simulator.contract.ContractClient;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createBody;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createShare;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharePath;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharesPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the simulator does beyond the shapes of the contract: flat asset lists, reviewers on secure and public
 * shares, activity order, plan-gated descriptions and account isolation.
 */
class SharesBehaviourTest extends SimulatorApiTestBase {


    @Test
    void shareAssetsAreARecursivelyFlatList() {
        String dailies = f.folderIds().get(0);
        String stack = f.versionStackIds().get(0);
        String id = createShare(client, f, "Flat", "public", dailies, stack).get("id").asText();
        List<String> rows = new ArrayList<>();
        client.get(sharePath(f, id) + "/assets").assertValid().data()
                .forEach(a -> rows.add(a.get("type").asText() + ":" + a.get("name").asText()));
        assertEquals(List.of("folder:Dailies", "file:A001_C002.mov", "file:A001_C003.mov", "folder:Day 2",
                "file:B001_C001.mov", "version_stack:Hero Cut", "file:hero_cut_v1.mp4", "file:hero_cut_v2.mp4"), rows);
    }

    @Test
    void anAssetReachableTwiceIsListedOnce() {
        String nestedFile = f.fileIds().get(0);
        String id = createShare(client, f, "Twice", "public", nestedFile, f.folderIds().get(0)).get("id").asText();
        JsonNode rows = client.get(sharePath(f, id) + "/assets?include_total_count=true").data();
        assertEquals(5, rows.size());
    }

    @Test
    void reviewersOnASecureShareAreAdded() {
        String id = createShare(client, f, "Secure", "secure").get("id").asText();
        client.post(sharePath(f, id) + "/reviewers", "{\"data\":{\"message\":\"Hi\",\"reviewers\":{\"emails\":[\""
                                                     + f.emails().get(1).toUpperCase() + "\",\"outsider@example.org\"]}}}")
                .assertStatus(204);
        JsonNode reviewers = client.get(sharePath(f, id) + "/reviewers?sort=name_asc").data();
        assertEquals(2, reviewers.size());
        JsonNode member = reviewers.get(0);
        assertEquals(f.userIds().get(1), member.get("id").asText());
        assertTrue(member.get("active").asBoolean());
        JsonNode invited = reviewers.get(1);
        assertTrue(invited.get("id").isNull(), "an invited outsider has no Frame.io user id");
        assertFalse(invited.get("active").asBoolean());
        // adding the same person again keeps one entry
        client.post(sharePath(f, id) + "/reviewers", "{\"data\":{\"message\":\"Hi\",\"reviewers\":{\"user_ids\":[\""
                                                     + f.userIds().get(1) + "\"]}}}").assertStatus(204);
        assertEquals(2, client.get(sharePath(f, id) + "/reviewers").data().size());
    }

    @Test
    void reviewersOnAPublicShareOnlyGetAnEmail() throws Exception {
        String id = createShare(client, f, "Public", "public").get("id").asText();
        client.post(sharePath(f, id) + "/reviewers", "{\"data\":{\"message\":\"Look\",\"reviewers\":{\"emails\":[\""
                                                     + f.emails().get(2) + "\"]}}}").assertValid().assertStatus(204);
        assertEquals(0, client.get(sharePath(f, id) + "/reviewers").assertValid().data().size());
        String notifications = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sim.baseUrl() + "/_sim/notifications")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(notifications.contains(f.emails().get(2)) && notifications.contains("Look"), notifications);
    }

    @Test
    void reviewersStayWhenASecureShareTurnsPublic() {
        String id = createShare(client, f, "Secure", "secure").get("id").asText();
        client.post(sharePath(f, id) + "/reviewers", "{\"data\":{\"message\":\"Hi\",\"reviewers\":{\"share_list_ids\":[\""
                                                     + f.shareListIds().get(0) + "\"]}}}").assertStatus(204);
        client.patch(sharePath(f, id), "{\"data\":{\"access\":\"public\"}}").assertStatus(200);
        assertEquals(2, client.get(sharePath(f, id) + "/reviewers").data().size());
    }

    @Test
    void removeReviewersByEachIdentifierType() {
        String id = createShare(client, f, "Secure", "secure").get("id").asText();
        String all = "\"" + String.join("\",\"", f.emails()) + "\"";
        client.post(sharePath(f, id) + "/reviewers", "{\"data\":{\"message\":\"Hi\",\"reviewers\":{\"emails\":[" + all + "]}}}")
                .assertStatus(204);
        client.delete(sharePath(f, id) + "/reviewers", "{\"data\":{\"reviewers\":{\"user_ids\":[\"" + f.userIds().get(0) + "\"]}}}")
                .assertValid().assertStatus(204);
        client.delete(sharePath(f, id) + "/reviewers", "{\"data\":{\"reviewers\":{\"adobe_user_ids\":[\"" + f.adobeUserIds().get(1) + "\"]}}}")
                .assertValid().assertStatus(204);
        JsonNode left = client.get(sharePath(f, id) + "/reviewers").data();
        assertEquals(1, left.size());
        assertEquals(f.emails().get(2), left.get(0).get("email").asText());
        // removing someone who is not a reviewer is not an error
        client.delete(sharePath(f, id) + "/reviewers", "{\"data\":{\"reviewers\":{\"emails\":[\"nobody@example.org\"]}}}")
                .assertStatus(204);
    }

    @Test
    void activityIsNewestFirstWithUsersOnRequest() throws Exception {
        String id = createShare(client, f, "Feed", "public", f.assetIds().get(0)).get("id").asText();
        sim.viewShare(id);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/shares/" + id + "/activities"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"asset_viewed\",\"asset_id\":\"" + f.assetIds().get(0)
                                                          + "\",\"user_id\":\"" + f.userIds().get(0) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode feed = client.get(sharePath(f, id) + "/activities?include=user").assertValid().data();
        assertEquals("asset_viewed", feed.get(0).get("type").asText());
        assertEquals(f.assetIds().get(0), feed.get(0).get("asset_id").asText());
        assertEquals(f.emails().get(0), feed.get(0).get("user").get("email").asText());
        assertEquals("share_viewed", feed.get(1).get("type").asText());
        assertTrue(feed.get(1).get("asset_id").isNull());
        assertTrue(feed.get(1).has("user") && feed.get(1).get("user").isNull(),
                "an anonymous viewer's user is null (the schema's user is nullable)");
        assertFalse(client.get(sharePath(f, id) + "/activities").data().get(0).has("user"), "only with include=user");
    }

    @Test
    void descriptionsNeedTheBrandedSharesFeature() {
        try (FrameioSimulator plain = FrameioSimulator.builder().customBrandedShares(false).start()) {
            SimulatorFixtures pf = plain.fixtures();
            ContractClient c = new ContractClient(plain.baseUrl(), pf.token());
            c.post(sharesPath(pf), "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"description\":\"Branded\"}}")
                    .assertValid().assertError(403, "/data/description", "custom_branded_shares");
            String id = createShare(c, pf, "x", "public").get("id").asText();
            c.patch(sharePath(pf, id), "{\"data\":{\"description\":\"Branded\"}}").assertValid().assertStatus(403);
            c.patch(sharePath(pf, id), "{\"data\":{\"description\":null}}").assertValid().assertStatus(200);
        }
    }

    @Test
    void sharesBelongToTheirAccountAndAssetsToTheirProject() {
        String id = createShare(client, f, "Mine", "public").get("id").asText();
        client.get("/v4/accounts/" + f.forbiddenAccountId() + "/shares/" + id).assertStatus(403);
        client.get("/v4/accounts/" + f.userIds().get(0) + "/shares/" + id).assertStatus(404);
        client.post(sharePath(f, id) + "/assets", "{\"data\":{\"asset_id\":\"" + f.otherProjectId() + "\"}}")
                .assertStatus(404);
        client.get("/v4/accounts/" + f.accountId() + "/projects/" + f.otherProjectId() + "/shares").assertValid()
                .assertStatus(200);
        client.post("/v4/accounts/" + f.accountId() + "/projects/" + f.otherProjectId() + "/shares",
                createBody("Wrong project", "public", f.assetIds().get(0))).assertError(404, "/data/asset_ids/0", null);
    }

    @Test
    void unknownRoutesAndMethodsAre404() {
        client.get("/v4/accounts/" + f.accountId()).assertError(404, null, "Not found");
        client.send("PUT", sharePath(f, f.accountId()), "{}").assertError(404, null, "Not found");
        client.get("/v3/me").assertStatus(404);
    }
}
