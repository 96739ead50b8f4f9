package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/**
 * Kind of an asset listed in a share; it decides the class an asset row is read as ({@link FileAsset},
 * {@link FolderAsset}, {@link VersionStackAsset}, or a plain {@link ShareAsset} for {@link #UNKNOWN}).
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
    UNKNOWN;

    /** Frame.io's name, e.g. {@code version_stack} ({@code unknown} for {@link #UNKNOWN}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a wire name: null for null, {@link #UNKNOWN} for a name this version does not know. */
    @JsonCreator
    public static ShareAssetType ofWireName(String wireName) {
        if (wireName == null) {
            return null;
        }
        for (ShareAssetType type : values()) {
            if (type != UNKNOWN && type.wireName().equals(wireName)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
