package io.github.camelframeio.frameio.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.contract.FrameioContract;
import io.github.camelframeio.frameio.simulator.state.Activity;
import io.github.camelframeio.frameio.simulator.state.Asset;
import io.github.camelframeio.frameio.simulator.state.Fixtures;
import io.github.camelframeio.frameio.simulator.state.SimClock;
import io.github.camelframeio.frameio.simulator.state.SimUser;
import io.github.camelframeio.frameio.simulator.state.StoredShare;
import io.github.camelframeio.frameio.simulator.state.StoredWebhook;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Renders stored state in the V4 wire format, shaped as the official document's schemas: {@code Share}, the asset
 * union {@code AssetWithIncludes} (file, folder, version stack) with every {@code include}, {@code User} and
 * {@code ShareActivityItemWithIncludes}.
 */
public final class Render {

    /** The fields every Share carries: the {@code required} list of the contract's Share schema, in its order. */
    static final Set<String> REQUIRED_SHARE_FIELDS = requiredShareFields();

    private static final String ASSETS_HOST = "https://assets.frame.io.sim";
    private static final String PICTURES_HOST = "https://picture.frame.io.sim";
    /** Media links are signed for a day, as Frame.io's are for a limited time. */
    private static final long LINK_LIFETIME_SECONDS = 86_400;

    private Render() {
    }

