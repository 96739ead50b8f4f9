package io.github.camelframeio.camel.component.frameio.shares.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesEventType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The share-level changes between what a consumer last emitted about a project's shares and a listing of them: a
 * pure function over the two, with no I/O, so that it can be tested and measured on its own.
 * <p>
 * A share unknown before is {@code created}. A known one whose fields differ is {@code updated} (the fields that
 * changed, {@code updated_at} included when it moved, {@code last_viewed_at} never) and, when {@code last_viewed_at}
 * moved, {@code viewed}; a view that moved nothing else but {@code updated_at} is only {@code viewed}. Deletions are
 * not decided here: a share missing from a listing is read back first. Thread-safe.
 */
public final class ChangeDetector {

    /**
     * One share-level change.
     *
     * @param type          created, updated or viewed
     * @param shareId       the share
     * @param changedFields updated and viewed: the fields that changed, in the Share schema's order
     * @param share         the share as listed, encoded as the state keeps it
     */
    public record Change(FrameioSharesEventType type, String shareId, List<String> changedFields, byte[] share) {
    }

    /** Listings of at least this many shares are encoded in parallel. */
    static final int PARALLEL_FROM = 5_000;

    static final String LAST_VIEWED_AT = "last_viewed_at";
    static final String UPDATED_AT = "updated_at";

    private final ShareCodec codec;

    public ChangeDetector(ObjectMapper mapper) {
        this.codec = new ShareCodec(mapper);
    }

    ShareCodec codec() {
        return codec;
    }

    /** A share as the state keeps it (compact, passphrase only hashed). */
    public byte[] encode(JsonNode share) {
        return codec.encode(share);
    }

    /**
     * Shares last emitted with a passphrase hash in the old fast form whose passphrase a diff found unchanged: their
     * stored form in the slow one, for the state to be rewritten with (see {@link PassphraseHashes}). Each once.
     */
    Map<String, byte[]> drainPassphraseMigrations() {
        return codec.passphrases().drainMigrations();
    }

    /**
     * The changes, in the listing's order.
     *
     * @param listed the shares as listed, by id
     * @param known  what was last emitted about a share, encoded by {@link #encode}; null for a share never emitted
     */
    public List<Change> diff(Map<String, ? extends JsonNode> listed, Function<String, byte[]> known) {
        List<String> ids = new ArrayList<>(listed.size());
        List<JsonNode> shares = new ArrayList<>(listed.size());
        listed.forEach((id, share) -> {
            ids.add(id);
            shares.add(share);
        });
        byte[][] encoded = new byte[shares.size()][];
        IntStream range = IntStream.range(0, encoded.length);
        // encoding is most of a big project's diff, and independent per share: use the cores there are
        byte[][] before = new byte[shares.size()][];
        for (int i = 0; i < before.length; i++) {
            before[i] = known.apply(ids.get(i));
        }
        (encoded.length >= PARALLEL_FROM ? range.parallel() : range)
                .forEach(i -> encoded[i] = codec.encode(shares.get(i), before[i]));
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < encoded.length; i++) {
            String id = ids.get(i);
            byte[] now = encoded[i];
            byte[] last = before[i];
            if (last == null) {
                changes.add(new Change(FrameioSharesEventType.created, id, null, now));
            } else if (!Arrays.equals(last, now)) {
                classify(id, codec.changedFields(last, now), now, changes);
            }
        }
        return changes;
    }

    private static void classify(String id, List<String> changed, byte[] now, List<Change> changes) {
        if (changed.isEmpty()) {
            return; // the same share, differently encoded (e.g. a field order)
        }
        boolean viewed = changed.contains(LAST_VIEWED_AT);
        List<String> updated = new ArrayList<>(changed);
        updated.remove(LAST_VIEWED_AT);
        List<String> viewedFields = new ArrayList<>(List.of(LAST_VIEWED_AT));
        if (viewed && updated.equals(List.of(UPDATED_AT))) {
            viewedFields.add(UPDATED_AT); // a view that also moved updated_at is a view, not an edit
            updated.clear();
        }
        if (!updated.isEmpty()) {
            changes.add(new Change(FrameioSharesEventType.updated, id, List.copyOf(updated), now));
        }
        if (viewed) {
            changes.add(new Change(FrameioSharesEventType.viewed, id, List.copyOf(viewedFields), now));
        }
    }
}
