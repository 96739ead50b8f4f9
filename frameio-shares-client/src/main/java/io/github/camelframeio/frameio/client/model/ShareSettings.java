package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a share request may carry, as fluent setters over the wire fields. Only the fields a caller sets
 * are sent; setting a nullable field to {@code null} sends an explicit {@code null} (which clears it on update).
 * <p>
 * Any ObjectMapper writes a request as the fields it sends (the API's {@code data} object, which the component also
 * takes as a body): Frame.io's names and timestamps, explicit nulls included, and without the passphrase unless the
 * mapper comes from {@link io.github.camelframeio.frameio.client.FrameioJson#withPassphrases}.
 *
 * @param <T> the concrete request type, for fluent chaining
 */
public abstract class ShareSettings<T extends ShareSettings<T>> {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    ShareSettings() {
    }

    /** The fields set so far, keyed by their wire names ({@code snake_case}). */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** What JSON shows of a request: {@link #fields()} with timestamps as Frame.io writes them, no passphrase. */
    @JsonAnyGetter
    Map<String, Object> jsonFields() {
        Map<String, Object> json = jsonFieldsWithPassphrase();
        if (json.get("passphrase") != null) {
            json.remove("passphrase"); // an explicit null stays: it says the passphrase is removed, and is no secret
        }
        return json;
    }

    /** {@link #jsonFields()} with the passphrase: the JSON of a mapper from {@code FrameioJson.withPassphrases}. */
    Map<String, Object> jsonFieldsWithPassphrase() {
        Map<String, Object> json = new LinkedHashMap<>();
        fields.forEach((k, v) -> json.put(k, v instanceof OffsetDateTime t ? FrameioTimestampJson.format(t) : v));
        return json;
    }

    @SuppressWarnings("unchecked")
    protected T put(String field, Object value) {
        fields.put(field, value);
        return (T) this;
    }

    /** Share name: 1 to 175 characters, at least one not blank, no line breaks. */
    public T name(String name) {
        return put("name", name);
    }

    /** How the share sorts its assets. */
    public T sortBy(String fieldDefinitionId, SortDirection direction) {
        Map<String, Object> sortBy = new LinkedHashMap<>();
        sortBy.put("field_definition_id", fieldDefinitionId);
        sortBy.put("direction", direction);
        return put("sort_by", sortBy);
    }

    /** Who can open the share. */
    public T access(ShareAccess access) {
        return put("access", access);
    }

    /** Share description, at most 640 characters (needs the custom_branded_shares feature); null clears it. */
    public T description(String description) {
        return put("description", description);
    }

    /** Passphrase to open the share, at most 255 characters; null removes it. */
    public T passphrase(String passphrase) {
        return put("passphrase", passphrase);
    }

    /** When the link expires; null for never. */
    public T expiration(OffsetDateTime expiration) {
        return put("expiration", expiration);
    }

    /** Whether the share link is active. */
    public T enabled(Boolean enabled) {
        return put("enabled", enabled);
    }

    /** Whether downloading is enabled. */
    public T downloadingEnabled(Boolean downloadingEnabled) {
        return put("downloading_enabled", downloadingEnabled);
    }

    /** Whether commenting is enabled. */
    public T commentingEnabled(Boolean commentingEnabled) {
        return put("commenting_enabled", commentingEnabled);
    }

    /** Hex accent colour, e.g. {@code #FF6600}; null for the default. */
    public T accentColor(String accentColor) {
        return put("accent_color", accentColor);
    }

    /** Layout: grid, list or reel. */
    public T layout(ShareLayout layout) {
        return put("layout", layout);
    }

    /** Colour theme. */
    public T theme(ShareTheme theme) {
        return put("theme", theme);
    }

    /** Card aspect ratio (grid, reel). */
    public T cardAspectRatio(CardAspectRatio cardAspectRatio) {
        return put("card_aspect_ratio", cardAspectRatio);
    }

    /** Card aspect ratio in the reel layout. */
    public T reelCardAspectRatio(CardAspectRatio reelCardAspectRatio) {
        return put("reel_card_aspect_ratio", reelCardAspectRatio);
    }

    /** Card size (grid). */
    public T cardSize(ShareSize cardSize) {
        return put("card_size", cardSize);
    }

    /** Row size (list). */
    public T listRowSize(ShareSize listRowSize) {
        return put("list_row_size", listRowSize);
    }

    /** Thumbnail scale. */
    public T thumbnailScale(ThumbnailScale thumbnailScale) {
        return put("thumbnail_scale", thumbnailScale);
    }

    /** Lines of the card title, 1 or 2 (grid). */
    public T titleLineCount(Integer titleLineCount) {
        return put("title_line_count", titleLineCount);
    }

    /** Whether cards show metadata (grid). */
    public T cardInfoEnabled(Boolean cardInfoEnabled) {
        return put("card_info_enabled", cardInfoEnabled);
    }

    /** Whether field icons show beside text (list). */
    public T iconsVisibleOnList(Boolean iconsVisibleOnList) {
        return put("icons_visible_on_list", iconsVisibleOnList);
    }

    /** Width of the name column in pixels (list); null for the default. */
    public T nameColumnWidth(Integer nameColumnWidth) {
        return put("name_column_width", nameColumnWidth);
    }

    /** Whether reel thumbnails fill the card. */
    public T reelCardFitImage(Boolean reelCardFitImage) {
        return put("reel_card_fit_image", reelCardFitImage);
    }

    /** Whether the asset name shows in the reel layout. */
    public T showAssetNameInReelLayout(Boolean showAssetNameInReelLayout) {
        return put("show_asset_name_in_reel_layout", showAssetNameInReelLayout);
    }

    /** Whether a single-asset share opens in the larger viewer. */
    public T openInViewerEnabled(Boolean openInViewerEnabled) {
        return put("open_in_viewer_enabled", openInViewerEnabled);
    }

    /** Whether recipients may edit visible non-system fields. */
    public T editableFieldsEnabled(Boolean editableFieldsEnabled) {
        return put("editable_fields_enabled", editableFieldsEnabled);
    }

    /** The featured field definition (a UUID); null for none. */
    public T featuredFieldDefinitionId(String featuredFieldDefinitionId) {
        return put("featured_field_definition_id", featuredFieldDefinitionId);
    }

    /** Field definitions (UUIDs) shown in the share. */
    public T visibleFieldDefinitionIds(List<String> visibleFieldDefinitionIds) {
        return put("visible_field_definition_ids", visibleFieldDefinitionIds);
    }

    /** Whether reviewers see every version of a version stack. */
    public T showAllAssetVersions(Boolean showAllAssetVersions) {
        return put("show_all_asset_versions", showAllAssetVersions);
    }

    /** Whether reviewers can view captions. */
    public T captionsEnabled(Boolean captionsEnabled) {
        return put("captions_enabled", captionsEnabled);
    }

    /** Whether reviewers can view transcripts. */
    public T transcriptsEnabled(Boolean transcriptsEnabled) {
        return put("transcripts_enabled", transcriptsEnabled);
    }

    /** Whether watermarking is enabled. */
    public T watermarkEnabled(Boolean watermarkEnabled) {
        return put("watermark_enabled", watermarkEnabled);
    }

    /** Whether forensic watermarking is enabled. */
    public T forensicWatermarkEnabled(Boolean forensicWatermarkEnabled) {
        return put("forensic_watermark_enabled", forensicWatermarkEnabled);
    }

    /** Whether digital rights management is enabled. */
    public T drmEnabled(Boolean drmEnabled) {
        return put("drm_enabled", drmEnabled);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('[');
        fields.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ", ").append(k).append('=')
                .append(k.equals("passphrase") && v != null ? "******" : v));
        return sb.append(']').toString();
    }
}