    private static Set<String> requiredShareFields() {
        Set<String> names = new LinkedHashSet<>();
        FrameioContract.schema("Share").get("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    public static ObjectNode share(StoredShare s) {
        ObjectNode n = Json.object();
        for (String field : REQUIRED_SHARE_FIELDS) {
            switch (field) {
                case "id" -> n.put("id", s.id());
                case "collection_id" -> n.put("collection_id", s.collectionId());
                case "short_url" -> n.put("short_url", s.shortUrl());
                case "last_viewed_at" -> n.set("last_viewed_at", s.lastViewedAt() == null ? NullNode.getInstance()
                        : Json.MAPPER.getNodeFactory().textNode(SimClock.format(s.lastViewedAt())));
                case "created_at" -> n.put("created_at", SimClock.format(s.createdAt()));
                case "updated_at" -> n.put("updated_at", SimClock.format(s.updatedAt()));
                default -> n.set(field, orNull(s.field(field)));
            }
        }
        for (Map.Entry<String, JsonNode> field : s.fields().entrySet()) {
            if (!REQUIRED_SHARE_FIELDS.contains(field.getKey())) {
                n.set(field.getKey(), field.getValue());
            }
        }
        return n;
    }

    /**
     * A {@code Webhook}: its eight fields, {@code creator} (a {@code User}) with {@code include=creator}, and the
     * {@code secret} only for the answer to the create call.
     */
    public static ObjectNode webhook(StoredWebhook w, boolean includeCreator, boolean withSecret, Fixtures fixtures) {
        ObjectNode n = Json.object();
        n.put("id", w.id());
        n.put("name", w.name());
        ArrayNode events = n.putArray("events");
        w.events().forEach(events::add);
        n.put("url", w.url());
        n.put("active", w.active());
        n.put("workspace_id", w.workspaceId());
        n.put("created_at", SimClock.format(w.createdAt()));
        n.put("updated_at", SimClock.format(w.updatedAt()));
        if (includeCreator) {
            SimUser creator = fixtures.userById(w.creatorId());
            if (creator != null) {
                n.set("creator", user(creator));
            }
        }
        if (withSecret) {
            n.put("secret", w.secret());
        }
        return n;
    }

    static ObjectNode user(SimUser u) {
        ObjectNode n = Json.object();
        n.put("id", u.id());
        n.put("name", u.name());
        n.put("email", u.email());
        n.put("avatar_url", u.avatarUrl());
        n.put("active", u.active());
        n.put("adobe_user_id", u.adobeUserId());
        return n;
    }

    /**
     * One row of a share's assets: a {@code FileWithIncludes}, {@code FolderWithIncludes} or
     * {@code VersionStackWithIncludes} with what {@code include} asks for. A version stack's {@code head_version} is
     * its newest file, rendered with the same includes.
     *
     * @param nowSeconds when the answer is made: media links expire a day later
     */
    static ObjectNode asset(Asset a, Set<String> include, Fixtures fixtures, long nowSeconds) {
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("type", a.type());
        n.put("name", a.name());
        n.put("parent_id", a.parentId());
        n.put("project_id", a.projectId());
        n.put("created_at", SimClock.format(a.createdAt()));
        n.put("updated_at", SimClock.format(a.updatedAt()));
        n.put("view_url", "https://next.frame.io/project/" + a.projectId() + "/view/" + a.id());
        switch (a.type()) {
            case "file" -> {
                n.put("status", "transcoded");
                n.put("media_type", a.mediaType());
                n.put("file_size", a.fileSize());
            }
            case "folder" -> n.put("cover_file_id", fixtures.coverFileId(a));
            default -> {
                Asset head = fixtures.headVersion(a);
                n.set("head_version", head == null ? NullNode.getInstance() : asset(head, include, fixtures, nowSeconds));
            }
        }
        ObjectNode links = null;
        for (String inc : include) {
            if (inc.startsWith("media_links.")) {
                if (a.isFile()) {
                    if (links == null) {
                        links = n.putObject("media_links");
                    }
                    String kind = inc.substring("media_links.".length());
                    links.set(kind, mediaLink(a, kind, nowSeconds + LINK_LIFETIME_SECONDS));
                }
            } else if (inc.equals("creator")) {
                SimUser creator = fixtures.userById(a.creatorId());
                n.set("creator", user(creator != null ? creator : fixtures.users.get(0)));
            } else if (inc.equals("project")) {
                n.set("project", project(fixtures.project(a.projectId()), fixtures));
            } else if (inc.equals("metadata")) {
                n.set("metadata", metadata(a, fixtures));
            }
        }
        return n;
    }

    /**
     * One media link of a file. {@code original} is an {@code OriginalMediaLink} ({@code download_url},
     * {@code inline_url}); {@code high_quality} and {@code efficient} are a {@code MediaLinkCommon}
     * ({@code download_url}); the renditions are a {@code RenditionMediaLink} ({@code download_url}, {@code url}).
     * An image has no video renditions: {@code video_h264_180} and {@code scrub_sheet} come with both links null, as
     * their schemas allow.
     */
    private static ObjectNode mediaLink(Asset file, String kind, long expires) {
        ObjectNode link = Json.object();
        boolean video = file.isVideo();
        String extension = video ? "mp4" : "jpg";
        switch (kind) {
            case "original" -> {
                link.put("download_url", signed(ASSETS_HOST + "/" + file.id() + "/original/" + encode(file.name()),
                        "attachment", file, expires));
                link.put("inline_url", signed(ASSETS_HOST + "/" + file.id() + "/original/" + encode(file.name()),
                        "inline", file, expires));
            }
            case "high_quality", "efficient" -> link.put("download_url", signed(ASSETS_HOST + "/" + file.id() + "/"
                    + kind + "." + extension, "attachment", file, expires));
            case "video_h264_180", "scrub_sheet" -> {
                if (video) {
                    String ext = kind.equals("scrub_sheet") ? "jpg" : "mp4";
                    link.put("download_url", signed(ASSETS_HOST + "/" + file.id() + "/" + kind + "." + ext,
                            "attachment", file, expires));
                    link.put("url", signed(PICTURES_HOST + "/" + file.id() + "/" + kind + "." + ext, "inline", file,
                            expires));
                } else {
                    link.putNull("download_url");
                    link.putNull("url");
                }
            }
            default -> { // thumbnail, thumbnail_high_quality
                String size = kind.equals("thumbnail") ? "540" : "1080";
                link.put("download_url", signed(ASSETS_HOST + "/" + file.id() + "/" + kind + ".jpg", "attachment", file,
                        expires));
                link.put("url", signed(PICTURES_HOST + "/" + file.id() + "/" + kind + ".jpg?width=" + size, "inline",
                        file, expires));
            }
        }
        return link;
    }

    /** A link that looks like Frame.io's signed asset links: disposition, expiry and a signature. */
    private static String signed(String url, String disposition, Asset file, long expires) {
        String signature = Integer.toHexString((url + disposition + expires).hashCode())
                           + Integer.toHexString(file.id().hashCode());
        return url + (url.contains("?") ? "&" : "?") + "response-content-disposition=" + disposition
               + "&Expires=" + expires + "&Signature=" + signature;
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A {@code ProjectWithIncludes}: the project, its description and its owner. */
    private static ObjectNode project(Fixtures.ProjectInfo p, Fixtures fixtures) {
        ObjectNode n = Json.object();
        n.put("id", p.id());
        n.put("name", p.name());
        n.put("description", p.description());
        n.put("status", "active");
        n.put("storage", fixtures.storage(p.id()));
        n.put("workspace_id", fixtures.workspaceId);
        n.put("root_folder_id", p.rootFolderId());
        n.put("created_at", SimClock.format(p.createdAt()));
        n.put("updated_at", SimClock.format(p.updatedAt()));
        n.put("view_url", "https://next.frame.io/project/" + p.id() + "/");
        n.putNull("image");
        n.put("restricted", false);
        n.set("owner", user(fixtures.userById(p.ownerId())));
        return n;
    }

    /**
     * The account's metadata fields with this asset's values, each of its field type's schema (SelectValue,
     * IntegerValue, TextValue, BooleanValue, DateValue, SingleUserValue, MultiSelectValue, NumberValue). Values
     * differ from asset to asset and some are unset (null or empty), as in a real project.
     */
    private static ArrayNode metadata(Asset a, Fixtures fixtures) {
        ArrayNode fields = Json.array();
        int seed = Math.floorMod(a.id().hashCode(), 1000);
        for (Fixtures.FieldDefinition d : fixtures.fieldDefinitions) {
            ObjectNode f = fields.addObject();
            f.put("field_definition_id", d.id());
            f.put("field_definition_name", d.name());
            f.put("field_type", d.type());
            f.put("mutable", d.mutable());
            switch (d.type()) {
                case "select" -> {
                    options(f.putArray("field_options"), d);
                    Fixtures.SelectOption chosen = d.options().get(seed % d.options().size());
                    option(f.putArray("value"), chosen);
                }
                case "select_multi" -> {
                    options(f.putArray("field_options"), d);
                    ArrayNode value = f.putArray("value");
                    for (int i = 0; i < d.options().size(); i++) {
                        if (((seed >> i) & 1) == 1) {
                            option(value, d.options().get(i));
                        }
                    }
                }
                case "rating" -> {
                    if (seed % 3 == 0) {
                        f.putNull("value");
                    } else {
                        f.put("value", 1 + seed % 5);
                    }
                }
                case "long_text" -> {
                    if (a.isFile()) {
                        f.put("value", "Checked " + a.name() + " against the shot list");
                    } else {
                        f.putNull("value");
                    }
                }
                case "toggle" -> f.put("value", seed % 2 == 0);
                case "date" -> f.put("value", SimClock.format(a.createdAt() + 14L * 86_400_000_000L));
                case "user_single" -> {
                    f.put("member_options_type", "all_project_members");
                    ObjectNode assignee = f.putArray("value").addObject();
                    assignee.put("id", fixtures.users.get(seed % fixtures.users.size()).id());
                    assignee.put("type", "user");
                }
                default -> { // number
                    if (a.isVideo()) {
                        f.put("value", 23.976);
                    } else {
                        f.putNull("value");
                    }
                }
            }
        }
        return fields;
    }

    private static void options(ArrayNode array, Fixtures.FieldDefinition d) {
        d.options().forEach(o -> option(array, o));
    }

    private static void option(ArrayNode array, Fixtures.SelectOption o) {
        ObjectNode n = array.addObject();
        n.put("id", o.id());
        n.put("display_name", o.displayName());
    }

    /**
     * One activity. With {@code include=user} an item carries its {@code User}; an anonymous viewer (no account
     * member) has {@code "user": null}, which the schema's nullable {@code user} allows.
     */
    static ObjectNode activity(Activity a, boolean includeUser, Fixtures fixtures) {
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("type", a.type());
        n.put("inserted_at", SimClock.format(a.insertedAt()));
        n.put("asset_id", a.assetId());
        n.put("user_id", a.userId());
        if (includeUser) {
            SimUser user = fixtures.userById(a.userId());
            n.set("user", user == null ? NullNode.getInstance() : user(user));
        }
        return n;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }
}
