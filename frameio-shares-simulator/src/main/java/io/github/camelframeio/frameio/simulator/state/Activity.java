package io.github.camelframeio.frameio.simulator.state;

/**
 * One item of a share's activity feed.
 *
 * @param id         activity id
 * @param type       {@code share_viewed}, {@code asset_viewed}, {@code asset_downloaded} or {@code comment_created}
 * @param insertedAt when it happened, epoch microseconds
 * @param assetId    the asset concerned, null for share-level activity
 * @param userId     who did it (a user or an anonymous viewer), null for system events
 */
public record Activity(String id, String type, long insertedAt, String assetId, String userId) {
}
