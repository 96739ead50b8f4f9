package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.FrameioJson;
import io.github.camelframeio.frameio.contract.FrameioContract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Frame.io's own examples, taken from the official document as the contract module ships it, survive a trip through
 * the models: read with the client's mapper and written back, every field they give comes back with its value. And
 * what the contract types is typed: the asset union, media links, project, users and metadata values.
 */
class ContractExamplesRoundTripTest {

    // with passphrases: nothing at all may be lost (what every other mapper writes is in ModelsAsFrameioJsonTest)
    private static final ObjectMapper MAPPER = FrameioJson.withPassphrases(FrameioJson.newObjectMapper());

    /** The class the client reads each success answer's {@code data} (or each item of it) as; see SharesCall. */
    private static final Map<String, Class<?>> DATA_CLASS = Map.of(
            "SharesResponse", Share.class,
            "ShareResponse", Share.class,
            "AddAssetResponse", Share.class,
            "RemoveAssetResponse", Share.class,
            "ShareAssetsResponse", ShareAsset.class,
            "ShareReviewersResponse", ShareReviewer.class,
            "ShareActivityResponse", ShareActivity.class);

    /** The field the client takes out of the share before reading it (it becomes AssetChange.getAssetId()). */
    private static final Map<String, String> ASSET_CHANGE_FIELD = Map.of(
            "AddAssetResponse", "asset_added",
            "RemoveAssetResponse", "asset_removed");

    /** A 204 answer: there is no body, so nothing to read. */
    private static final String NO_CONTENT = "NoContent";

    @Test
    void everyResponseExampleOfTheTwelveOperationsSurvivesARoundTrip() throws Exception {
        for (ResponseItem item : responseExampleItems()) {
            assertSurvivesARoundTrip(item.json(), item.type(), item.where());
        }
    }

    /** One item of a success answer's example: what the client reads as {@code type}. */
    record ResponseItem(String where, Class<?> type, JsonNode json) {
    }

