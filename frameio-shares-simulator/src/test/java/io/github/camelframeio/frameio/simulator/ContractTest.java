package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.simulator.contract.ContractValidator;
import io.github.camelframeio.frameio.simulator.contract.Exchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createBody;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createShare;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharePath;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharesPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Shares operation, in success and error cases, checked against Frame.io's OpenAPI document: requests the
 * contract accepts get contract-conforming answers, and requests the contract rejects are rejected by the simulator
 * too, with contract-conforming error bodies and headers.
 */
class ContractTest extends SimulatorApiTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    // ---- list shares -------------------------------------------------------------------------------------------

    @Test
    void listSharesPagesThroughTheProject() {
        sim.bulkCreateShares(f.projectId(), 7);
        Exchange first = client.get(sharesPath(f) + "?page_size=5&include_total_count=true").assertValid().assertStatus(200);
        assertEquals(5, first.data().size());
        assertEquals(7, first.json().get("total_count").asInt());
        String next = first.json().get("links").get("next").asText();
        Exchange second = client.get(next + "&page_size=5").assertValid().assertStatus(200);
        assertEquals(2, second.data().size());
        assertTrue(second.json().get("links").get("next").isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = { "name_asc", "created_at_asc", "name_desc", "created_at_desc" })
    void listSharesAcceptsEverySort(String sort) {
        sim.bulkCreateShares(f.projectId(), 3);
        client.get(sharesPath(f) + "?sort=" + sort).assertValid().assertStatus(200);
    }

    @Test
    void listSharesWithoutTokenIs401() {
        client.withToken(null).get(sharesPath(f)).assertResponseValid().assertError(401, null, "Unauthorized");
        client.withToken("not-a-token").get(sharesPath(f)).assertResponseValid().assertError(401, null, "Unauthorized");
    }

    @Test
    void listSharesOfAForbiddenAccountIs403() {
        client.get("/v4/accounts/" + f.forbiddenAccountId() + "/projects/" + f.projectId() + "/shares")
                .assertValid().assertError(403, null, "Forbidden");
    }

    @Test
    void listSharesOfUnknownAccountOrProjectIs404() {
        client.get("/v4/accounts/" + f.projectId() + "/projects/" + f.projectId() + "/shares")
                .assertValid().assertError(404, null, "Account not found");
        client.get("/v4/accounts/" + f.accountId() + "/projects/" + f.accountId() + "/shares")
                .assertValid().assertError(404, null, "Project not found");
    }

    @ParameterizedTest
    @ValueSource(strings = { "page_size=0", "page_size=101", "page_size=ten", "sort=newest", "include_total_count=yes" })
    void listSharesRejectsBadQueryParameters(String query) {
        String name = query.substring(0, query.indexOf('='));
        client.get(sharesPath(f) + "?" + query).assertRequestRejectedByContract().assertError(422, "/" + name, null);
    }

    @Test
    void listSharesRejectsACursorItNeverIssued() {
        client.get(sharesPath(f) + "?after=not-a-cursor").assertValid().assertError(400, null, "cursor");
    }

    // ---- create share ------------------------------------------------------------------------------------------

    @Test
    void createShareAnswers201WithTheThirteenRequiredFields() {
        Exchange created = client.post(sharesPath(f), createBody("Minimal", "public")).assertValid().assertStatus(201);
        JsonNode share = created.data();
        for (String field : List.of("id", "name", "description", "collection_id", "short_url", "access", "enabled",
                "commenting_enabled", "downloading_enabled", "expiration", "last_viewed_at", "created_at", "updated_at")) {
            assertTrue(share.has(field), "missing " + field);
        }
        assertEquals(13, share.size(), "only required fields until optional ones are set: " + share);
        assertTrue(share.get("short_url").asText().matches("https://f\\.io/[A-Za-z0-9]{8}"));
        assertTrue(share.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
    }

    @Test
    void createShareEchoesEveryFieldOfTheSpecExample() throws Exception {
        JsonNode example = MAPPER.readTree(ContractValidator.spec())
                .at("/components/schemas/CreateShareParams/example");
        ((com.fasterxml.jackson.databind.node.ObjectNode) example.get("data"))
                .putArray("asset_ids").add(f.assetIds().get(0)).add(f.folderIds().get(0));
        Exchange created = client.post(sharesPath(f), example.toString()).assertValid().assertStatus(201);
        JsonNode share = created.data();
        Iterator<Map.Entry<String, JsonNode>> fields = example.get("data").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("type") || field.getKey().equals("asset_ids")) {
                continue;
            }
            assertEquals(field.getValue(), share.get(field.getKey()), field.getKey());
        }
    }

    @Test
    void createShareWithMalformedJsonIs400() {
        client.post(sharesPath(f), "{\"data\": {").assertResponseValid().assertError(400, null, "Malformed JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\":{\"type\":\"asset\",\"access\":\"public\"}}|/data/name|Missing field: name",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"colour\":1}}|/data/colour|Unexpected field: colour",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\"},\"meta\":1}|/meta|Unexpected field: meta",
        "{\"data\":{\"type\":\"folder\",\"name\":\"x\",\"access\":\"public\"}}|/data/type|Invalid value for enum",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"restricted\"}}|/data/access|Invalid value for enum",
        "{\"data\":{\"type\":\"asset\",\"name\":\"\",\"access\":\"public\"}}|/data/name|smaller than minLength: 1",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"asset_ids\":[]}}|/data/asset_ids|smaller than minItems: 1",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"title_line_count\":3}}|/data/title_line_count|larger than inclusive maximum 2",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"enabled\":\"yes\"}}|/data/enabled|Invalid boolean",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"layout\":\"masonry\"}}|/data/layout|Invalid value for enum",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"expiration\":\"tomorrow\"}}|/data/expiration|Expected :date-time",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"featured_field_definition_id\":\"abc\"}}|/data/featured_field_definition_id|Expected :uuid",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"sort_by\":{\"direction\":\"asc\"}}}|/data/sort_by/field_definition_id|Missing field",
        "{\"data\":{\"type\":\"asset\",\"name\":null,\"access\":\"public\"}}|/data/name|null value where string expected",
        "[]||Invalid object"
    })
    void createShareRejectsWhatTheSchemaRejects(String testCase) {
        String[] parts = testCase.split("\\|");
        client.post(sharesPath(f), parts[0]).assertRequestRejectedByContract()
                .assertError(422, parts[1], parts[2]);
    }

    @Test
    void createShareChecksLengthsOfNamePassphraseAndDescription() {
        String body = "{\"data\":{\"type\":\"asset\",\"access\":\"public\",\"name\":\"" + "n".repeat(176)
                      + "\",\"passphrase\":\"" + "p".repeat(256) + "\",\"description\":\"" + "d".repeat(641) + "\"}}";
        Exchange rejected = client.post(sharesPath(f), body).assertRequestRejectedByContract();
        rejected.assertError(422, "/data/name", "larger than maxLength: 175")
                .assertError(422, "/data/passphrase", "larger than maxLength: 255")
                .assertError(422, "/data/description", "larger than maxLength: 640");
        String limits = "{\"data\":{\"type\":\"asset\",\"access\":\"public\",\"name\":\"" + "n".repeat(175)
                        + "\",\"passphrase\":\"" + "p".repeat(255) + "\",\"description\":\"" + "d".repeat(640) + "\"}}";
        client.post(sharesPath(f), limits).assertValid().assertStatus(201);
    }

    @Test
    void createShareRejectsMoreThanAHundredAssets() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(f.assetIds().get(0)).append('"');
        }
        client.post(sharesPath(f), "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"asset_ids\":["
                                   + ids + "]}}")
                .assertRequestRejectedByContract().assertError(422, "/data/asset_ids", "larger than maxItems: 100");
    }

    @ParameterizedTest
    @ValueSource(strings = { "   ", "two\\nlines", "carriage\\rreturn" })
    void createShareRejectsBlankNamesAndLineBreaksBeyondTheSchema(String name) {
        // the schema only says so in prose ("at least one non-whitespace character and no line breaks")
        client.post(sharesPath(f), createBody(name, "public")).assertResponseValid()
                .assertError(422, "/data/name", "non-whitespace");
    }

    @Test
    void createShareWithUnknownAssetIs404() {
        client.post(sharesPath(f), createBody("x", "public", f.accountId())).assertValid()
                .assertError(404, "/data/asset_ids/0", "not found");
    }

    @Test
    void createShareWithWrongContentTypeIs400() {
        Exchange e = client.send("POST", sharesPath(f), createBody("x", "public"),
                Map.of("Authorization", List.of("Bearer " + f.token()), "Content-Type", List.of("text/plain")));
        e.assertResponseValid().assertError(400, null, "application/json");
    }

    // ---- show, update, delete ----------------------------------------------------------------------------------

    @Test
    void showShareAnswersTheShareOr404() {
        String id = createShare(client, f, "Shown", "public").get("id").asText();
        assertEquals(id, client.get(sharePath(f, id)).assertValid().assertStatus(200).data().get("id").asText());
        client.get(sharePath(f, f.projectId())).assertValid().assertError(404, null, "Share not found");
        client.get(sharePath(f, "not-a-uuid")).assertResponseValid().assertError(404, null, "Share not found");
    }

    @Test
    void updateShareChangesFieldsAndUpdatedAt() throws Exception {
        JsonNode share = createShare(client, f, "Before", "public");
        Thread.sleep(2);
        Exchange updated = client.patch(sharePath(f, share.get("id").asText()),
                "{\"data\":{\"name\":\"After\",\"layout\":\"list\",\"passphrase\":null}}").assertValid().assertStatus(200);
        assertEquals("After", updated.data().get("name").asText());
        assertEquals("list", updated.data().get("layout").asText());
        assertTrue(updated.data().get("passphrase").isNull());
        assertTrue(updated.data().get("updated_at").asText().compareTo(share.get("updated_at").asText()) > 0);
        assertEquals(share.get("created_at"), updated.data().get("created_at"));
    }

    @Test
    void updateShareAcceptsTheSpecExample() throws Exception {
        String id = createShare(client, f, "Example", "public").get("id").asText();
        JsonNode example = MAPPER.readTree(ContractValidator.spec()).at("/components/schemas/UpdateShareParams/example");
        client.patch(sharePath(f, id), example.toString()).assertValid().assertStatus(200);
    }

    @Test
    void updateShareRejectsEmptyDataAndCreateOnlyFields() {
        String id = createShare(client, f, "x", "public").get("id").asText();
        client.patch(sharePath(f, id), "{\"data\":{}}").assertRequestRejectedByContract()
                .assertError(422, "/data", "minProperties: 1");
        client.patch(sharePath(f, id), "{\"data\":{\"type\":\"asset\"}}").assertRequestRejectedByContract()
                .assertError(422, "/data/type", "Unexpected field: type");
        client.patch(sharePath(f, id), "{\"data\":{\"description\":\"\"}}").assertRequestRejectedByContract()
                .assertError(422, "/data/description", "minLength: 1");
        client.patch(sharePath(f, f.accountId()), "{\"data\":{\"name\":\"x\"}}").assertValid().assertError(404, null, null);
    }

    @Test
    void updateShareMayClearTheName() {
        String id = createShare(client, f, "Named", "public").get("id").asText();
        Exchange e = client.patch(sharePath(f, id), "{\"data\":{\"name\":null}}").assertValid().assertStatus(200);
        assertTrue(e.data().get("name").isNull());
    }

    @Test
    void deleteShareAnswers204ThenTheShareIsGone() {
        String id = createShare(client, f, "Doomed", "public").get("id").asText();
        Exchange deleted = client.delete(sharePath(f, id)).assertValid().assertStatus(204);
        assertEquals("", deleted.responseBody());
        assertNull(deleted.header("x-ratelimit-limit"), "204 answers carry no rate-limit headers");
        client.delete(sharePath(f, id)).assertValid().assertError(404, null, null);
        client.get(sharePath(f, id)).assertValid().assertStatus(404);
    }

    // ---- assets ------------------------------------------------------------------------------------------------

    @Test
    void addAssetAnswers200WithAssetAdded() {
        String id = createShare(client, f, "Assets", "public").get("id").asText();
        Exchange added = client.post(sharePath(f, id) + "/assets", assetBody(f.assetIds().get(2))).assertValid()
                .assertStatus(200);
        assertEquals(f.assetIds().get(2), added.data().get("asset_added").asText());
        assertEquals(id, added.data().get("id").asText());
    }

    @Test
    void addAssetErrors() {
        String id = createShare(client, f, "Assets", "public", f.assetIds().get(0)).get("id").asText();
        client.post(sharePath(f, id) + "/assets", assetBody(f.assetIds().get(0))).assertValid()
                .assertError(409, "/data/asset_id", "already in the share");
        client.post(sharePath(f, id) + "/assets", assetBody(f.accountId())).assertValid()
                .assertError(404, "/data/asset_id", "not found");
        client.post(sharePath(f, id) + "/assets", "{\"data\":{}}").assertRequestRejectedByContract()
                .assertError(422, "/data/asset_id", "Missing field: asset_id");
        client.post(sharePath(f, id) + "/assets", "{\"data\":{\"asset_id\":\"" + f.assetIds().get(1)
                                                  + "\",\"asset_ids\":[]}}")
                .assertRequestRejectedByContract().assertError(422, "/data/asset_ids", "Unexpected field");
    }

    @Test
    void removeAssetAnswers200WithAssetRemoved() {
        String id = createShare(client, f, "Assets", "public", f.assetIds().get(0), f.assetIds().get(1))
                .get("id").asText();
        Exchange removed = client.delete(sharePath(f, id) + "/assets/" + f.assetIds().get(0)).assertValid()
                .assertStatus(200);
        assertEquals(f.assetIds().get(0), removed.data().get("asset_removed").asText());
        client.delete(sharePath(f, id) + "/assets/" + f.assetIds().get(0)).assertValid()
                .assertError(404, null, "not in the share");
    }

    @ParameterizedTest
    @ValueSource(strings = { "media_links.original", "media_links.thumbnail", "media_links.thumbnail_high_quality",
        "media_links.video_h264_180", "media_links.high_quality", "media_links.efficient", "media_links.scrub_sheet",
        "creator", "project", "metadata" })
    void listShareAssetsWithEachInclude(String include) {
        String id = createShare(client, f, "Assets", "public", f.folderIds().get(0), f.versionStackIds().get(0))
                .get("id").asText();
        Exchange list = client.get(sharePath(f, id) + "/assets?include=" + include + "&include_total_count=true")
                .assertValid().assertStatus(200);
        assertEquals(list.json().get("total_count").asInt(), list.data().size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "name_asc", "created_at_asc", "updated_at_asc", "name_desc", "created_at_desc",
        "updated_at_desc" })
    void listShareAssetsWithEachSort(String sort) {
        String id = createShare(client, f, "Assets", "public", f.folderIds().get(0)).get("id").asText();
        client.get(sharePath(f, id) + "/assets?sort=" + sort).assertValid().assertStatus(200);
    }

    @Test
    void listShareAssetsRejectsUnknownIncludes() {
        String id = createShare(client, f, "Assets", "public", f.folderIds().get(0)).get("id").asText();
        client.get(sharePath(f, id) + "/assets?include=thumbnails").assertRequestRejectedByContract()
                .assertError(422, "/include", null);
    }

    @Test
    void listShareAssetsAcceptsTheCommaSeparatedIncludeOfTheSpecExample() {
        // the schema types include as one enum value, its example lists several separated by commas
        String id = createShare(client, f, "Assets", "public", f.fileIds().get(0)).get("id").asText();
        Exchange list = client.get(sharePath(f, id) + "/assets?include=creator,project").assertResponseValid()
                .assertStatus(200);
        assertTrue(list.data().get(0).has("creator") && list.data().get(0).has("project"));
    }

    // ---- reviewers ---------------------------------------------------------------------------------------------

    @Test
    void addReviewersByEachIdentifierType() {
        String id = createShare(client, f, "Secure", "secure").get("id").asText();
        client.post(sharePath(f, id) + "/reviewers", reviewers("emails", "\"guest@example.org\"")).assertValid()
                .assertStatus(204);
        client.post(sharePath(f, id) + "/reviewers", reviewers("user_ids", '"' + f.userIds().get(0) + '"'))
                .assertValid().assertStatus(204);
        client.post(sharePath(f, id) + "/reviewers", reviewers("adobe_user_ids", '"' + f.adobeUserIds().get(1) + '"'))
                .assertValid().assertStatus(204);
        client.post(sharePath(f, id) + "/reviewers", reviewers("share_list_ids", '"' + f.shareListIds().get(0) + '"'))
                .assertValid().assertStatus(204);
        Exchange list = client.get(sharePath(f, id) + "/reviewers?sort=active&page_size=2&include_total_count=true")
                .assertValid().assertStatus(200);
        // ShareReviewersResponse is data only: no links to page with, so every reviewer comes at once
        assertEquals(4, list.data().size(), list.responseBody());
        assertTrue(!list.json().has("links") && !list.json().has("total_count"));
    }

    @Test
    void addReviewersErrors() {
        String id = createShare(client, f, "Secure", "secure").get("id").asText();
        String path = sharePath(f, id) + "/reviewers";
        client.post(path, "{\"data\":{\"reviewers\":{\"emails\":[\"a@example.org\"]}}}")
                .assertRequestRejectedByContract().assertError(422, "/data/message", "Missing field: message");
        client.post(path, "{\"data\":{\"message\":\"m\",\"reviewers\":{\"emails\":[\"a@example.org\"],\"user_ids\":[\""
                          + f.userIds().get(0) + "\"]}}}")
                .assertRequestRejectedByContract().assertError(422, "/data/reviewers", "maxProperties: 1");
        client.post(path, "{\"data\":{\"message\":\"m\",\"reviewers\":{}}}")
                .assertRequestRejectedByContract().assertError(422, "/data/reviewers", "minProperties: 1");
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("\"r").append(i).append("@example.org\"");
        }
        client.post(path, reviewers("emails", eleven.toString())).assertRequestRejectedByContract()
                .assertError(422, "/data/reviewers/emails", "larger than maxItems: 10");
        client.post(path, reviewers("emails", "\"a@example.org\",\"a@example.org\"")).assertRequestRejectedByContract()
                .assertError(422, "/data/reviewers/emails", "unique");
        client.post(path, reviewers("user_ids", "\"not-a-uuid\"")).assertRequestRejectedByContract()
                .assertError(422, "/data/reviewers/user_ids/0", "Expected :uuid");
        client.post(path, reviewers("user_ids", '"' + f.accountId() + '"')).assertValid()
                .assertError(422, "/data/reviewers/user_ids/0", "not a member");
    }

    @Test
    void removeReviewers() {
        String id = createShare(client, f, "Secure", "secure").get("id").asText();
        String path = sharePath(f, id) + "/reviewers";
        client.post(path, reviewers("emails", '"' + f.emails().get(1) + "\",\"guest@example.org\"")).assertStatus(204);
        client.delete(path, "{\"data\":{\"reviewers\":{\"emails\":[\"guest@example.org\"]}}}").assertValid()
                .assertStatus(204);
        Exchange list = client.get(path).assertValid();
        assertEquals(1, list.data().size());
        assertEquals(f.emails().get(1), list.data().get(0).get("email").asText());
        client.delete(path, "{\"data\":{\"reviewers\":{\"share_list_ids\":[\"" + f.shareListIds().get(0) + "\"]}}}")
                .assertRequestRejectedByContract().assertError(422, "/data/reviewers/share_list_ids", "Unexpected field");
        // RemoveReviewerParams declares no minProperties, but exactly one identifier type is required anyway
        client.delete(path, "{\"data\":{\"reviewers\":{}}}").assertResponseValid()
                .assertError(422, "/data/reviewers", "minProperties: 1");
    }

    // ---- activity ----------------------------------------------------------------------------------------------

    @Test
    void listShareActivitiesWithUsers() {
        String id = createShare(client, f, "Watched", "public").get("id").asText();
        sim.viewShare(id);
        sim.viewShare(id);
        Exchange list = client.get(sharePath(f, id) + "/activities?include=user&include_total_count=true")
                .assertValid().assertStatus(200);
        assertEquals("share_viewed", list.data().get(0).get("type").asText());
        // ShareActivityResponse has no total_count: the parameter is accepted, no count is sent
        assertTrue(!list.json().has("total_count"));
        client.get(sharePath(f, id) + "/activities?include=comments").assertRequestRejectedByContract()
                .assertError(422, "/include", null);
    }

    private static String assetBody(String assetId) {
        return "{\"data\":{\"asset_id\":\"" + assetId + "\"}}";
    }

    private static String reviewers(String kind, String values) {
        return "{\"data\":{\"message\":\"Please review\",\"notify_by_email\":false,\"reviewers\":{\"" + kind + "\":["
               + values + "]}}}";
    }
}
