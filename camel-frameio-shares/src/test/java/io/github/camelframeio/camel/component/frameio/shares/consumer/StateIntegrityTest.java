package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateException;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state's keys check themselves: a value that is missing, cut, changed, moved or made up is found when read
 * back, named with its key and store, and holds back only the shares of its bucket; a crash between two writes never
 * reads back as a loss; a write that fails stays pending.
 */
class StateIntegrityTest {

    /** A value format of plain text, to test the buckets without shares. */
    static final BucketedState.ValueFormat<String> TEXT = new BucketedState.ValueFormat<>() {
        @Override
        public void write(Bytes.Out out, String value) {
            out.string(value);
        }

        @Override
        public String read(Bytes.In in) {
            return in.string();
        }
    };

    private static String id(int i) {
        return new UUID(0x1234_5678_9abcL + i, i * 7919L).toString();
    }

    private static BucketedState<String> written(FailingStateRepository repo, int n) {
        BucketedState<String> state = new BucketedState<>(repo, "k", TEXT);
        assertFalse(state.load());
        state.initialize();
        for (int i = 0; i < n; i++) {
            state.put(id(i), "value " + i);
        }
        state.flush();
        return state;
    }

    private static BucketedState<String> reload(FailingStateRepository repo) {
        BucketedState<String> state = new BucketedState<>(repo, "k", TEXT);
        state.load();
        return state;
    }

    private static String keyOf(String id) {
        return "k." + BucketedState.bucket(id);
    }

    @Test
    void everyValueReadsBackAndNothingIsLost() {
        FailingStateRepository repo = new FailingStateRepository();
        written(repo, 3000);
        BucketedState<String> back = reload(repo);
        assertTrue(back.isInitialized());
        assertFalse(back.hasLosses());
        assertEquals(3000, back.size());
        assertEquals("value 77", back.get(id(77)));
        assertTrue(repo.getState("k").startsWith("frameio-shares-state/2;1024;ready;"), repo.getState("k"));
    }

    @Test
    void aDroppedBucketIsLostNotEmptyAndHoldsBackOnlyItsShares() {
        FailingStateRepository repo = new FailingStateRepository();
        written(repo, 3000);
        repo.values.remove(keyOf(id(5)));
        BucketedState<String> back = reload(repo);
        assertTrue(back.isLost(id(5)));
        assertNull(back.get(id(5)));
        int other = 6;
        while (BucketedState.bucket(id(other)) == BucketedState.bucket(id(5))) {
            other++;
        }
        assertFalse(back.isLost(id(other)));
        assertEquals("value " + other, back.get(id(other)));
        FrameioSharesStateException e = back.lossError("held back");
        assertEquals(List.of(keyOf(id(5))), e.getKeys());
        assertTrue(e.getMessage().contains("'" + keyOf(id(5)) + "' is missing although the format key records it"),
                e.getMessage());
        assertTrue(e.getMessage().contains("FailingStateRepository") && e.getMessage().contains("stateKey 'k'"));
        assertThrows(IllegalStateException.class, () -> back.put(id(5), "made up"), "a lost bucket is not written over");
    }

    @Test
    void anEmptiedBucketIsWrittenEmptyNotDeleted() {
        FailingStateRepository repo = new FailingStateRepository();
        BucketedState<String> state = written(repo, 1);
        state.remove(id(0));
        state.flush();
        assertTrue(repo.getState(keyOf(id(0))).length() > 0, "an empty bucket, with its checksum");
        BucketedState<String> back = reload(repo);
        assertFalse(back.hasLosses());
        assertEquals(0, back.size());
    }

