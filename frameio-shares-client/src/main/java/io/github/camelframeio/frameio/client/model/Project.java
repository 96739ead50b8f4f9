package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The project of an asset, as {@code include=project} adds it to a share's asset rows (the V4
 * {@code ProjectWithIncludes} schema: a {@code Project} with its description and owner).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Project extends FrameioObject {

    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("description")
    private String description;
    @JsonProperty("status")
    private ProjectStatus status;
    @JsonProperty("storage")
    private Long storage;
    @JsonProperty("workspace_id")
    private String workspaceId;
    @JsonProperty("root_folder_id")
    private String rootFolderId;
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
    @JsonProperty("image")
    private String image;
    @JsonProperty("restricted")
    private Boolean restricted;
    @JsonProperty("owner")
    private User owner;

    /** For Jackson. */
    Project() {
    }

    /** Project id. */
    public String getId() {
        return id;
    }

    /** Project name. */
    public String getName() {
        return name;
    }

    /** Project description; may be null. */
    public String getDescription() {
        return description;
    }

    /** Active or inactive. */
    public ProjectStatus getStatus() {
        return status;
    }

    /** Storage the project uses. */
    public Long getStorage() {
        return storage;
    }

    /** The workspace that holds the project. */
    public String getWorkspaceId() {
        return workspaceId;
    }

    /** The project's root folder. */
    public String getRootFolderId() {
        return rootFolderId;
    }

    /** Creation time. */
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    /** Last update. */
    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    /** Link to the project in Frame.io. */
    public String getViewUrl() {
        return viewUrl;
    }

    /** Adobe cloud storage directory id; null when there is none. */
    public String getAdobeId() {
        return adobeId;
    }

    /** URL of the project image (icon); null when none was uploaded. */
    public String getImage() {
        return image;
    }

    /** Whether the project is restricted. */
    public Boolean getRestricted() {
        return restricted;
    }

    /** The project's owner, when Frame.io sends it. */
    public User getOwner() {
        return owner;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Project)) {
            return false;
        }
        Project other = (Project) o;
        return Objects.equals(id, other.id) &&
               Objects.equals(name, other.name) &&
               Objects.equals(description, other.description) &&
               Objects.equals(status, other.status) &&
               Objects.equals(storage, other.storage) &&
               Objects.equals(workspaceId, other.workspaceId) &&
               Objects.equals(rootFolderId, other.rootFolderId) &&
               Objects.equals(createdAt, other.createdAt) &&
               Objects.equals(updatedAt, other.updatedAt) &&
               Objects.equals(viewUrl, other.viewUrl) &&
               Objects.equals(adobeId, other.adobeId) &&
               Objects.equals(image, other.image) &&
               Objects.equals(restricted, other.restricted) &&
               Objects.equals(owner, other.owner) &&
               getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, name, description, status, storage, workspaceId, rootFolderId, createdAt,
                updatedAt, viewUrl, adobeId, image, restricted, owner) + getOtherFields().hashCode();
    }

    @Override
    public String toString() {
        return "Project[" + id + " " + name + "]";
    }
}
