package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Objects;

/**
 * A version stack in a share's asset list (the V4 {@code VersionStackWithIncludes} schema): the common asset fields
 * with its head version, the file shown for the stack.
 */
// read as this class wherever it is the declared type (a head_version), whatever its type says or if it has none;
// the type picks the class only where an asset is declared as ShareAsset
@JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class VersionStackAsset extends ShareAsset {

    @JsonProperty("head_version")
    private FileAsset headVersion;

    /** For Jackson. */
    VersionStackAsset() {
    }

    /** The current version of the stack; null when Frame.io sends none. */
    public FileAsset getHeadVersion() {
        return headVersion;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(headVersion, ((VersionStackAsset) o).headVersion);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hashCode(headVersion);
    }

    @Override
    public String toString() {
        return "VersionStackAsset[" + getId() + " " + getName() + ", head "
               + (headVersion == null ? null : headVersion.getId()) + "]";
    }
}