    /** The items of the success answers' examples of the twelve operations, each with the class it is read as. */
    static List<ResponseItem> responseExampleItems() {
        Map<String, String> answers = successSchemas();
        assertEquals(12, answers.size(), "the Shares operations: " + answers.keySet());
        List<ResponseItem> all = new ArrayList<>();
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            String operation = answer.getKey();
            String schema = answer.getValue();
            JsonNode example = FrameioContract.schema(schema).get("example");
            assertNotNull(example, schema + " has an example");
            if (schema.equals(NO_CONTENT)) {
                assertEquals("", example.asText(), operation + " answers with no body");
                continue;
            }
            Class<?> type = DATA_CLASS.get(schema);
            assertNotNull(type, operation + " answers with " + schema + ", which no model is listed for here");
            JsonNode data = example.get("data");
            assertNotNull(data, schema + "'s example has data");
            List<JsonNode> items = new ArrayList<>();
            if (data.isArray()) {
                data.forEach(items::add);
            } else {
                items.add(data);
            }
            assertFalse(items.isEmpty(), schema + "'s example has items");
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String assetField = ASSET_CHANGE_FIELD.get(schema);
                if (assetField != null) {
                    ObjectNode share = item.deepCopy();
                    assertNotNull(share.remove(assetField), schema + " names the asset in " + assetField);
                    item = share;
                }
                String where = operation + " " + schema + ".data" + (data.isArray() ? "[" + i + "]" : "");
                all.add(new ResponseItem(where, type, item));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "FileWithIncludes, ShareAsset, FileAsset",
            "FileWithIncludes, FileAsset, FileAsset",
            "FolderWithIncludes, ShareAsset, FolderAsset",
            "FolderWithIncludes, FolderAsset, FolderAsset",
            // Frame.io's version stack example says "type": "file", so the union reads it as a file (see below)
            "VersionStackWithIncludes, ShareAsset, FileAsset",
            "VersionStackWithIncludes, VersionStackAsset, VersionStackAsset",
            "AssetWithIncludes, ShareAsset, FileAsset",
            "ProjectWithIncludes, Project, Project",
            "User, User, User",
            "User, ShareReviewer, ShareReviewer",
            "MediaLinksCollection, MediaLinks, MediaLinks",
            "ShareActivityItemWithIncludes, ShareActivity, ShareActivity",
            "Share, Share, Share" })
    void everyExampleOfTheModelledSchemasSurvivesARoundTrip(String schema, String readAs, String expected)
            throws Exception {
        JsonNode example = example(schema);
        Object model = assertSurvivesARoundTrip(example, modelClass(readAs), schema);
        assertEquals(modelClass(expected), model.getClass(), schema + " read as " + readAs);
    }

    @Test
    void theAssetUnionExampleReadsAsAFileWithTypedLinksCreatorProjectAndMetadata() throws Exception {
        JsonNode example = example("AssetWithIncludes");
        FileAsset file = assertInstanceOf(FileAsset.class, MAPPER.treeToValue(example, ShareAsset.class));

        assertEquals(ShareAssetType.FILE, file.getType());
        assertEquals(example.get("file_size").asLong(), file.getFileSize());
        assertEquals(example.get("media_type").asText(), file.getMediaType());
        assertEquals(example.get("status").asText(), file.getStatus().name().toLowerCase(Locale.ROOT));
        assertEquals(example.get("adobe_version_id").asText(), file.getAdobeVersionId());
        assertEquals(example.get("adobe_id").asText(), file.getAdobeId());
        assertEquals(instant(example.get("created_at").asText()), file.getCreatedAt().toInstant());

        JsonNode links = example.get("media_links");
        MediaLinks mediaLinks = file.getMediaLinks();
        assertEquals(links.at("/original/inline_url").asText(), mediaLinks.getOriginal().getInlineUrl());
        assertEquals(links.at("/original/download_url").asText(), mediaLinks.getOriginal().getDownloadUrl());
        assertEquals(links.at("/thumbnail/url").asText(), mediaLinks.getThumbnail().getUrl());
        assertEquals(links.at("/high_quality/download_url").asText(), mediaLinks.getHighQuality().getDownloadUrl());
        assertEquals(Map.of(), mediaLinks.getOriginal().getOtherFields(), "every field of the original is modelled");
        assertFalse(mediaLinks.toString().contains("https:"), "a signed URL stays out of toString: " + mediaLinks);

        User creator = file.getCreator();
        assertEquals(User.class, creator.getClass());
        assertEquals(example.at("/creator/email").asText(), creator.getEmail());
        assertEquals(example.at("/creator/adobe_user_id").asText(), creator.getAdobeUserId());

        Project project = file.getProject();
        assertEquals(example.at("/project/description").asText(), project.getDescription());
        assertEquals(ProjectStatus.ACTIVE, project.getStatus());
        assertEquals(example.at("/project/storage").asLong(), project.getStorage());
        assertEquals(example.at("/project/root_folder_id").asText(), project.getRootFolderId());
        assertEquals(example.at("/project/owner/name").asText(), project.getOwner().getName());
        assertEquals(User.class, project.getOwner().getClass());

        MetadataField field = file.getMetadata().get(0);
        JsonNode fieldExample = example.at("/metadata/0");
        assertEquals(MetadataFieldType.SELECT, field.getFieldType());
        assertEquals(fieldExample.get("field_definition_name").asText(), field.getFieldDefinitionName());
        assertEquals(fieldExample.get("field_options").size(), field.getFieldOptions().size());
        assertEquals(fieldExample.at("/value/0/display_name").asText(), field.valueAsOptions().get(0).getDisplayName());
        assertEquals(field.getFieldOptions().get(0), field.valueAsOptions().get(0), "the chosen option is one offered");
        assertEquals(Map.of(), file.getOtherFields(), "every field of the example is modelled");
    }

    @Test
    void theFolderExampleReadsAsAFolderWithItsCoverFile() throws Exception {
        JsonNode example = example("FolderWithIncludes");
        FolderAsset folder = assertInstanceOf(FolderAsset.class, MAPPER.treeToValue(example, ShareAsset.class));
        assertEquals(ShareAssetType.FOLDER, folder.getType());
        assertEquals(example.get("cover_file_id").asText(), folder.getCoverFileId());
        assertEquals(Map.of(), folder.getOtherFields(), "every field of the example is modelled");
    }

    /**
     * The document's version stack example carries {@code "type": "file"} (a slip: the discriminator maps that to
     * FileWithIncludes). Read through the union it is therefore a file that keeps {@code head_version} unmodelled;
     * with the type a version stack row has, or read as VersionStackAsset, its head version is a typed file.
     */
    @Test
    void theVersionStackExampleReadsItsHeadVersionAsAFile() throws Exception {
        JsonNode example = example("VersionStackWithIncludes");
        assertEquals("file", example.get("type").asText(), "Frame.io's example as shipped");
        FileAsset asShipped = assertInstanceOf(FileAsset.class, MAPPER.treeToValue(example, ShareAsset.class));
        assertTrue(asShipped.getOtherFields().containsKey("head_version"), "nothing is lost");

        ObjectNode row = example.deepCopy();
        row.put("type", "version_stack");
        VersionStackAsset stack = assertInstanceOf(VersionStackAsset.class, MAPPER.treeToValue(row, ShareAsset.class));
        assertEquals(stack.getHeadVersion(), MAPPER.treeToValue(example, VersionStackAsset.class).getHeadVersion());
        assertEquals(ShareAssetType.VERSION_STACK, stack.getType());
        FileAsset head = stack.getHeadVersion();
        assertNotNull(head);
        assertEquals(example.at("/head_version/id").asText(), head.getId());
        assertEquals(example.at("/head_version/media_links/original/inline_url").asText(),
                head.getMediaLinks().getOriginal().getInlineUrl());
        assertEquals(Map.of(), stack.getOtherFields(), "every field of the example is modelled");
    }

    /** Each member of the MetadataField union, as the discriminator maps field types to schemas. */
    @Test
    void everyMetadataValueExampleReadsAsItsFieldTypeAndSurvivesARoundTrip() throws Exception {
        JsonNode mapping = FrameioContract.schema("MetadataField").at("/discriminator/mapping");
        assertTrue(mapping.size() >= 11, "field types: " + mapping);
        for (JsonNode ref : mapping) {
            String schema = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
            JsonNode example = example(schema);
            MetadataField field = (MetadataField) assertSurvivesARoundTrip(example, MetadataField.class, schema);
            String fieldType = example.get("field_type").asText();
            assertEquals(fieldType, field.getFieldType().name().toLowerCase(Locale.ROOT), schema);
            JsonNode value = example.get("value");
            switch (field.getFieldType()) {
                case TEXT, LONG_TEXT -> assertEquals(value.asText(), field.valueAsText(), schema);
                case RATING, NUMBER -> assertEquals(0, value.decimalValue().compareTo(field.valueAsNumber()), schema);
                case TOGGLE -> assertEquals(value.asBoolean(), field.valueAsBoolean(), schema);
                case DATE -> assertEquals(Instant.parse(value.asText().replace(' ', 'T')),
                        field.valueAsDateTime().toInstant(), schema);
                case SELECT, SELECT_MULTI -> {
                    assertEquals(value.get(0).get("id").asText(), field.valueAsOptions().get(0).getId(), schema);
                    assertEquals(example.get("field_options").size(), field.getFieldOptions().size(), schema);
                }
                case USER_SINGLE, USER_MULTI, USERS -> {
                    assertEquals(value.size(), field.valueAsMembers().size(), schema);
                    assertEquals(MetadataMemberType.USER, field.valueAsMembers().get(0).getType(), schema);
                    assertNotNull(field.getCustomMembers(), schema);
                    assertNotEquals(MemberOptionsType.UNKNOWN, field.getMemberOptionsType(), schema);
                }
                default -> fail(schema + " has a field type this version does not know: " + fieldType);
            }
            assertEquals(Map.of(), field.getOtherFields(), schema + ": every field of the example is modelled");
        }
    }

    // ---- walking the document ------------------------------------------------------------------------------------

    /** Each {@code shares.*} operation with the name of its success answer's schema. */
    private static Map<String, String> successSchemas() {
        Map<String, String> answers = new TreeMap<>();
        for (JsonNode path : FrameioContract.document().get("paths")) {
            for (JsonNode operation : path) {
                String id = operation.path("operationId").asText();
                if (!id.startsWith("shares.")) {
                    continue;
                }
                operation.get("responses").properties().stream()
                        .filter(response -> response.getKey().startsWith("2"))
                        .forEach(response -> response.getValue().get("content").forEach(content -> {
                            String ref = content.at("/schema/$ref").asText();
                            assertNull(answers.put(id, ref.substring(ref.lastIndexOf('/') + 1)),
                                    id + " has one success answer");
                        }));
            }
        }
        return answers;
    }

    static JsonNode example(String schema) {
        JsonNode example = FrameioContract.schema(schema).get("example");
        assertNotNull(example, schema + " has an example");
        return example;
    }

    static Class<?> modelClass(String simpleName) throws ClassNotFoundException {
        return Class.forName(ContractExamplesRoundTripTest.class.getPackageName() + "." + simpleName);
    }

    // ---- comparing ---------------------------------------------------------------------------------------------

    /** Reads {@code json} as {@code type}, writes it back, and checks that what came back keeps every value. */
    private static Object assertSurvivesARoundTrip(JsonNode json, Class<?> type, String where) throws Exception {
        Object model = MAPPER.treeToValue(json, type);
        JsonNode back = MAPPER.readTree(MAPPER.writeValueAsString(model));
        assertKeeps(json, back, where);
        assertEquals(model, MAPPER.treeToValue(back, type), where + ": read again, it is the same model");
        return model;
    }

    /**
     * Every non-null field of {@code expected} comes back with an equal value, recursively; a null one may be
     * omitted or null. Numbers compare by value (1 equals 1.0), timestamps as instants.
     */
    private static void assertKeeps(JsonNode expected, JsonNode actual, String where) {
        if (expected.isNull()) {
            assertTrue(actual == null || actual.isNull(), where + ": null came back as " + actual);
            return;
        }
        assertNotNull(actual, where + " was lost");
        if (expected.isObject()) {
            assertTrue(actual.isObject(), where + ": an object came back as " + actual);
            expected.properties().forEach(f -> assertKeeps(f.getValue(), actual.get(f.getKey()),
                    where + "." + f.getKey()));
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), where + ": an array came back as " + actual);
            assertEquals(expected.size(), actual.size(), where + ": items");
            for (int i = 0; i < expected.size(); i++) {
                assertKeeps(expected.get(i), actual.get(i), where + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertTrue(actual.isNumber() && expected.decimalValue().compareTo(actual.decimalValue()) == 0,
                    where + ": " + expected + " came back as " + actual);
        } else if (expected.isTextual() && instant(expected.asText()) != null) {
            assertEquals(instant(expected.asText()), actual.isTextual() ? instant(actual.asText()) : null,
                    where + ": " + expected + " came back as " + actual);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    /** The instant of an ISO-8601 timestamp with an offset, or null when the text is not one. */
    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
