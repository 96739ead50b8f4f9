package io.github.camelframeio.frameio.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.state.Activity;
import io.github.camelframeio.frameio.simulator.state.Asset;
import io.github.camelframeio.frameio.simulator.state.Fixtures;
import io.github.camelframeio.frameio.simulator.state.SimClock;
import io.github.camelframeio.frameio.simulator.state.SimUser;
import io.github.camelframeio.frameio.simulator.state.StoredShare;

import java.util.Map;
import java.util.Set;

/**
 * Renders stored state in the V4 wire format.
 */
public final class Render {

    /** The thirteen fields every Share carries, in the order of the schema's {@code required} list. */
    static final Set<String> REQUIRED_SHARE_FIELDS = Set.of("id", "name", "description", "collection_id", "short_url",
            "access", "enabled", "commenting_enabled", "downloading_enabled", "expiration", "last_viewed_at",
            "created_at", "updated_at");

    private Render() {
    }

    public static ObjectNode share(StoredShare s) {
        ObjectNode n = Json.object();
        n.put("id", s.id());
        n.set("name", orNull(s.field("name")));
        n.set("description", orNull(s.field("description")));
        n.put("collection_id", s.collectionId());
        n.put("short_url", s.shortUrl());
        n.set("access", orNull(s.field("access")));
        n.set("enabled", orNull(s.field("enabled")));
        n.set("commenting_enabled", orNull(s.field("commenting_enabled")));
        n.set("downloading_enabled", orNull(s.field("downloading_enabled")));
        n.set("expiration", orNull(s.field("expiration")));
        if (s.lastViewedAt() == null) {
            n.putNull("last_viewed_at");
        } else {
            n.put("last_viewed_at", SimClock.format(s.lastViewedAt()));
        }
        n.put("created_at", SimClock.format(s.createdAt()));
        n.put("updated_at", SimClock.format(s.updatedAt()));
        for (Map.Entry<String, JsonNode> field : s.fields().entrySet()) {
            if (!REQUIRED_SHARE_FIELDS.contains(field.getKey())) {
                n.set(field.getKey(), field.getValue());
            }
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

    static ObjectNode asset(Asset a, Set<String> include, Fixtures fixtures) {
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("type", a.type());
        n.put("name", a.name());
        n.put("parent_id", a.parentId());
        n.put("project_id", a.projectId());
        n.put("created_at", SimClock.format(a.createdAt()));
        n.put("updated_at", SimClock.format(a.updatedAt()));
        n.put("view_url", "https://next.frame.io/project/" + a.projectId() + "/view/" + a.id());
        if (a.type().equals("file")) {
            n.put("file_size", a.fileSize());
            n.put("media_type", a.mediaType());
            n.put("status", "transcoded");
        }
        ObjectNode links = null;
        for (String inc : include) {
            if (inc.startsWith("media_links.")) {
                if (a.type().equals("file")) {
                    if (links == null) {
                        links = n.putObject("media_links");
                    }
                    String kind = inc.substring("media_links.".length());
                    ObjectNode link = links.putObject(kind);
                    link.put("url", "https://assets.frame.io.sim/" + a.id() + "/" + kind);
                    if (kind.equals("original")) {
                        link.put("download_url", "https://assets.frame.io.sim/" + a.id() + "/original?download=1");
                    }
                }
            } else if (inc.equals("creator")) {
                n.set("creator", user(fixtures.users.get(0)));
            } else if (inc.equals("project")) {
                ObjectNode p = n.putObject("project");
                p.put("id", a.projectId());
                p.put("name", a.projectId().equals(fixtures.projectId) ? fixtures.projectName : fixtures.otherProjectName);
            } else if (inc.equals("metadata")) {
                n.putArray("metadata");
            }
        }
        return n;
    }

    static ObjectNode activity(Activity a, boolean includeUser, Fixtures fixtures) {
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("type", a.type());
        n.put("inserted_at", SimClock.format(a.insertedAt()));
        n.put("asset_id", a.assetId());
        n.put("user_id", a.userId());
        SimUser user = includeUser ? fixtures.userById(a.userId()) : null;
        if (user != null) {
            // an anonymous viewer has no User (no e-mail); the schema's allOf [User] does not admit null, so omit it
            n.set("user", user(user));
        }
        return n;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }
}
