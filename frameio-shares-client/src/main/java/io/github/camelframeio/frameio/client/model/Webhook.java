package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A Frame.io webhook of a workspace (the V4 {@code Webhook} schema): where Frame.io posts which events.
 * <p>
 * The signing {@link #getSecret() secret} is sent only in the answer to {@code webhooks.create}, once; neither
 * {@link #toString()} nor JSON shows it (like a share's passphrase), so a webhook written to a log, a file or a
 * queue does not give away how to forge a delivery.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Webhook extends FrameioObject {

    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("url")
    private String url;
    @JsonProperty("events")
    private List<String> events;
    @JsonProperty("active")
    private Boolean active;
    @JsonProperty("workspace_id")
    private String workspaceId;
    @JsonProperty("creator")
    private User creator;
    @JsonProperty("created_at")
    @FrameioTimestamp
    private OffsetDateTime createdAt;
    @JsonProperty("updated_at")
    @FrameioTimestamp
    private OffsetDateTime updatedAt;
    // read, never written: the signing key of every delivery
    @JsonProperty(value = "secret", access = JsonProperty.Access.WRITE_ONLY)
    private String secret;

    /** For Jackson. */
    Webhook() {
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** Where Frame.io posts the events. */
    public String getUrl() {
        return url;
    }

    /** The event types posted, e.g. {@code share.created}. */
    public List<String> getEvents() {
        return events == null ? List.of() : List.copyOf(events);
    }

    /** Whether Frame.io posts to it; null when not sent (Frame.io's default: active). */
    public Boolean getActive() {
        return active;
    }

    /** The workspace whose events it receives; may be null. */
    public String getWorkspaceId() {
        return workspaceId;
    }

    /** Who created it, when listed or shown with {@code include=creator}; otherwise null. */
    public User getCreator() {
        return creator;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    /**
     * The signing secret ({@code X-Frameio-Signature}), only in the answer to a create: Frame.io never sends it again.
     * A secret: never logged by this SDK or the component.
     */
    public String getSecret() {
        return secret;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Webhook other)) {
            return false;
        }
        return Objects.equals(id, other.id) && Objects.equals(name, other.name) && Objects.equals(url, other.url)
               && Objects.equals(events, other.events) && Objects.equals(active, other.active)
               && Objects.equals(workspaceId, other.workspaceId) && Objects.equals(creator, other.creator)
               && Objects.equals(createdAt, other.createdAt) && Objects.equals(updatedAt, other.updatedAt)
               && Objects.equals(secret, other.secret) && getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, name, url, events, active, workspaceId, creator, createdAt, updatedAt, secret)
               + getOtherFields().hashCode();
    }

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", name=" + name + ", url=" + url + ", events=" + events + ", active=" + active
               + (secret == null ? "" : ", secret=******") + "]";
    }
}
