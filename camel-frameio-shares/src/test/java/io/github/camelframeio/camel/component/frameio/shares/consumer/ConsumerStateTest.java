package io.github.camelframeio.camel.component.frameio.shares.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.FrameioJson;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;

import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumers' state: the share encoding, the bucketed repository layout and the call allowance. */
class ConsumerStateTest {

    private static final ObjectMapper MAPPER = FrameioJson.newObjectMapper();
    private final ShareCodec codec = new ShareCodec(MAPPER);

    /** A share with every field the simulator renders, optional ones set, plus one this version does not know. */
    private static ObjectNode richShare() {
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimits(false).start()) {
            var f = sim.fixtures();
            SimulatorAdmin admin = new SimulatorAdmin(sim);
            String id = admin.createShare("Dailies – week 12", "secure", List.of(f.fileIds().get(0)));
            admin.edit(id, Map.of("passphrase", "s3cret!", "description", "Line one", "expiration",
                    "2027-03-01T10:00:00.000000Z", "layout", "grid", "accent_color", "#FF0000"));
            admin.view(id);
            ObjectNode share = (ObjectNode) sim.share(id).deepCopy();
            share.put("a_field_from_the_future", 42);
            share.putArray("visible_field_definition_ids").add("b5fb37a0-4ca3-489f-aada-b257e3edda1f");
            return share;
        }
    }

    @Test
    void aShareRoundTripsExceptItsPassphrase() {
        ObjectNode share = richShare();
        byte[] bytes = codec.encode(share);
        ObjectNode back = codec.toJson(share.get("id").asText(), bytes);
        ObjectNode expected = share.deepCopy();
        expected.remove("passphrase");
        assertEquals(expected, back);
        assertArrayEquals(bytes, codec.encode(share), "equal shares, equal bytes");
        assertFalse(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("s3cret"));
        assertTrue(bytes.length < share.toString().length() / 2,
                bytes.length + " bytes instead of " + share.toString().length());
    }

    @Test
    void changedFieldsAndMergeWorkFieldByField() {
        ObjectNode before = richShare();
        ObjectNode after = before.deepCopy();
        after.put("name", "New name");
        after.put("passphrase", "other");
        after.remove("description");
        after.put("updated_at", "2027-03-02T10:00:00.000000Z");
        byte[] a = codec.encode(before);
        byte[] b = codec.encode(after);
        assertEquals(List.of("name", "description", "updated_at", "passphrase"), codec.changedFields(a, b));
        byte[] merged = codec.merge(a, b, List.of("name", "description"));
        assertEquals(List.of("updated_at", "passphrase"), codec.changedFields(merged, b), "only the merged ones moved");
        assertEquals(List.of(), codec.changedFields(codec.merge(merged, b, List.of("updated_at", "passphrase")), b));
    }

    @Test
    void bucketsRoundTripThroughAnyStateRepository(@TempDir Path dir) throws Exception {
        FileStateRepository file = FileStateRepository.fileStateRepository(dir.resolve("s").toFile());
        file.start();
        BucketedState<ShareRecord> state = new BucketedState<>(file, "k", ShareRecord.FORMAT);
        assertFalse(state.load());
        byte[] share = codec.encode(richShare());
        for (int i = 0; i < 3000; i++) {
            String id = new java.util.UUID(i, i).toString();
            state.put(id, new ShareRecord(share, i % 2 == 0 ? Map.of("u" + i, "u" + i + "@example.com") : null,
                    i % 3 == 0 ? Set.of(id) : null));
        }
        state.put("not-a-uuid", new ShareRecord(share, Map.of(), Set.of()));
        state.initialize();
        state.flush();
        state.remove(new java.util.UUID(7, 7).toString());
        state.flush();
        file.stop(); // compacts the file
        file.start();

        BucketedState<ShareRecord> back = new BucketedState<>(file, "k", ShareRecord.FORMAT);
        assertTrue(back.load());
        assertEquals(3000, back.size());
        assertNull(back.get(new java.util.UUID(7, 7).toString()));
        ShareRecord r = back.get(new java.util.UUID(12, 12).toString());
        assertArrayEquals(share, r.share());
        assertEquals(Map.of("u12", "u12@example.com"), r.reviewers());
        assertEquals(Set.of(new java.util.UUID(12, 12).toString()), r.assets());
        assertNull(back.get(new java.util.UUID(13, 13).toString()).reviewers(), "not looked at yet stays unknown");
        assertEquals(Map.of(), back.get("not-a-uuid").reviewers());
        file.stop();
    }

    @Test
    void bucketValuesSuitFileStateRepository() {
        MemoryStateRepository repo = new MemoryStateRepository();
        BucketedState<ShareRecord> state = new BucketedState<>(repo, "k", ShareRecord.FORMAT);
        state.put("b5fb37a0-4ca3-489f-aada-b257e3edda1f", new ShareRecord(codec.encode(richShare()), null, null));
        state.initialize();
        state.flush();
        for (int b = 0; b < BucketedState.BUCKETS; b++) {
            String value = repo.getState("k." + b);
            if (value != null && !value.isEmpty()) {
                assertFalse(value.contains("=") || value.contains("\n"), value);
                Base64.getUrlDecoder().decode(value);
            }
        }
    }

    @Test
    void theAllowanceRefillsAtItsRateAndHoldsAtMostAMinute() throws Exception {
        AtomicLong now = new AtomicLong();
        CallGate gate = new CallGate(6, now::get);
        for (int i = 0; i < 6; i++) {
            assertTrue(gate.tryAcquire());
        }
        assertFalse(gate.tryAcquire(), "a minute's worth at most");
        now.addAndGet(9_000_000_000L);
        assertFalse(gate.tryAcquire(), "one call every 10 s");
        now.addAndGet(1_000_000_000L);
        assertTrue(gate.tryAcquire());
        now.addAndGet(3_600_000_000_000L);
        int burst = 0;
        while (gate.tryAcquire()) {
            burst++;
        }
        assertEquals(6, burst, "an idle hour does not save up more than a minute");
        assertFalse(gate.acquire(() -> false), "a stopping consumer does not wait");
    }

    @Test
    void timestampsAreParsedExactlyOrNotAtAll() {
        assertEquals(1_789_089_124_316_043L, ShareCodec.parseMicros("2026-09-11T01:12:04.316043Z"));
        assertEquals(-1L, ShareCodec.parseMicros("1969-12-31T23:59:59.999999Z"));
        for (String other : List.of("2026-02-30T00:00:00.000000Z", "2026-09-11T01:12:04.316Z", "2026-09-11 01:12:04.316043Z",
                "2026-09-11T24:00:00.000000Z", "2026-09-11T01:12:04.316043+00:00", "a name of 27 characters....")) {
            assertEquals(Long.MIN_VALUE, ShareCodec.parseMicros(other), other);
        }
    }

    @Test
    void idTablesKeepUuidsCompactAndOtherIdsAsTheyAre() {
        IdTable table = new IdTable();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(java.util.UUID.randomUUID().toString());
        }
        ids.add("not-a-uuid");
        ids.add("B5FB37A0-4CA3-489F-AADA-B257E3EDDA1F"); // upper case is another id, kept as text
        for (String id : ids) {
            assertTrue(table.put(id, id.getBytes()));
        }
        assertFalse(table.put(ids.get(7), new byte[] {1}), "replaced, not added");
        assertEquals(ids.size(), table.size());
        assertArrayEquals(new byte[] {1}, table.get(ids.get(7)));
        assertArrayEquals(ids.get(8).getBytes(), table.get(ids.get(8)));
        assertArrayEquals("not-a-uuid".getBytes(), table.get("not-a-uuid"));
        assertTrue(table.remove(ids.get(9)));
        assertFalse(table.remove(ids.get(9)));
        assertNull(table.get(ids.get(9)));
        java.util.Set<String> seen = new java.util.HashSet<>();
        table.forEach((id, value) -> seen.add(id));
        java.util.Set<String> expected = new java.util.HashSet<>(ids);
        expected.remove(ids.get(9));
        assertEquals(expected, seen, "ids come back exactly as given");
    }

    @Test
    void theDetectorTellsEditsFromViews() {
        ChangeDetector detector = new ChangeDetector(MAPPER);
        ObjectNode share = richShare();
        String id = share.get("id").asText();
        byte[] known = detector.encode(share);

        ObjectNode viewed = share.deepCopy();
        viewed.put("last_viewed_at", "2027-01-01T00:00:00.000000Z");
        viewed.put("updated_at", "2027-01-01T00:00:00.000000Z");
        List<ChangeDetector.Change> onlyView = detector.diff(Map.of(id, viewed), x -> known);
        assertEquals(1, onlyView.size());
        assertEquals("viewed", onlyView.get(0).type().name());
        assertEquals(List.of("last_viewed_at", "updated_at"), onlyView.get(0).changedFields());

        viewed.put("name", "Edited too");
        List<ChangeDetector.Change> both = detector.diff(Map.of(id, viewed), x -> known);
        assertEquals(List.of("updated", "viewed"), both.stream().map(c -> c.type().name()).toList());
        assertEquals(List.of("name", "updated_at"), both.get(0).changedFields());
        assertEquals(List.of("last_viewed_at"), both.get(1).changedFields());

        assertEquals(List.of(), detector.diff(Map.of(id, share), x -> known), "unchanged");
        assertEquals("created", detector.diff(Map.of(id, share), x -> null).get(0).type().name());
    }

    static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }
}
