package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * A link to one rendition of a file (the V4 {@code MediaLinkCommon} schema): the {@code high_quality} and
 * {@code efficient} renditions, and the base of {@link OriginalMediaLink} and {@link RenditionMediaLink}. The schema
 * admits further fields here; they are in {@link #getOtherFields()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class MediaLink extends FrameioObject {

    @JsonProperty("download_url")
    private String downloadUrl;

    /** For Jackson. */
    MediaLink() {
    }

    /** URL that downloads the media (served as an attachment; may be watermarked); may be null. */
    public String getDownloadUrl() {
        return downloadUrl;
    }

    /** Equal when of the same class with the same fields. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        MediaLink other = (MediaLink) o;
        return Objects.equals(downloadUrl, other.downloadUrl) && getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(downloadUrl) + getOtherFields().hashCode();
    }

    /** Names the URLs that are present, never their values: signed URLs grant access to the media. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + presentUrls() + "]";
    }

    /** The names of the URLs this link holds, comma-separated. */
    String presentUrls() {
        return join("", "download_url", downloadUrl);
    }

    static String join(String present, String name, String url) {
        if (url == null) {
            return present;
        }
        return present.isEmpty() ? name : present + ", " + name;
    }
}
