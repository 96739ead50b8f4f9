package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * A user or account user group named by a user metadata field (the V4 {@code UserValue} schema): offered as one of
 * its custom members, or chosen as its value.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class MetadataMember extends FrameioObject {

    @JsonProperty("id")
    private String id;
    @JsonProperty("type")
    private MetadataMemberType type;

    /** For Jackson. */
    MetadataMember() {
    }

    /** The user's or group's id. */
    public String getId() {
        return id;
    }

    /** User or account user group. */
    public MetadataMemberType getType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetadataMember)) {
            return false;
        }
        MetadataMember other = (MetadataMember) o;
        return Objects.equals(id, other.id) &&
               Objects.equals(type, other.type) &&
               getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, type) + getOtherFields().hashCode();
    }

    @Override
    public String toString() {
        return "MetadataMember[" + type + " " + id + "]";
    }
}
