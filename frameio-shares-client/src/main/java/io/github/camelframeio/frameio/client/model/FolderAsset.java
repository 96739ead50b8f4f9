package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Objects;

/**
 * A folder in a share's asset list (the V4 {@code FolderWithIncludes} schema): the common asset fields with its
 * cover file. A shared folder's contents are listed as rows of their own.
 */
// read as this class wherever it is the declared type (a head_version), whatever its type says or if it has none;
// the type picks the class only where an asset is declared as ShareAsset
@JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class FolderAsset extends ShareAsset {

    @JsonProperty("cover_file_id")
    private String coverFileId;

    /** For Jackson. */
    FolderAsset() {
    }

    /** The file shown as the folder's cover; null when there is none. */
    public String getCoverFileId() {
        return coverFileId;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(coverFileId, ((FolderAsset) o).coverFileId);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hashCode(coverFileId);
    }

    @Override
    public String toString() {
        return "FolderAsset[" + getId() + " " + getName() + "]";
    }
}
