package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelframeio.frameio.simulator.contract.Exchange;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createShare;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A share's assets as the official document shapes them: the union of files, folders and version stacks with
 * their required fields, and every {@code include} alone, in every pair and all together, each answer checked
 * strictly against the contract.
 */
class AssetShapesTest extends SimulatorApiTestBase {

    private static final List<String> INCLUDES = List.of("media_links.original", "media_links.thumbnail",
            "media_links.thumbnail_high_quality", "media_links.video_h264_180", "media_links.high_quality",
            "media_links.efficient", "media_links.scrub_sheet", "creator", "project", "metadata");

    @Test
    void everyIncludeAloneInPairsAndTogetherAnswersTheContract() {
        String id = shareOfEveryKind();
        List<String> queries = new ArrayList<>();
        queries.add("");
        for (int i = 0; i < INCLUDES.size(); i++) {
            queries.add(INCLUDES.get(i));
            for (int j = i + 1; j < INCLUDES.size(); j++) {
                queries.add(INCLUDES.get(i) + "," + INCLUDES.get(j));
            }
        }
        queries.add(String.join(",", INCLUDES));
        for (String include : queries) {
            Exchange list = client.get(sharePath(f, id) + "/assets" + (include.isEmpty() ? "" : "?include=" + include))
                    .assertResponseValid().assertStatus(200);
            assertEquals(9, list.data().size(), include);
        }
        assertEquals(1 + 10 + 45 + 1, queries.size());
    }

    @Test
    void foldersCarryTheirCoverAndVersionStacksTheirHeadVersion() {
        String id = shareOfEveryKind();
        JsonNode rows = client.get(sharePath(f, id) + "/assets?include=creator").assertValid().data();
        for (JsonNode row : rows) {
            switch (row.get("type").asText()) {
                case "folder" -> {
                    assertTrue(row.has("cover_file_id"), row.toString());
                    assertTrue(f.fileIds().contains(row.get("cover_file_id").asText()), "a file of the folder");
                }
                case "version_stack" -> {
                    JsonNode head = row.get("head_version");
                    assertEquals("file", head.get("type").asText());
                    assertEquals("hero_cut_v2.mp4", head.get("name").asText(), "the newest version");
                    assertEquals(row.get("id").asText(), head.get("parent_id").asText());
                    assertTrue(head.has("creator"), "the head version comes with the row's includes");
                }
                default -> {
                    assertEquals("transcoded", row.get("status").asText());
                    assertTrue(row.get("file_size").asLong() > 0);
                    assertTrue(row.get("media_type").asText().matches("(video|image)/.+"));
                    assertFalse(row.has("cover_file_id") || row.has("head_version"));
                }
            }
            assertTrue(row.get("creator").get("email").asText().endsWith("@example.com"));
        }
    }

    @Test
    void mediaLinksHaveTheShapeOfTheirKind() {
        String id = shareOfEveryKind();
        // a comma list of includes is this project's leniency (ProjectRule.INCLUDE_LIST): the answer is checked
        JsonNode rows = client.get(sharePath(f, id) + "/assets?include=" + String.join(",", INCLUDES.subList(0, 7)))
                .assertResponseValid().data();
        int files = 0;
        for (JsonNode row : rows) {
            if (!row.get("type").asText().equals("file")) {
                assertFalse(row.has("media_links"), "only files have media links");
                continue;
            }
            files++;
            JsonNode links = row.get("media_links");
            assertEquals(List.of("download_url", "inline_url"), names(links.get("original")));
            assertTrue(links.get("original").get("inline_url").asText().contains("disposition=inline"));
            assertTrue(links.get("original").get("download_url").asText().startsWith("https://"));
            for (String rendition : List.of("thumbnail", "thumbnail_high_quality", "video_h264_180", "scrub_sheet")) {
                assertEquals(List.of("download_url", "url"), names(links.get(rendition)), rendition);
            }
            for (String common : List.of("high_quality", "efficient")) {
                assertEquals(List.of("download_url"), names(links.get(common)), common);
            }
            boolean video = row.get("media_type").asText().startsWith("video/");
            assertEquals(video, !links.get("video_h264_180").get("url").isNull(), "an image has no video rendition");
        }
        assertTrue(files >= 5, "files checked: " + files);
    }

    @Test
    void projectCreatorAndMetadataAreComplete() {
        String id = createShare(client, f, "One file", "public", f.fileIds().get(0)).get("id").asText();
        JsonNode row = client.get(sharePath(f, id) + "/assets?include=project,creator,metadata").assertResponseValid()
                .data().get(0);
        JsonNode project = row.get("project");
        for (String field : List.of("id", "name", "status", "storage", "workspace_id", "root_folder_id", "created_at",
                "updated_at", "view_url", "description")) {
            assertTrue(project.has(field) && !project.get(field).isNull(), "project." + field);
        }
        assertEquals(f.projectId(), project.get("id").asText());
        assertEquals(f.emails().get(0), project.get("owner").get("email").asText());
        assertTrue(project.get("storage").asLong() > 1_000_000_000L, "the sum of the project's files");
        JsonNode metadata = row.get("metadata");
        assertEquals(8, metadata.size());
        List<String> types = new ArrayList<>();
        metadata.forEach(field -> types.add(field.get("field_type").asText()));
        assertEquals(List.of("select", "rating", "long_text", "toggle", "date", "user_single", "select_multi", "number"),
                types);
    }

    @Test
    void activityWithUsersNamesMembersAndNullsAnonymousViewers() {
        String id = createShare(client, f, "Watched", "public").get("id").asText();
        sim.viewShare(id);
        JsonNode feed = client.get(sharePath(f, id) + "/activities?include=user").assertValid().data();
        assertTrue(feed.get(0).get("user").isNull());
        assertFalse(client.get(sharePath(f, id) + "/activities").assertValid().data().get(0).has("user"));
    }

    /** A share of a folder (with a sub-folder), a version stack and a file: nine rows once flattened. */
    private String shareOfEveryKind() {
        String poster = f.fileIds().get(f.fileIds().size() - 1);
        return createShare(client, f, "Every kind", "public", f.folderIds().get(0), f.versionStackIds().get(0), poster)
                .get("id").asText();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
