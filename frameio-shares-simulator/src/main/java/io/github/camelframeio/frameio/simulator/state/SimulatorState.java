package io.github.camelframeio.frameio.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Everything the simulated Frame.io holds beyond the fixtures: shares, their assets and reviewers, activity and the
 * e-mails it "sent". Writes are serialized on this object; reading one share never locks.
 */
public final class SimulatorState {

    /** An e-mail the simulator pretends to have sent (add reviewers on a public share, or with notify_by_email). */
    public record Notification(String shareId, String email, String message, long sentAt) {
    }

    /** Orders in which shares can be listed; {@code null} key means the default order (creation, oldest first). */
    public static final Map<String, Comparator<StoredShare>> SHARE_ORDERS;

    static {
        Comparator<StoredShare> created = Comparator.comparingLong(StoredShare::createdAt).thenComparing(StoredShare::id);
        Comparator<StoredShare> byName = Comparator.comparing(StoredShare::name,
                Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder())));
        Map<String, Comparator<StoredShare>> orders = new LinkedHashMap<>();
        orders.put("name_asc", byName.thenComparing(created));
        orders.put("created_at_asc", created);
        orders.put("name_desc", byName.reversed().thenComparing(created));
        orders.put("created_at_desc", created.reversed());
        SHARE_ORDERS = Collections.unmodifiableMap(orders);
    }

    private final Fixtures fixtures;
    private final SimClock clock;
    private final boolean viewTouchesUpdatedAt;

    /** Never restarted: an id handed out before a reset must not come back after it. */
    private final Ids ids;
    private final Map<String, StoredShare> shares = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> projectShares = new HashMap<>();
    private final Map<String, Map<String, List<StoredShare>>> listCache = new HashMap<>();
    private final Map<String, List<Activity>> activities = new HashMap<>();
    private final List<Notification> notifications = new ArrayList<>();
    private volatile ShareEvents events = ShareEvents.NONE;

    public SimulatorState(Fixtures fixtures, SimClock clock, long seed, boolean viewTouchesUpdatedAt) {
        this.fixtures = fixtures;
        this.clock = clock;
        this.viewTouchesUpdatedAt = viewTouchesUpdatedAt;
        this.ids = new Ids(seed ^ 0x5348415245L);
    }

    /**
     * Who hears of share changes (webhook deliveries): {@code share.created}, {@code share.updated} for field
     * changes, {@code share.deleted} and {@code share.viewed}. Reviewer and asset changes announce nothing, as no
     * Frame.io webhook event documents them.
     */
    public void events(ShareEvents listener) {
        this.events = listener == null ? ShareEvents.NONE : listener;
    }

    private void announce(String type, StoredShare share, String userId) {
        events.changed(type, share, userId != null ? userId : actor());
    }

    private String actor() {
        String current = Actor.current();
        return current != null ? current : fixtures.users.get(0).id();
    }

    public Fixtures fixtures() {
        return fixtures;
    }

    public SimClock clock() {
        return clock;
    }

    /** Back to the fixtures: no shares, no activity; the id sequence goes on, so ids never repeat. */
    public synchronized void reset() {
        shares.clear();
        projectShares.clear();
        listCache.clear();
        activities.clear();
        notifications.clear();
    }

    public StoredShare share(String id) {
        return id == null ? null : shares.get(id);
    }

    public int shareCount() {
        return shares.size();
    }

    public Set<String> shareIds() {
        return Set.copyOf(shares.keySet());
    }

    public Ids ids() {
        return ids;
    }

    /**
     * Creates a share. {@code fields} are the validated client fields (without {@code type} and {@code asset_ids});
     * {@code enabled}, {@code downloading_enabled} and {@code commenting_enabled} default to true.
     */
    public synchronized StoredShare create(String projectId, Map<String, JsonNode> fields, List<String> assetIds) {
        Map<String, JsonNode> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("enabled", BooleanNode.TRUE);
        all.putIfAbsent("downloading_enabled", BooleanNode.TRUE);
        all.putIfAbsent("commenting_enabled", BooleanNode.TRUE);
        long now = clock.nowMicros();
        String id = ids.uuid();
        StoredShare share = new StoredShare(id, fixtures.accountId, projectId, ids.uuid(),
                "https://f.io/" + ids.alphanumeric(8), now, now, null, all,
                new ArrayList<>(new LinkedHashSet<>(assetIds)), List.of());
        shares.put(id, share);
        projectShares.computeIfAbsent(projectId, k -> new LinkedHashSet<>()).add(id);
        listCache.remove(projectId);
        announce("share.created", share, null);
        return share;
    }

    /** Creates {@code count} shares at once, named {@code prefix + " " + n}, as a bulk web-app action would. */
    public synchronized int bulkCreate(String projectId, int count, String access, String prefix) {
        int existing = projectShares.getOrDefault(projectId, Set.of()).size();
        for (int i = 1; i <= count; i++) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            fields.put("name", TextNode.valueOf(prefix + " " + (existing + i)));
            fields.put("access", TextNode.valueOf(access));
            create(projectId, fields, List.of());
        }
        return count;
    }

    /** Applies field changes and bumps {@code updated_at}. */
    public synchronized StoredShare update(String id, Map<String, JsonNode> changes) {
        StoredShare current = require(id);
        StoredShare updated = replace(current.withFields(changes, clock.nowMicros()));
        announce("share.updated", updated, null);
        return updated;
    }

    public synchronized StoredShare delete(String id) {
        StoredShare removed = shares.remove(id);
        if (removed != null) {
            Set<String> ids = projectShares.get(removed.projectId());
            if (ids != null) {
                ids.remove(id);
            }
            listCache.remove(removed.projectId());
            activities.remove(id);
            announce("share.deleted", removed, null);
        }
        return removed;
    }

    /** Adds an asset to the share's collection. Returns null when it is already there. */
    public synchronized StoredShare addAsset(String id, String assetId) {
        StoredShare current = require(id);
        if (current.assetIds().contains(assetId)) {
            return null;
        }
        List<String> ids = new ArrayList<>(current.assetIds());
        ids.add(assetId);
        return replace(current.withAssetIds(ids));
    }

    /** Removes an asset from the share's collection. Returns null when it was not a direct member. */
    public synchronized StoredShare removeAsset(String id, String assetId) {
        StoredShare current = require(id);
        if (!current.assetIds().contains(assetId)) {
            return null;
        }
        List<String> ids = new ArrayList<>(current.assetIds());
        ids.remove(assetId);
        return replace(current.withAssetIds(ids));
    }

    /**
     * Adds reviewers to a secure share; for a public share only the e-mails are sent (when {@code notify}). People
     * already reviewing are kept once.
     */
    public synchronized void addReviewers(String id, List<SimUser> people, String message, boolean notify) {
        StoredShare current = require(id);
        long now = clock.nowMicros();
        if (!current.isSecure()) {
            if (notify) {
                for (SimUser person : people) {
                    notifications.add(new Notification(id, person.email(), message, now));
                }
            }
            return;
        }
        List<SimUser> reviewers = new ArrayList<>(current.reviewers());
        for (SimUser person : people) {
            boolean present = reviewers.stream().anyMatch(r -> r.email().equalsIgnoreCase(person.email()));
            if (!present) {
                reviewers.add(person);
                if (notify) {
                    notifications.add(new Notification(id, person.email(), message, now));
                }
            }
        }
        replace(current.withReviewers(reviewers));
    }

    /** Removes the reviewers that match; returns how many were removed. */
    public synchronized int removeReviewers(String id, Predicate<SimUser> match) {
        StoredShare current = require(id);
        List<SimUser> reviewers = new ArrayList<>(current.reviewers());
        int before = reviewers.size();
        reviewers.removeIf(match);
        if (reviewers.size() != before) {
            replace(current.withReviewers(reviewers));
        }
        return before - reviewers.size();
    }

    /** Someone opened the share link: bumps {@code last_viewed_at} and records a {@code share_viewed} activity. */
    public synchronized StoredShare view(String id, String userId) {
        StoredShare current = require(id);
        Activity activity = addActivity(id, "share_viewed", null, userId);
        StoredShare viewed = replace(current.withLastViewedAt(activity.insertedAt(), viewTouchesUpdatedAt));
        announce("share.viewed", viewed, userId);
        return viewed;
    }

    public synchronized Activity addActivity(String shareId, String type, String assetId, String userId) {
        require(shareId);
        Activity activity = new Activity(ids.uuid(), type, clock.nowMicros(), assetId, userId);
        activities.computeIfAbsent(shareId, k -> new ArrayList<>()).add(activity);
        return activity;
    }

    /** A share's activity, newest first. */
    public synchronized List<Activity> activities(String shareId) {
        List<Activity> list = new ArrayList<>(activities.getOrDefault(shareId, List.of()));
        Collections.reverse(list);
        return list;
    }

    public synchronized List<Notification> notifications() {
        return new ArrayList<>(notifications);
    }

    /**
     * The project's shares in the given order ({@code null}: creation order). The list is a snapshot, cached until
     * the project's shares change, so paging through a large project sorts it once.
     */
    public synchronized List<StoredShare> shares(String projectId, String sort) {
        Map<String, List<StoredShare>> cache = listCache.computeIfAbsent(projectId, k -> new HashMap<>());
        String key = sort == null ? "" : sort;
        List<StoredShare> cached = cache.get(key);
        if (cached == null) {
            List<StoredShare> list = new ArrayList<>();
            for (String id : projectShares.getOrDefault(projectId, Set.of())) {
                list.add(shares.get(id));
            }
            if (sort != null) {
                list.sort(SHARE_ORDERS.get(sort));
            }
            cached = Collections.unmodifiableList(list);
            cache.put(key, cached);
        }
        return cached;
    }

    /**
     * The share's assets as a recursively flat list: each direct member followed by every descendant of a shared
     * folder or version stack, depth first; an asset reachable twice is listed once.
     */
    public List<Asset> flatAssets(StoredShare share) {
        Set<String> seen = new LinkedHashSet<>();
        for (String id : share.assetIds()) {
            collect(id, seen);
        }
        List<Asset> result = new ArrayList<>(seen.size());
        for (String id : seen) {
            result.add(fixtures.asset(id));
        }
        return result;
    }

    private void collect(String id, Set<String> seen) {
        Asset asset = fixtures.asset(id);
        if (asset == null || !seen.add(id)) {
            return;
        }
        for (String child : asset.childIds()) {
            collect(child, seen);
        }
    }

    private StoredShare require(String id) {
        StoredShare share = shares.get(id);
        if (share == null) {
            // deleted between the caller's lookup and this write; the API answers 404
            throw new NoSuchElementException("share " + id);
        }
        return share;
    }

    private StoredShare replace(StoredShare updated) {
        shares.put(updated.id(), updated);
        listCache.remove(updated.projectId());
        return updated;
    }
}
