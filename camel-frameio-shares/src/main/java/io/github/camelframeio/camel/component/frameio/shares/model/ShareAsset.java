package io.github.camelframeio.camel.component.frameio.shares.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One row of a share's recursively flat asset list: a file, folder or version stack the share holds, directly
 * or inside a shared folder or version stack. Fields the request's {@code include} adds ({@code media_links},
 * {@code creator}, {@code project}, {@code metadata}) are in {@link #getOtherFields()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ShareAsset extends FrameioObject {

    @JsonProperty("id")
    private String id;
    @JsonProperty("type")
    private ShareAssetType type;
    @JsonProperty("name")
    private String name;
    @JsonProperty("parent_id")
    private String parentId;
    @JsonProperty("project_id")
    private String projectId;
    @JsonProperty("created_at")
    private OffsetDateTime createdAt;
    @JsonProperty("updated_at")
    private OffsetDateTime updatedAt;
    @JsonProperty("view_url")
    private String viewUrl;
    @JsonProperty("file_size")
    private Long fileSize;
    @JsonProperty("media_type")
    private String mediaType;
    @JsonProperty("status")
    private String status;

    /** For Jackson. */
    ShareAsset() {
    }

    /** Asset id. */
    public String getId() {
        return id;
    }

    /** File, folder or version stack. */
    public ShareAssetType getType() {
        return type;
    }

    /** Asset name. */
    public String getName() {
        return name;
    }

    /** Containing folder or version stack. */
    public String getParentId() {
        return parentId;
    }

    /** Owning project. */
    public String getProjectId() {
        return projectId;
    }

    /** Creation time. */
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    /** Last update. */
    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    /** Link to the asset in Frame.io. */
    public String getViewUrl() {
        return viewUrl;
    }

    /** Size in bytes (files). */
    public Long getFileSize() {
        return fileSize;
    }

    /** MIME type (files). */
    public String getMediaType() {
        return mediaType;
    }

    /** Processing status (files). */
    public String getStatus() {
        return status;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ShareAsset)) {
            return false;
        }
        ShareAsset other = (ShareAsset) o;
        return Objects.equals(id, other.id) &&
               Objects.equals(type, other.type) &&
               Objects.equals(name, other.name) &&
               Objects.equals(parentId, other.parentId) &&
               Objects.equals(projectId, other.projectId) &&
               Objects.equals(createdAt, other.createdAt) &&
               Objects.equals(updatedAt, other.updatedAt) &&
               Objects.equals(viewUrl, other.viewUrl) &&
               Objects.equals(fileSize, other.fileSize) &&
               Objects.equals(mediaType, other.mediaType) &&
               Objects.equals(status, other.status) &&
               getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, type, name, parentId, projectId, createdAt, updatedAt, viewUrl, fileSize, mediaType, status) + getOtherFields().hashCode();
    }

    @Override
    public String toString() {
        return "ShareAsset[" + type + " " + id + " " + name + "]";
    }
}
