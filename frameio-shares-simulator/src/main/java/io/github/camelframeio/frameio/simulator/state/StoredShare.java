package io.github.camelframeio.frameio.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One share as the simulator stores it. Immutable: every change makes a new instance, so readers never lock.
 * <p>
 * {@code fields} holds every client-settable field exactly as last set (including explicit nulls), which is how
 * optional fields are echoed only once they have been set.
 */
public final class StoredShare {

    private final String id;
    private final String accountId;
    private final String projectId;
    private final String collectionId;
    private final String shortUrl;
    private final long createdAt;
    private final long updatedAt;
    private final Long lastViewedAt;
    private final Map<String, JsonNode> fields;
    private final List<String> assetIds;
    private final List<SimUser> reviewers;

    public StoredShare(String id, String accountId, String projectId, String collectionId, String shortUrl, long createdAt,
                       long updatedAt, Long lastViewedAt, Map<String, JsonNode> fields, List<String> assetIds,
                       List<SimUser> reviewers) {
        this.id = id;
        this.accountId = accountId;
        this.projectId = projectId;
        this.collectionId = collectionId;
        this.shortUrl = shortUrl;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.lastViewedAt = lastViewedAt;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.assetIds = List.copyOf(assetIds);
        this.reviewers = Collections.unmodifiableList(new ArrayList<>(reviewers));
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String projectId() {
        return projectId;
    }

    public String collectionId() {
        return collectionId;
    }

    public String shortUrl() {
        return shortUrl;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }

    public Long lastViewedAt() {
        return lastViewedAt;
    }

    public Map<String, JsonNode> fields() {
        return fields;
    }

    public JsonNode field(String name) {
        return fields.get(name);
    }

    /** The share's name, or null when it was cleared. */
    public String name() {
        JsonNode name = fields.get("name");
        return name == null || name.isNull() ? null : name.asText();
    }

    public boolean isSecure() {
        JsonNode access = fields.get("access");
        return access != null && "secure".equals(access.asText());
    }

    /** Direct members of the share's collection, in the order they were added. */
    public List<String> assetIds() {
        return assetIds;
    }

    public List<SimUser> reviewers() {
        return reviewers;
    }

    public StoredShare withFields(Map<String, JsonNode> changes, long now) {
        Map<String, JsonNode> merged = new LinkedHashMap<>(fields);
        merged.putAll(changes);
        return new StoredShare(id, accountId, projectId, collectionId, shortUrl, createdAt, now, lastViewedAt, merged,
                assetIds, reviewers);
    }

    public StoredShare withLastViewedAt(long viewedAt, boolean touchUpdatedAt) {
        return new StoredShare(id, accountId, projectId, collectionId, shortUrl, createdAt,
                touchUpdatedAt ? viewedAt : updatedAt, viewedAt, fields, assetIds, reviewers);
    }

    public StoredShare withAssetIds(List<String> newAssetIds) {
        return new StoredShare(id, accountId, projectId, collectionId, shortUrl, createdAt, updatedAt, lastViewedAt,
                fields, newAssetIds, reviewers);
    }

    public StoredShare withReviewers(List<SimUser> newReviewers) {
        return new StoredShare(id, accountId, projectId, collectionId, shortUrl, createdAt, updatedAt, lastViewedAt,
                fields, assetIds, newReviewers);
    }
}
