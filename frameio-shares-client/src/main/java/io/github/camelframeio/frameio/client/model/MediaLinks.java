package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * The media links of a file (the V4 {@code MediaLinksCollection} schema). Each is present only when the request's
 * {@code include} asked for it, e.g. {@code include=media_links.original,media_links.thumbnail}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class MediaLinks extends FrameioObject {

    @JsonProperty("original")
    private OriginalMediaLink original;
    @JsonProperty("thumbnail")
    private RenditionMediaLink thumbnail;
    @JsonProperty("thumbnail_high_quality")
    private RenditionMediaLink thumbnailHighQuality;
    @JsonProperty("video_h264_180")
    private RenditionMediaLink videoH264180;
    @JsonProperty("scrub_sheet")
    private RenditionMediaLink scrubSheet;
    @JsonProperty("high_quality")
    private MediaLink highQuality;
    @JsonProperty("efficient")
    private MediaLink efficient;

    /** For Jackson. */
    MediaLinks() {
    }

    /** The file as uploaded ({@code media_links.original}). */
    public OriginalMediaLink getOriginal() {
        return original;
    }

    /** The thumbnail ({@code media_links.thumbnail}). */
    public RenditionMediaLink getThumbnail() {
        return thumbnail;
    }

    /** The high-quality thumbnail ({@code media_links.thumbnail_high_quality}). */
    public RenditionMediaLink getThumbnailHighQuality() {
        return thumbnailHighQuality;
    }

    /** The 180p H.264 video ({@code media_links.video_h264_180}). */
    public RenditionMediaLink getVideoH264180() {
        return videoH264180;
    }

    /** The scrub sheet ({@code media_links.scrub_sheet}). */
    public RenditionMediaLink getScrubSheet() {
        return scrubSheet;
    }

    /** The high-quality rendition ({@code media_links.high_quality}). */
    public MediaLink getHighQuality() {
        return highQuality;
    }

    /** The efficient (smaller) rendition ({@code media_links.efficient}). */
    public MediaLink getEfficient() {
        return efficient;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MediaLinks)) {
            return false;
        }
        MediaLinks other = (MediaLinks) o;
        return Objects.equals(original, other.original) &&
               Objects.equals(thumbnail, other.thumbnail) &&
               Objects.equals(thumbnailHighQuality, other.thumbnailHighQuality) &&
               Objects.equals(videoH264180, other.videoH264180) &&
               Objects.equals(scrubSheet, other.scrubSheet) &&
               Objects.equals(highQuality, other.highQuality) &&
               Objects.equals(efficient, other.efficient) &&
               getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(original, thumbnail, thumbnailHighQuality, videoH264180, scrubSheet, highQuality,
                efficient) + getOtherFields().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder present = new StringBuilder();
        append(present, "original", original);
        append(present, "thumbnail", thumbnail);
        append(present, "thumbnail_high_quality", thumbnailHighQuality);
        append(present, "video_h264_180", videoH264180);
        append(present, "scrub_sheet", scrubSheet);
        append(present, "high_quality", highQuality);
        append(present, "efficient", efficient);
        return "MediaLinks[" + present + "]";
    }

    private static void append(StringBuilder present, String name, MediaLink link) {
        if (link != null) {
            present.append(present.length() == 0 ? "" : ", ").append(name);
        }
    }
}