    @Test
    void aMissingFormatKeyWhileBucketsExistIsALossNotAFreshStart() {
        FailingStateRepository repo = new FailingStateRepository();
        written(repo, 50);
        repo.values.remove("k");
        BucketedState<String> back = reload(repo);
        assertTrue(back.isInitialized(), "not a fresh start");
        assertTrue(back.hasLosses());
        assertEquals(50, back.size(), "the buckets that read back whole are kept");
        java.util.Set<Integer> present = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            present.add(BucketedState.bucket(id(i)));
        }
        int unseen = 10_000;
        while (present.contains(BucketedState.bucket(id(unseen)))) {
            unseen++;
        }
        assertTrue(back.isLost(id(unseen)), "a bucket never seen cannot be told from a lost one");
        FrameioSharesStateException e = back.lossError("x");
        assertEquals("k", e.getKeys().get(0));
        assertTrue(e.getMessage().contains("key 'k' is missing while"), e.getMessage());
    }

    @Test
    void cutChangedMovedAndMadeUpValuesAreEachFound() {
        FailingStateRepository repo = new FailingStateRepository();
        written(repo, 3000);
        String a = keyOf(id(1));
        String b = keyOf(id(2));
        String c = keyOf(id(3));
        String d = keyOf(id(4));
        String e = keyOf(id(8));
        Map<String, String> original = repo.snapshot();
        repo.values.put(a, original.get(a).substring(0, original.get(a).length() - 3));
        char[] flipped = original.get(b).toCharArray();
        flipped[flipped.length / 2] = flipped[flipped.length / 2] == 'A' ? 'B' : 'A';
        repo.values.put(b, new String(flipped));
        repo.values.put(c, original.get(d));
        repo.values.put(d, original.get(c));
        repo.values.put(e, "not base64 at all!");
        BucketedState<String> back = reload(repo);
        Map<String, String> losses = back.losses();
        assertTrue(losses.containsKey(a), "cut: " + losses);
        assertTrue(losses.get(b).contains("checksum"), losses.get(b));
        assertTrue(losses.get(c).contains("holds bucket"), losses.get(c));
        assertTrue(losses.get(d).contains("holds bucket"), losses.get(d));
        assertTrue(losses.get(e).contains("Base64"), losses.get(e));
        assertEquals(5, losses.size(), losses.toString());
    }

    @Test
    void aValueCopiedFromAnotherStateKeyIsFound() {
        FailingStateRepository repo = new FailingStateRepository();
        written(repo, 10);
        BucketedState<String> other = new BucketedState<>(repo, "other", TEXT);
        other.initialize();
        other.put(id(1), "another consumer's");
        other.flush();
        repo.values.put(keyOf(id(1)), repo.getState("other." + BucketedState.bucket(id(1))));
        assertTrue(reload(repo).losses().get(keyOf(id(1))).contains("another stateKey"));
    }

    @Test
    void aHugeLengthInASmallValueFailsWithoutAllocating() {
        // a 45-byte value whose entry count claims two billion entries, with a valid checksum and in the old format
        Bytes.Out out = new Bytes.Out();
        out.write(2);
        out.varint(BucketedState.bucket(id(0)));
        out.int32(BucketFormat.crc("k".getBytes(StandardCharsets.UTF_8)));
        out.varint(Integer.MAX_VALUE);
        out.id(id(0));
        out.varint(Integer.MAX_VALUE - 1);
        out.writeBytes(new byte[8]);
        byte[] body = out.toByteArray();
        out.int32(BucketFormat.crc(body));
        String v2 = Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        Bytes.Out legacy = new Bytes.Out();
        legacy.varint(1);
        legacy.id(id(0));
        legacy.varint(Integer.MAX_VALUE);
        legacy.writeBytes(new byte[24]);
        String v1 = Base64.getUrlEncoder().withoutPadding().encodeToString(legacy.toByteArray());
        assertTrue(v1.length() <= 64 && v2.length() <= 64);

        for (String meta : new String[] {null, "frameio-shares-state/1;1024"}) {
            FailingStateRepository repo = new FailingStateRepository();
            written(repo, 1);
            repo.values.put(keyOf(id(0)), meta == null ? v2 : v1);
            if (meta != null) {
                repo.values.put("k", meta);
            }
            long before = allocated();
            BucketedState<String> back = reload(repo);
            long used = allocated() - before;
            assertTrue(used < 64L << 20, used + " bytes allocated to read a 45-byte value");
            String why = back.losses().get(keyOf(id(0)));
            assertTrue(why.contains("count of") || why.contains("length of"), why);
        }
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void aCrashBetweenAnyTwoWritesNeverReadsBackAsALoss() {
        // every prefix of the writes of a baseline, then of changes, is what a crash at that moment leaves
        FailingStateRepository repo = new FailingStateRepository();
        List<Map<String, String>> crashes = new ArrayList<>();
        FailingStateRepository recording = new FailingStateRepository() {
            @Override
            public synchronized void setState(String key, String value) {
                super.setState(key, value);
                crashes.add(snapshot());
            }
        };
        BucketedState<String> state = new BucketedState<>(recording, "k", TEXT);
        state.load();
        state.initialize();
        for (int i = 0; i < 40; i++) {
            state.put(id(i), "v" + i);
        }
        state.flush();
        int baselineWrites = crashes.size();
        for (int i = 40; i < 60; i++) {
            state.put(id(i), "new " + i); // new buckets: recorded in the format key after they exist
            state.remove(id(i - 40));
            state.flush();
        }
        for (int n = 0; n < crashes.size(); n++) {
            repo.values.clear();
            repo.values.putAll(crashes.get(n));
            BucketedState<String> back = reload(repo);
            assertFalse(back.hasLosses(), "crash after write " + n + ": " + back.losses());
            assertEquals(n >= baselineWrites - 1, back.isInitialized(), "crash after write " + n);
        }
    }

    @Test
    void aFailedWriteStaysPendingAndNamesKeyAndStore() {
        FailingStateRepository repo = new FailingStateRepository();
        BucketedState<String> state = written(repo, 10);
        repo.failAfter(0);
        state.put(id(100), "while the disk is full");
        FrameioSharesStateException e = assertThrows(FrameioSharesStateException.class, state::flush);
        assertEquals(List.of(keyOf(id(100))), e.getKeys());
        assertTrue(e.getMessage().contains("FailingStateRepository") && e.getMessage().contains("No space left"),
                e.getMessage());
        assertTrue(state.hasPendingWrites());
        repo.heal();
        state.flush();
        assertFalse(state.hasPendingWrites());
        assertEquals("while the disk is full", reload(repo).get(id(100)));
    }

    @Test
    void stateOfTheFirstFormatIsReadAndRewritten() {
        FailingStateRepository repo = new FailingStateRepository();
        Map<Integer, List<Integer>> byBucket = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            byBucket.computeIfAbsent(BucketedState.bucket(id(i)), b -> new ArrayList<>()).add(i);
        }
        repo.values.put("k", "frameio-shares-state/1;1024");
        byBucket.forEach((b, members) -> {
            Bytes.Out out = new Bytes.Out();
            out.varint(members.size());
            for (int i : members) {
                out.id(id(i));
                Bytes.Out value = new Bytes.Out();
                TEXT.write(value, "old " + i);
                out.block(value.toByteArray());
            }
            repo.values.put("k." + b, Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray()));
        });
        BucketedState<String> old = reload(repo);
        assertTrue(old.isLegacy());
        assertEquals(200, old.size());
        old.flush();
        assertTrue(repo.getState("k").startsWith("frameio-shares-state/2;"));
        BucketedState<String> back = reload(repo);
        assertFalse(back.isLegacy() || back.hasLosses());
        assertEquals("old 150", back.get(id(150)));
    }

    @Test
    void aStateInAnotherFormatIsRefused() {
        FailingStateRepository repo = new FailingStateRepository();
        repo.values.put("k", "frameio-shares-state/9;4096");
        FrameioSharesStateException e = assertThrows(FrameioSharesStateException.class, () -> reload(repo));
        assertTrue(e.getMessage().contains("stateKey") && e.getMessage().contains("FailingStateRepository"),
                e.getMessage());
    }

    @Test
    void givingUpLostBucketsLetsThemBeWrittenAgain() {
        FailingStateRepository repo = new FailingStateRepository();
        written(repo, 100);
        repo.values.remove(keyOf(id(3)));
        BucketedState<String> back = reload(repo);
        assertEquals(List.of(keyOf(id(3))), back.recover());
        back.put(id(3), "as it is now");
        back.flush();
        BucketedState<String> again = reload(repo);
        assertFalse(again.hasLosses());
        assertEquals("as it is now", again.get(id(3)));
    }
}
