package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A Frame.io share (the V4 {@code Share} schema): its thirteen always-present fields and every optional setting.
 * <p>
 * Read-only; change a share with {@link UpdateShareRequest}. Neither {@link #toString()} nor JSON shows the passphrase
 * (see {@link FrameioObject}); {@link #getPassphrase()} returns it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Share extends FrameioObject {

    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("description")
    private String description;
    @JsonProperty("collection_id")
    private String collectionId;
    @JsonProperty("short_url")
    private String shortUrl;
    @JsonProperty("access")
    private ShareAccess access;
    @JsonProperty("enabled")
    private Boolean enabled;
    @JsonProperty("commenting_enabled")
    private Boolean commentingEnabled;
    @JsonProperty("downloading_enabled")
    private Boolean downloadingEnabled;
    @JsonProperty("expiration")
    @FrameioTimestamp
    private OffsetDateTime expiration;
    @JsonProperty("last_viewed_at")
    @FrameioTimestamp
    private OffsetDateTime lastViewedAt;
    @JsonProperty("created_at")
    @FrameioTimestamp
    private OffsetDateTime createdAt;
    @JsonProperty("updated_at")
    @FrameioTimestamp
    private OffsetDateTime updatedAt;
    // read, never written: a mapper from FrameioJson.withPassphrases writes it
    @JsonProperty(value = "passphrase", access = JsonProperty.Access.WRITE_ONLY)
    private String passphrase;
    @JsonProperty("accent_color")
    private String accentColor;
    @JsonProperty("layout")
    private ShareLayout layout;
    @JsonProperty("theme")
    private ShareTheme theme;
    @JsonProperty("card_aspect_ratio")
    private CardAspectRatio cardAspectRatio;
    @JsonProperty("reel_card_aspect_ratio")
    private CardAspectRatio reelCardAspectRatio;
    @JsonProperty("card_size")
    private ShareSize cardSize;
    @JsonProperty("list_row_size")
    private ShareSize listRowSize;
    @JsonProperty("thumbnail_scale")
    private ThumbnailScale thumbnailScale;
    @JsonProperty("title_line_count")
    private Integer titleLineCount;
    @JsonProperty("card_info_enabled")
    private Boolean cardInfoEnabled;
    @JsonProperty("icons_visible_on_list")
    private Boolean iconsVisibleOnList;
    @JsonProperty("name_column_width")
    private Integer nameColumnWidth;
    @JsonProperty("reel_card_fit_image")
    private Boolean reelCardFitImage;
    @JsonProperty("show_asset_name_in_reel_layout")
    private Boolean showAssetNameInReelLayout;
    @JsonProperty("open_in_viewer_enabled")
    private Boolean openInViewerEnabled;
    @JsonProperty("editable_fields_enabled")
    private Boolean editableFieldsEnabled;
    @JsonProperty("featured_field_definition_id")
    private String featuredFieldDefinitionId;
    @JsonProperty("visible_field_definition_ids")
    private List<String> visibleFieldDefinitionIds;
    @JsonProperty("sort_by")
    private ShareSortBy sortBy;
    @JsonProperty("show_all_asset_versions")
    private Boolean showAllAssetVersions;
    @JsonProperty("captions_enabled")
    private Boolean captionsEnabled;
    @JsonProperty("transcripts_enabled")
    private Boolean transcriptsEnabled;
    @JsonProperty("watermark_enabled")
    private Boolean watermarkEnabled;
    @JsonProperty("forensic_watermark_enabled")
    private Boolean forensicWatermarkEnabled;
    @JsonProperty("drm_enabled")
    private Boolean drmEnabled;

    /** For Jackson. */
    Share() {
    }

    /** Share id (UUID). */
    public String getId() {
        return id;
    }

    /** Share name; may be null. */
    public String getName() {
        return name;
    }

    /** Share description (needs the custom_branded_shares feature to set); may be null. */
    public String getDescription() {
        return description;
    }

    /** Id of the collection that backs the share. */
    public String getCollectionId() {
        return collectionId;
    }

    /** The share link, e.g. {@code https://f.io/GGa9wPw5}; may be null. */
    public String getShortUrl() {
        return shortUrl;
    }

    /** {@code PUBLIC} or {@code SECURE}. */
    public ShareAccess getAccess() {
        return access;
    }

    /** Whether the share link is active. */
    public Boolean getEnabled() {
        return enabled;
    }

    /** Whether commenting is enabled. */
    public Boolean getCommentingEnabled() {
        return commentingEnabled;
    }

    /** Whether downloading is enabled. */
    public Boolean getDownloadingEnabled() {
        return downloadingEnabled;
    }

    /** When the link expires; null for never. */
    public OffsetDateTime getExpiration() {
        return expiration;
    }

    /** When the share was last viewed; null when never. */
    public OffsetDateTime getLastViewedAt() {
        return lastViewedAt;
    }

    /** Creation time. */
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    /** Last update of the share's settings. */
    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    /** The passphrase, when Frame.io sends it (a secret: never logged by this component). */
    public String getPassphrase() {
        return passphrase;
    }

    /** Hex accent colour, e.g. {@code #FF0000}. */
    public String getAccentColor() {
        return accentColor;
    }

    /** Layout: grid, list or reel. */
    public ShareLayout getLayout() {
        return layout;
    }

    /** Colour theme. */
    public ShareTheme getTheme() {
        return theme;
    }

    /** Card aspect ratio (grid, reel). */
    public CardAspectRatio getCardAspectRatio() {
        return cardAspectRatio;
    }

    /** Card aspect ratio in the reel layout. */
    public CardAspectRatio getReelCardAspectRatio() {
        return reelCardAspectRatio;
    }

    /** Card size (grid). */
    public ShareSize getCardSize() {
        return cardSize;
    }

    /** Row size (list). */
    public ShareSize getListRowSize() {
        return listRowSize;
    }

    /** Thumbnail scale. */
    public ThumbnailScale getThumbnailScale() {
        return thumbnailScale;
    }

    /** Lines of the card title, 1 or 2 (grid). */
    public Integer getTitleLineCount() {
        return titleLineCount;
    }

    /** Whether cards show metadata (grid). */
    public Boolean getCardInfoEnabled() {
        return cardInfoEnabled;
    }

    /** Whether field icons show beside text (list). */
    public Boolean getIconsVisibleOnList() {
        return iconsVisibleOnList;
    }

    /** Width of the name column in pixels (list). */
    public Integer getNameColumnWidth() {
        return nameColumnWidth;
    }

    /** Whether reel thumbnails fill the card. */
    public Boolean getReelCardFitImage() {
        return reelCardFitImage;
    }

    /** Whether the asset name shows in the reel layout. */
    public Boolean getShowAssetNameInReelLayout() {
        return showAssetNameInReelLayout;
    }

    /** Whether a single-asset share opens in the larger viewer. */
    public Boolean getOpenInViewerEnabled() {
        return openInViewerEnabled;
    }

    /** Whether recipients may edit visible non-system fields. */
    public Boolean getEditableFieldsEnabled() {
        return editableFieldsEnabled;
    }

    /** The featured (always editable) field definition. */
    public String getFeaturedFieldDefinitionId() {
        return featuredFieldDefinitionId;
    }

    /** Field definitions shown in the share. */
    public List<String> getVisibleFieldDefinitionIds() {
        return visibleFieldDefinitionIds;
    }

    /** How the share's assets are sorted. */
    public ShareSortBy getSortBy() {
        return sortBy;
    }

    /** Whether reviewers see every version of a version stack. */
    public Boolean getShowAllAssetVersions() {
        return showAllAssetVersions;
    }

    /** Whether reviewers can view captions. */
    public Boolean getCaptionsEnabled() {
        return captionsEnabled;
    }

    /** Whether reviewers can view transcripts. */
    public Boolean getTranscriptsEnabled() {
        return transcriptsEnabled;
    }

    /** Whether watermarking is enabled. */
    public Boolean getWatermarkEnabled() {
        return watermarkEnabled;
    }

    /** Whether forensic watermarking is enabled. */
    public Boolean getForensicWatermarkEnabled() {
        return forensicWatermarkEnabled;
    }

    /** Whether digital rights management is enabled. */
    public Boolean getDrmEnabled() {
        return drmEnabled;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Share)) {
            return false;
        }
        Share other = (Share) o;
        return Objects.equals(id, other.id) &&
               Objects.equals(name, other.name) &&
               Objects.equals(description, other.description) &&
               Objects.equals(collectionId, other.collectionId) &&
               Objects.equals(shortUrl, other.shortUrl) &&
               Objects.equals(access, other.access) &&
               Objects.equals(enabled, other.enabled) &&
               Objects.equals(commentingEnabled, other.commentingEnabled) &&
               Objects.equals(downloadingEnabled, other.downloadingEnabled) &&
               Objects.equals(expiration, other.expiration) &&
               Objects.equals(lastViewedAt, other.lastViewedAt) &&
               Objects.equals(createdAt, other.createdAt) &&
               Objects.equals(updatedAt, other.updatedAt) &&
               Objects.equals(passphrase, other.passphrase) &&
               Objects.equals(accentColor, other.accentColor) &&
               Objects.equals(layout, other.layout) &&
               Objects.equals(theme, other.theme) &&
               Objects.equals(cardAspectRatio, other.cardAspectRatio) &&
               Objects.equals(reelCardAspectRatio, other.reelCardAspectRatio) &&
               Objects.equals(cardSize, other.cardSize) &&
               Objects.equals(listRowSize, other.listRowSize) &&
               Objects.equals(thumbnailScale, other.thumbnailScale) &&
               Objects.equals(titleLineCount, other.titleLineCount) &&
               Objects.equals(cardInfoEnabled, other.cardInfoEnabled) &&
               Objects.equals(iconsVisibleOnList, other.iconsVisibleOnList) &&
               Objects.equals(nameColumnWidth, other.nameColumnWidth) &&
               Objects.equals(reelCardFitImage, other.reelCardFitImage) &&
               Objects.equals(showAssetNameInReelLayout, other.showAssetNameInReelLayout) &&
               Objects.equals(openInViewerEnabled, other.openInViewerEnabled) &&
               Objects.equals(editableFieldsEnabled, other.editableFieldsEnabled) &&
               Objects.equals(featuredFieldDefinitionId, other.featuredFieldDefinitionId) &&
               Objects.equals(visibleFieldDefinitionIds, other.visibleFieldDefinitionIds) &&
               Objects.equals(sortBy, other.sortBy) &&
               Objects.equals(showAllAssetVersions, other.showAllAssetVersions) &&
               Objects.equals(captionsEnabled, other.captionsEnabled) &&
               Objects.equals(transcriptsEnabled, other.transcriptsEnabled) &&
               Objects.equals(watermarkEnabled, other.watermarkEnabled) &&
               Objects.equals(forensicWatermarkEnabled, other.forensicWatermarkEnabled) &&
               Objects.equals(drmEnabled, other.drmEnabled) &&
               getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, name, description, collectionId, shortUrl, access, enabled, commentingEnabled,
                downloadingEnabled, expiration, lastViewedAt, createdAt, updatedAt, passphrase, accentColor, layout,
                theme, cardAspectRatio, reelCardAspectRatio, cardSize, listRowSize, thumbnailScale, titleLineCount,
                cardInfoEnabled, iconsVisibleOnList, nameColumnWidth, reelCardFitImage, showAssetNameInReelLayout,
                openInViewerEnabled, editableFieldsEnabled, featuredFieldDefinitionId, visibleFieldDefinitionIds,
                sortBy, showAllAssetVersions, captionsEnabled, transcriptsEnabled, watermarkEnabled,
                forensicWatermarkEnabled, drmEnabled) + getOtherFields().hashCode();
    }

    @Override
    public String toString() {
        return "Share[id=" + id + ", name=" + name + ", access=" + access + ", shortUrl=" + shortUrl
               + (passphrase == null ? "" : ", passphrase=******") + "]";
    }
}
