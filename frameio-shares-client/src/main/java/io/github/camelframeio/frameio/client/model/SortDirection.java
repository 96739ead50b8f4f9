package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Direction of a share's asset sort.
 */
public enum SortDirection {
    @JsonProperty("asc")
    ASC,
    @JsonProperty("desc")
    DESC,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN
}
