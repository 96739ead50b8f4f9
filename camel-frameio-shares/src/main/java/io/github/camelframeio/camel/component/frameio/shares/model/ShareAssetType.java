package io.github.camelframeio.camel.component.frameio.shares.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Kind of an asset listed in a share.
 */
public enum ShareAssetType {
    @JsonProperty("file")
    FILE,
    @JsonProperty("folder")
    FOLDER,
    @JsonProperty("version_stack")
    VERSION_STACK,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN
}
