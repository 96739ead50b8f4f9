package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Objects;

/**
 * A file in a share's asset list (the V4 {@code FileWithIncludes} schema): the common asset fields with its size,
 * media type, processing status and, when the request's {@code include} asks for them, its media links.
 */
// read as this class wherever it is the declared type (a head_version), whatever its type says or if it has none;
// the type picks the class only where an asset is declared as ShareAsset
@JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class FileAsset extends ShareAsset {

    @JsonProperty("adobe_version_id")
    private String adobeVersionId;
    @JsonProperty("file_size")
    private Long fileSize;
    @JsonProperty("media_type")
    private String mediaType;
    @JsonProperty("status")
    private FileStatus status;
    @JsonProperty("media_links")
    private MediaLinks mediaLinks;

    /** For Jackson. */
    FileAsset() {
    }

    /** Version of the Adobe cloud storage asset: an opaque string (often looks like a number); may be null. */
    public String getAdobeVersionId() {
        return adobeVersionId;
    }

    /** Size in bytes. */
    public Long getFileSize() {
        return fileSize;
    }

    /** MIME type, e.g. {@code video/mp4}; null until the upload has finished and the type is known. */
    public String getMediaType() {
        return mediaType;
    }

    /** Processing status: created, uploaded or transcoded. */
    public FileStatus getStatus() {
        return status;
    }

    /** Download, inline and rendition links ({@code include=media_links.original} and the like). */
    public MediaLinks getMediaLinks() {
        return mediaLinks;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        FileAsset other = (FileAsset) o;
        return Objects.equals(adobeVersionId, other.adobeVersionId) &&
               Objects.equals(fileSize, other.fileSize) &&
               Objects.equals(mediaType, other.mediaType) &&
               Objects.equals(status, other.status) &&
               Objects.equals(mediaLinks, other.mediaLinks);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hash(adobeVersionId, fileSize, mediaType, status, mediaLinks);
    }

    @Override
    public String toString() {
        return "FileAsset[" + getId() + " " + getName() + ", " + mediaType + ", " + status + "]";
    }
}
