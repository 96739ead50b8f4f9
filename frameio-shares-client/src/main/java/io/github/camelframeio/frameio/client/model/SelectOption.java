package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * One option of a select metadata field (the V4 {@code SelectOption} schema): offered, or chosen as its value.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class SelectOption extends FrameioObject {

    @JsonProperty("id")
    private String id;
    @JsonProperty("display_name")
    private String displayName;

    /** For Jackson. */
    SelectOption() {
    }

    /** Option id. */
    public String getId() {
        return id;
    }

    /** The label shown for the option. */
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SelectOption)) {
            return false;
        }
        SelectOption other = (SelectOption) o;
        return Objects.equals(id, other.id) &&
               Objects.equals(displayName, other.displayName) &&
               getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, displayName) + getOtherFields().hashCode();
    }

    @Override
    public String toString() {
        return "SelectOption[" + id + " " + displayName + "]";
    }
}
