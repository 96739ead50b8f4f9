package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.client.FrameioJson;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the official examples do not show: asset rows of a type this version does not know, rows without a type,
 * the consumer's id-only asset, and values Frame.io may add later. None of them may fail to read or lose a field.
 */
class ShareAssetUnionTest {

    private static final ObjectMapper MAPPER = FrameioJson.newObjectMapper();

    @Test
    void anAssetOfATypeAddedLaterReadsAsAPlainShareAssetAndIsWrittenBackAsSent() throws Exception {
        ShareAsset asset = read("{\"id\":\"a1\",\"type\":\"photo\",\"name\":\"Sky\",\"pixels\":12}");
        assertEquals(ShareAsset.class, asset.getClass());
        assertEquals(ShareAssetType.UNKNOWN, asset.getType());
        assertEquals("photo", asset.typeName());
        assertEquals("Sky", asset.getName());
        assertEquals(Map.of("pixels", 12), asset.getOtherFields());
        JsonNode back = MAPPER.valueToTree(asset);
        assertEquals("photo", back.get("type").asText());
        assertEquals(12, back.get("pixels").asInt());
    }

    @Test
    void anAssetWithoutATypeReadsAsAPlainShareAsset() throws Exception {
        ShareAsset missing = read("{\"id\":\"a1\",\"name\":\"No type\"}");
        assertEquals(ShareAsset.class, missing.getClass());
        assertNull(missing.getType());
        ShareAsset nullType = read("{\"id\":\"a1\",\"type\":null}");
        assertEquals(ShareAsset.class, nullType.getClass());
        assertNull(nullType.getType());
    }

    @Test
    void theConsumersIdOnlyAssetIsAPlainShareAsset() {
        ShareAsset removed = MAPPER.convertValue(Map.of("id", "gone-1"), ShareAsset.class);
        assertEquals(ShareAsset.class, removed.getClass());
        assertEquals("gone-1", removed.getId());
        assertNull(removed.getName());
        assertNull(removed.getType());
    }

    @Test
    void aPageOfMixedRowsReadsEachRowAsItsTypeAndWritesItBack() throws Exception {
        String json = "[{\"id\":\"f\",\"type\":\"file\",\"status\":\"transcoded\",\"file_size\":7},"
                      + "{\"id\":\"d\",\"type\":\"folder\",\"cover_file_id\":\"f\"},"
                      + "{\"id\":\"v\",\"type\":\"version_stack\",\"head_version\":null}]";
        List<ShareAsset> rows = MAPPER.readValue(json, new TypeReference<>() {
        });
        FileAsset file = assertInstanceOf(FileAsset.class, rows.get(0));
        assertEquals(FileStatus.TRANSCODED, file.getStatus());
        assertEquals(7L, file.getFileSize());
        assertEquals("f", assertInstanceOf(FolderAsset.class, rows.get(1)).getCoverFileId());
        assertNull(assertInstanceOf(VersionStackAsset.class, rows.get(2)).getHeadVersion());

        List<ShareAsset> again = MAPPER.readValue(MAPPER.writeValueAsString(rows), new TypeReference<>() {
        });
        assertEquals(rows, again);
        assertEquals(rows.hashCode(), again.hashCode());
    }

    @Test
    void aHeadVersionWithoutATypeIsStillAFile() throws Exception {
        VersionStackAsset stack = (VersionStackAsset) read(
                "{\"id\":\"v\",\"type\":\"version_stack\",\"head_version\":{\"id\":\"f\",\"status\":\"uploaded\"}}");
        assertEquals(FileStatus.UPLOADED, stack.getHeadVersion().getStatus());
        assertNull(stack.getHeadVersion().getType());
    }

    @Test
    void valuesAddedLaterReadAsUnknown() throws Exception {
        FileAsset file = (FileAsset) read("{\"id\":\"f\",\"type\":\"file\",\"status\":\"archived\",\"project\":"
                                          + "{\"status\":\"frozen\"},\"metadata\":[{\"field_type\":\"color\","
                                          + "\"value\":\"#fff\"}]}");
        assertEquals(FileStatus.UNKNOWN, file.getStatus());
        assertEquals(ProjectStatus.UNKNOWN, file.getProject().getStatus());
        assertEquals(MetadataFieldType.UNKNOWN, file.getMetadata().get(0).getFieldType());
        assertEquals("#fff", file.getMetadata().get(0).valueAsText());
    }

    @Test
    void aMediaLinkKeepsTheFieldsItMayCarryBeyondItsUrls() throws Exception {
        FileAsset file = (FileAsset) read("{\"type\":\"file\",\"media_links\":{\"efficient\":{\"download_url\":"
                                          + "\"https://e.example/1\",\"bitrate\":800}}}");
        MediaLink efficient = file.getMediaLinks().getEfficient();
        assertEquals("https://e.example/1", efficient.getDownloadUrl());
        assertEquals(Map.of("bitrate", 800), efficient.getOtherFields());
        assertEquals(800, MAPPER.valueToTree(file).at("/media_links/efficient/bitrate").asInt());
        assertFalse(file.getMediaLinks().toString().contains("https:"), "signed URLs stay out of toString");
        assertFalse(efficient.toString().contains("https:"), "signed URLs stay out of toString");
    }

    @Test
    void aMetadataValueSentAsNullIsToldFromAnAbsentOneButNeitherIsWritten() throws Exception {
        MetadataField sentNull = MAPPER.readValue("{\"field_type\":\"text\",\"value\":null}", MetadataField.class);
        assertNull(sentNull.valueAsText());
        assertTrue(sentNull.getValue().isNull());
        MetadataField absent = MAPPER.readValue("{\"field_type\":\"text\"}", MetadataField.class);
        assertNull(absent.getValue());
        assertNotEquals(sentNull, absent);
        assertFalse(MAPPER.valueToTree(sentNull).has("value"), "a null is left out, as every null field is");
        assertFalse(MAPPER.valueToTree(absent).has("value"));
    }

    @Test
    void aDateValueReadsWithATOrASpaceBetweenDateAndTime() throws Exception {
        Instant expected = Instant.parse("2026-09-11T00:12:04.500618Z");
        for (String text : List.of("2026-09-11T00:12:04.500618Z", "2026-09-11 00:12:04.500618Z")) {
            MetadataField date = MAPPER.readValue("{\"field_type\":\"date\",\"value\":\"" + text + "\"}",
                    MetadataField.class);
            assertEquals(expected, date.valueAsDateTime().toInstant(), text);
        }
    }

    @Test
    void aReviewerIsAUserButNeverEqualsAPlainOne() throws Exception {
        String json = "{\"id\":\"u1\",\"email\":\"a@example.org\"}";
        ShareReviewer reviewer = MAPPER.readValue(json, ShareReviewer.class);
        User user = MAPPER.readValue(json, User.class);
        assertEquals("a@example.org", ((User) reviewer).getEmail());
        assertNotEquals(user, reviewer);
        assertNotEquals(reviewer, user);
        assertEquals(reviewer, MAPPER.readValue(json, ShareReviewer.class));
        assertTrue(reviewer.toString().startsWith("ShareReviewer["), reviewer.toString());
        ShareActivity activity = MAPPER.readValue("{\"id\":\"x\",\"user\":" + json + "}", ShareActivity.class);
        assertEquals(reviewer, activity.getUser());
    }

    private static ShareAsset read(String json) throws Exception {
        return MAPPER.readValue(json, ShareAsset.class);
    }
}
