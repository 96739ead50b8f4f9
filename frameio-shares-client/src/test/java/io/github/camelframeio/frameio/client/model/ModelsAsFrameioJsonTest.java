package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.FrameioJson;
import io.github.camelframeio.frameio.contract.FrameioContract;
import io.github.camelframeio.frameio.simulator.FrameioSimulatorExtension;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;
import io.github.camelframeio.frameio.simulator.contract.ContractClient;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plain {@code new ObjectMapper()}, with no module and no setting, writes every model as Frame.io writes the same
 * resource: Frame.io's field names and timestamps, without null fields and without the passphrase. The resources
 * are Frame.io's own examples from the contract and what the simulator serves over HTTP. A plain mapper reads them
 * too, leniently; {@link FrameioJson#withPassphrases} is the one way to have the passphrase written.
 */
class ModelsAsFrameioJsonTest {

    @RegisterExtension
    static FrameioSimulatorExtension frameio = FrameioSimulatorExtension.create(b -> b.rateLimits(false));

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper SDK = FrameioJson.newObjectMapper();
    private static final Pattern FRAMEIO_TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
    /** The fields the contract types as {@code date-time}: created_at, expiration, inserted_at... */
    private static final Set<String> TIMESTAMP_FIELDS = dateTimeFields(FrameioContract.document(), new TreeSet<>());

    private SimulatorFixtures f;
    private ContractClient http;

    @BeforeEach
    void simulator() {
        f = frameio.fixtures();
        http = new ContractClient(f.baseUrl(), f.token());
    }

    // ---- Frame.io's examples ---------------------------------------------------------------------------------------

    @Test
    void everyResponseExampleOfTheTwelveOperationsIsWrittenAsFrameioWritesIt() throws Exception {
        for (ContractExamplesRoundTripTest.ResponseItem item : ContractExamplesRoundTripTest.responseExampleItems()) {
            assertWrittenAsFrameioWritesIt(item.json(), item.type(), item.where(), true);
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "FileWithIncludes, ShareAsset",
            "FolderWithIncludes, ShareAsset",
            "VersionStackWithIncludes, VersionStackAsset",
            "AssetWithIncludes, ShareAsset",
            "ProjectWithIncludes, Project",
            "User, User",
            "User, ShareReviewer",
            "MediaLinksCollection, MediaLinks",
            "ShareActivityItemWithIncludes, ShareActivity",
            "Share, Share" })
    void everyExampleOfTheModelledSchemasIsWrittenAsFrameioWritesIt(String schema, String readAs) throws Exception {
        assertWrittenAsFrameioWritesIt(ContractExamplesRoundTripTest.example(schema),
                ContractExamplesRoundTripTest.modelClass(readAs), schema, true);
    }

    @Test
    void everyMetadataValueExampleIsWrittenAsFrameioWritesIt() throws Exception {
        for (JsonNode ref : FrameioContract.schema("MetadataField").at("/discriminator/mapping")) {
            String schema = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
            assertWrittenAsFrameioWritesIt(ContractExamplesRoundTripTest.example(schema), MetadataField.class, schema,
                    true);
        }
    }

    // ---- the simulator, over HTTP ---------------------------------------------------------------------------------

    @Test
    void aShareIsWrittenAsTheApiServesItWithoutItsPassphrase() throws Exception {
        String id = secureShareWithPassphrase();
        JsonNode served = http.get(sharePath(id)).assertStatus(200).data();
        assertEquals("open sesame", served.path("passphrase").asText(), "Frame.io's side has it");
        Share share = assertWrittenAsFrameioWritesIt(served, Share.class, "getShare", false);
        assertEquals("open sesame", share.getPassphrase(), "the model keeps it");
        for (JsonNode item : http.get(sharesPath()).assertStatus(200).data()) {
            assertWrittenAsFrameioWritesIt(item, Share.class, "listShares", false);
        }
    }

    @Test
    void shareAssetsWithEveryIncludeAreWrittenAsTheApiServesThem() throws Exception {
        String id = secureShareWithPassphrase();
        JsonNode rows = http.get(sharePath(id) + "/assets?include=" + everyAssetInclude()).assertStatus(200).data();
        Set<String> types = new TreeSet<>();
        for (JsonNode row : rows) {
            types.add(row.path("type").asText());
            assertWrittenAsFrameioWritesIt(row, ShareAsset.class, "listShareAssets " + row.path("id").asText(), false);
        }
        assertEquals(Set.of("file", "folder", "version_stack"), types);
    }

    @Test
    void reviewersAreWrittenAsTheApiServesThemInvitedPeopleIncluded() throws Exception {
        String id = secureShareWithPassphrase();
        http.post(sharePath(id) + "/reviewers", "{\"data\":{\"message\":\"Please look\",\"reviewers\":{\"emails\":[\""
                                               + f.emails().get(1) + "\",\"guest@example.org\"]}}}").assertStatus(204);
        JsonNode reviewers = http.get(sharePath(id) + "/reviewers").assertStatus(200).data();
        assertEquals(2, reviewers.size());
        assertTrue(hasNullField(reviewers), "an invited person has a null id and name: " + reviewers);
        for (JsonNode reviewer : reviewers) {
            assertWrittenAsFrameioWritesIt(reviewer, ShareReviewer.class, "listReviewers", false);
        }
    }

    @Test
    void activityWithItsUsersIsWrittenAsTheApiServesIt() throws Exception {
        String id = secureShareWithPassphrase();
        http.post("/_sim/shares/" + id + "/activities", "{\"type\":\"asset_viewed\",\"asset_id\":\""
                                                        + f.fileIds().get(0) + "\",\"user_id\":\"" + f.userIds().get(0)
                                                        + "\"}").assertStatus(201);
        http.post("/_sim/shares/" + id + "/activities", "{\"type\":\"share_viewed\"}").assertStatus(201);
        JsonNode feed = http.get(sharePath(id) + "/activities?include=user").assertStatus(200).data();
        assertEquals(2, feed.size());
        assertTrue(hasNullField(feed), "a share view has a null asset_id: " + feed);
        for (JsonNode item : feed) {
            assertWrittenAsFrameioWritesIt(item, ShareActivity.class, "listShareActivities", false);
        }
    }

    // ---- reading, the passphrase, timestamps and requests ---------------------------------------------------------

    @Test
    void aPlainMapperReadsFieldsAndValuesAddedLaterAsTheSdksMapperDoes() throws Exception {
        String json = "{\"id\":\"s1\",\"layout\":\"mosaic\",\"access\":\"secure\",\"created_at\":"
                      + "\"2024-02-02T22:19:24.8+01:00\",\"glitter\":{\"level\":3,\"colour\":null}}";
        Share share = PLAIN.readValue(json, Share.class);
        assertEquals(ShareLayout.UNKNOWN, share.getLayout());
        assertEquals(ShareAccess.SECURE, share.getAccess());
        assertEquals(OffsetDateTime.of(2024, 2, 2, 22, 19, 24, 800_000_000, ZoneOffset.ofHours(1)), share.getCreatedAt(),
                "the offset as sent");
        assertEquals(share, SDK.readValue(json, Share.class));
        assertEquals(PLAIN.readTree("{\"id\":\"s1\",\"access\":\"secure\",\"created_at\":"
                                    + "\"2024-02-02T21:19:24.800000Z\",\"glitter\":{\"level\":3}}"),
                PLAIN.<ObjectNode>valueToTree(share).without("layout"),
                "UTC, six digits, and no null even inside a field this version does not know");

        ShareAsset asset = PLAIN.readValue("{\"id\":\"f\",\"type\":\"file\",\"status\":\"archived\"}", ShareAsset.class);
        assertEquals(FileStatus.UNKNOWN, ((FileAsset) asset).getStatus());
        assertNull(PLAIN.readValue("{\"id\":\"s1\",\"expiration\":null}", Share.class).getExpiration());
    }

    @Test
    void withPassphrasesIsTheOneWayToWriteThePassphrase() throws Exception {
        Share share = PLAIN.readValue("{\"id\":\"s1\",\"passphrase\":\"open sesame\"}", Share.class);
        ObjectMapper withPassphrases = FrameioJson.withPassphrases(PLAIN);
        assertEquals("open sesame", withPassphrases.valueToTree(share).path("passphrase").asText());
        assertFalse(PLAIN.valueToTree(share).has("passphrase"), "the mapper given is not changed");
        assertFalse(SDK.valueToTree(share).has("passphrase"), "the SDK's mapper leaves it out as well");
        assertEquals("open sesame", FrameioJson.withPassphrases(SDK).valueToTree(share).path("passphrase").asText());

        CreateShareRequest request = CreateShareRequest.of("Cut", ShareAccess.SECURE).passphrase("open sesame");
        assertEquals("open sesame", withPassphrases.valueToTree(request).path("passphrase").asText());
        assertFalse(PLAIN.valueToTree(request).has("passphrase"));
    }

    @Test
    void timestampsAreWrittenInUtcWithSixFractionDigitsAndReadBackEqual() throws Exception {
        for (String sent : List.of("2024-02-02T21:19:24.828948Z", "2024-02-02T21:19:24Z", "2024-02-02T23:19:24.5+02:00")) {
            Share share = PLAIN.readValue("{\"created_at\":\"" + sent + "\"}", Share.class);
            String written = PLAIN.valueToTree(share).path("created_at").asText();
            assertTrue(FRAMEIO_TIMESTAMP.matcher(written).matches(), written);
            assertEquals(share.getCreatedAt().toInstant(), OffsetDateTime.parse(written).toInstant());
        }
        ShareActivity nanos = PLAIN.readValue("{\"inserted_at\":\"2024-02-02T21:19:24.123456789Z\"}", ShareActivity.class);
        assertEquals("2024-02-02T21:19:24.123456789Z", PLAIN.valueToTree(nanos).path("inserted_at").asText(),
                "finer than Frame.io's microseconds: nine digits rather than lose them");
    }

    @Test
    void requestsAreWrittenAsTheFieldsTheySendWithoutThePassphrase() throws Exception {
        CreateShareRequest create = CreateShareRequest.of("Dailies", ShareAccess.SECURE).assetIds("a1", "a2")
                .passphrase("open sesame").description(null).sortBy("f1", SortDirection.DESC)
                .expiration(OffsetDateTime.of(2027, 1, 31, 13, 0, 0, 0, ZoneOffset.ofHours(1)));
        assertEquals(PLAIN.readTree("{\"type\":\"asset\",\"name\":\"Dailies\",\"access\":\"secure\",\"asset_ids\":"
                                    + "[\"a1\",\"a2\"],\"description\":null,\"sort_by\":{\"field_definition_id\":\"f1\","
                                    + "\"direction\":\"desc\"},\"expiration\":\"2027-01-31T12:00:00.000000Z\"}"),
                PLAIN.valueToTree(create), "an explicit null stays: it clears the field");
        assertEquals(PLAIN.readTree("{\"passphrase\":null}"),
                PLAIN.valueToTree(UpdateShareRequest.create().passphrase(null)), "removing the passphrase is no secret");
        assertEquals(PLAIN.readTree("{\"message\":\"Hi\",\"notify_by_email\":false,\"reviewers\":{\"emails\":"
                                    + "[\"a@example.org\"]}}"),
                PLAIN.valueToTree(AddReviewersRequest.emails("Hi", "a@example.org").withoutEmail()));
        assertEquals(PLAIN.readTree("{\"message\":\"Hi\",\"reviewers\":{\"user_ids\":[\"u1\"]}}"),
                PLAIN.valueToTree(AddReviewersRequest.userIds("Hi", "u1")));
        assertEquals(PLAIN.readTree("{\"reviewers\":{\"emails\":[\"a@example.org\"]}}"),
                PLAIN.valueToTree(RemoveReviewersRequest.emails("a@example.org")));
        assertEquals(Map.of("passphrase", "open sesame"), Map.of("passphrase", create.fields().get("passphrase")),
                "what the client sends is unchanged");
    }

    // ---- comparing -------------------------------------------------------------------------------------------------

    /**
     * Reads {@code frameio} as {@code type} with a plain mapper and writes it back with one: the result is Frame.io's
     * JSON without its null fields and passphrase, every timestamp in Frame.io's format, and the SDK's mapper writes
     * exactly the same. {@code reformatTimestamps}: Frame.io's examples write some timestamps without a fraction;
     * those compare in Frame.io's usual format (the simulator always uses it, so its JSON compares as served).
     */
    private static <T> T assertWrittenAsFrameioWritesIt(JsonNode frameio, Class<T> type, String where,
                                                        boolean reformatTimestamps) throws Exception {
        T model = PLAIN.treeToValue(frameio, type);
        JsonNode written = PLAIN.readTree(PLAIN.writeValueAsString(model));
        assertEquals(expected(frameio, reformatTimestamps), written, where);
        assertFalse(hasNullField(written), where + " has a null: " + written);
        assertFalse(written.has("passphrase"), where);
        assertTimestampsInFrameioFormat(written, where);
        assertEquals(written, SDK.readTree(SDK.writeValueAsString(model)), where + ": the SDK's mapper writes the same");
        assertEquals(written, PLAIN.readTree(PLAIN.writeValueAsString(PLAIN.treeToValue(written, type))),
                where + ": read back and written again");
        return model;
    }

    /** Frame.io's JSON without null fields and without a share's passphrase. */
    private static JsonNode expected(JsonNode frameio, boolean reformatTimestamps) {
        JsonNode copy = frameio.deepCopy();
        if (copy.isObject()) {
            ((ObjectNode) copy).remove("passphrase");
        }
        return clean(copy, reformatTimestamps);
    }

    private static JsonNode clean(JsonNode node, boolean reformatTimestamps) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> nulls = new ArrayList<>();
            object.properties().forEach(field -> {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                } else if (reformatTimestamps && TIMESTAMP_FIELDS.contains(field.getKey())) {
                    field.setValue(object.textNode(FrameioTimestampJson.format(OffsetDateTime.parse(field.getValue().asText()))));
                } else {
                    clean(field.getValue(), reformatTimestamps);
                }
            });
            object.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(item -> clean(item, reformatTimestamps));
        }
        return node;
    }

    static boolean hasNullField(JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getValue().isNull() || hasNullField(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (hasNullField(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void assertTimestampsInFrameioFormat(JsonNode node, String where) {
        node.properties().forEach(field -> {
            if (TIMESTAMP_FIELDS.contains(field.getKey())) {
                assertTrue(FRAMEIO_TIMESTAMP.matcher(field.getValue().asText()).matches(),
                        where + "." + field.getKey() + ": " + field.getValue());
            } else if (field.getValue().isObject()) {
                assertTimestampsInFrameioFormat(field.getValue(), where + "." + field.getKey());
            } else if (field.getValue().isArray()) {
                field.getValue().forEach(item -> assertTimestampsInFrameioFormat(item, where + "." + field.getKey()));
            }
        });
    }

    private static Set<String> dateTimeFields(JsonNode node, Set<String> names) {
        node.properties().forEach(field -> {
            if (field.getKey().equals("properties")) {
                field.getValue().properties().stream().filter(p -> "date-time".equals(p.getValue().path("format").asText()))
                        .forEach(p -> names.add(p.getKey()));
            }
            if (field.getValue().isContainerNode()) {
                dateTimeFields(field.getValue(), names);
            }
        });
        if (node.isArray()) {
            node.forEach(item -> dateTimeFields(item, names));
        }
        return names;
    }

    // ---- the simulator ---------------------------------------------------------------------------------------------

    /** A secure share with a passphrase holding a folder, a version stack and a file. */
    private String secureShareWithPassphrase() {
        String body = "{\"data\":{\"type\":\"asset\",\"name\":\"Secret cut\",\"access\":\"secure\",\"passphrase\":"
                      + "\"open sesame\",\"asset_ids\":[\"" + f.folderIds().get(0) + "\",\""
                      + f.versionStackIds().get(0) + "\",\"" + f.assetIds().get(0) + "\"]}}";
        return http.post(sharesPath(), body).assertStatus(201).data().path("id").asText();
    }

    /** Every value the contract allows in the include of a share's asset list, comma-separated. */
    static String everyAssetInclude() {
        JsonNode parameters = FrameioContract.document().path("paths")
                .path("/v4/accounts/{account_id}/shares/{share_id}/assets").path("get").path("parameters");
        List<String> values = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            if (parameter.path("name").asText().equals("include")) {
                parameter.at("/schema/enum").forEach(v -> values.add(v.asText()));
            }
        }
        assertNotEquals(List.of(), values);
        return String.join(",", values);
    }

    private String sharesPath() {
        return "/v4/accounts/" + f.accountId() + "/projects/" + f.projectId() + "/shares";
    }

    private String sharePath(String id) {
        return "/v4/accounts/" + f.accountId() + "/shares/" + id;
    }
}
