package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * How a share sorts its assets: a field definition and a direction.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ShareSortBy {

    @JsonProperty("field_definition_id")
    private String fieldDefinitionId;
    @JsonProperty("direction")
    private SortDirection direction;

    /** For Jackson. */
    ShareSortBy() {
    }

    /** The field definition to sort by. */
    public String getFieldDefinitionId() {
        return fieldDefinitionId;
    }

    /** Ascending or descending. */
    public SortDirection getDirection() {
        return direction;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ShareSortBy)) {
            return false;
        }
        ShareSortBy other = (ShareSortBy) o;
        return Objects.equals(fieldDefinitionId, other.fieldDefinitionId) &&
               Objects.equals(direction, other.direction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fieldDefinitionId, direction);
    }

    @Override
    public String toString() {
        return fieldDefinitionId + " " + direction;
    }
}
