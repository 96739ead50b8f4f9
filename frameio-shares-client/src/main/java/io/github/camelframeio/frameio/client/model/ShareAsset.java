package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One row of a share's recursively flat asset list: a file, folder or version stack the share holds, directly or
 * inside a shared folder or version stack (the V4 {@code AssetWithIncludes} union, told apart by {@code type}).
 * <p>
 * A row is read as {@link FileAsset}, {@link FolderAsset} or {@link VersionStackAsset}; this class holds what all
 * three have ({@code AssetCommonWithIncludes}). A row of a type this version does not know ({@link #getType()}
 * {@link ShareAssetType#UNKNOWN}, {@link #typeName()} as sent) or of none (null) is read as a plain ShareAsset, its
 * further fields in {@link #getOtherFields()}. The request's {@code include} adds {@link #getCreator()},
 * {@link #getProject()}, {@link #getMetadata()} and, on files, {@link FileAsset#getMediaLinks()}; without it they
 * are null.
 */
// visible: the type is a field of the row as well; defaultImpl: a row of an unknown or missing type still reads
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
              visible = true, defaultImpl = ShareAsset.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = FileAsset.class, name = "file"),
        @JsonSubTypes.Type(value = FolderAsset.class, name = "folder"),
        @JsonSubTypes.Type(value = VersionStackAsset.class, name = "version_stack") })
@JsonIgnoreProperties(ignoreUnknown = true)
public class ShareAsset extends FrameioObject {

    @JsonProperty("id")
    private String id;
    // as sent, so that a type added later is written back as it came, not as "unknown"
    @JsonProperty("type")
    private String type;
    @JsonProperty("name")
    private String name;
    @JsonProperty("parent_id")
    private String parentId;
    @JsonProperty("project_id")
    private String projectId;
    @JsonProperty("created_at")
    @FrameioTimestamp
    private OffsetDateTime createdAt;
    @JsonProperty("updated_at")
    @FrameioTimestamp
    private OffsetDateTime updatedAt;
    @JsonProperty("view_url")
    private String viewUrl;
    @JsonProperty("adobe_id")
    private String adobeId;
    @JsonProperty("creator")
    private User creator;
    @JsonProperty("metadata")
    private List<MetadataField> metadata;
    @JsonProperty("project")
    private Project project;

    /** For Jackson. */
    ShareAsset() {
    }

    /** Asset id. */
    public String getId() {
        return id;
    }

    /** File, folder or version stack; UNKNOWN for a type this version does not know, null when none was sent. */
    @JsonIgnore
    public ShareAssetType getType() {
        return ShareAssetType.ofWireName(type);
    }

    /** The type as Frame.io sent it, e.g. {@code file}, or a type added after this version; may be null. */
    public String typeName() {
        return type;
    }

    /** Asset name. */
    public String getName() {
        return name;
    }

    /** Containing folder or version stack; null for a project's root folder. */
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

    /** Adobe cloud storage asset id; null when there is none. */
    public String getAdobeId() {
        return adobeId;
    }

    /** Who created the asset ({@code include=creator}). */
    public User getCreator() {
        return creator;
    }

    /** The asset's metadata fields ({@code include=metadata}). */
    public List<MetadataField> getMetadata() {
        return metadata;
    }

    /** The owning project with its owner ({@code include=project}). */
    public Project getProject() {
        return project;
    }

    /** Equal when of the same class with the same fields: a FileAsset never equals a plain ShareAsset. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
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
               Objects.equals(adobeId, other.adobeId) &&
               Objects.equals(creator, other.creator) &&
               Objects.equals(metadata, other.metadata) &&
               Objects.equals(project, other.project) &&
               getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, type, name, parentId, projectId, createdAt, updatedAt, viewUrl, adobeId, creator,
                metadata, project) + getOtherFields().hashCode();
    }

    @Override
    public String toString() {
        return "ShareAsset[" + type + " " + id + " " + name + "]";
    }
}
