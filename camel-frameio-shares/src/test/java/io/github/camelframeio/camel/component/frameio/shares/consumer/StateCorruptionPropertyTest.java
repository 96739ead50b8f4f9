package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.camel.component.frameio.shares.state.DirectoryStateRepository;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shareChanges consumer over state corrupted at random while it was down: after a baseline against the
 * simulator, the files of its DirectoryStateRepository are flipped, cut, deleted, swapped, replaced with garbage or
 * with values whose lengths claim gigabytes, the format key included, while the web app edits, deletes and creates
 * shares; then the consumer restarts and polls. For every seed (a fixed list): no event for a share that did not
 * change; every corrupted key named by an error; every change of a share whose state is intact emitted once; with the
 * files restored, the held-back changes emitted once; with stateRecovery=rebaseline, nothing emitted for the lost
 * shares and their later changes emitted as updates. A second property does the same for a store that refuses
 * writes: polls fail, readiness goes DOWN, and nothing is emitted twice once it recovers.
 */
class StateCorruptionPropertyTest extends ConsumerTestSupport {

    /** Fixed, for reproducible runs: a failing seed can be run alone by editing this list. */
    static final long[] SEEDS = java.util.stream.LongStream.range(0, 48).map(i -> 20_261_202L + 7_919L * i).toArray();
    static final long[] STORE_SEEDS = java.util.stream.LongStream.range(0, 12).map(i -> 977L * i + 5).toArray();
    private static final String[] KINDS = {"flip", "truncate", "delete", "empty", "swap", "garbage", "hugeLength",
        "flipFormatKey", "truncateFormatKey", "deleteFormatKey"};

    @TempDir
    Path tmp;
    private final Map<String, AtomicInteger> tried = new TreeMap<>();
    private int corruptions;

    private String prefix() {
        return "frameio-shares.shareChanges." + fx.accountId() + "." + fx.projectId();
    }

    @Test
    void corruptedStateInventsNothingIsAlwaysNamedAndHoldsBackOnlyItsShares() throws Exception {
        long started = System.nanoTime();
        for (long seed : SEEDS) {
            try {
                runCorruption(seed);
            } catch (AssertionError | Exception e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
        String summary = "state corruptions tried: " + corruptions + " over " + SEEDS.length + " seeds " + tried + " in "
                         + (System.nanoTime() - started) / 1_000_000 + " ms";
        System.out.println(summary);
        Files.writeString(Path.of("target", "state-corruption-property-test.txt"), summary + System.lineSeparator());
        assertTrue(corruptions >= 100, summary);
        assertEquals(KINDS.length, tried.size(), "every kind of corruption was tried: " + tried);
    }

    private void runCorruption(long seed) throws Exception {
        Random random = new Random(seed);
        boolean rebaseline = seed % 4 == 1;
        simulator.reset();
        simulator.bulkCreateShares(fx.projectId(), 15 + random.nextInt(30));
        List<String> ids = new ArrayList<>(simulator.shareIds());
        for (String id : ids) {
            if (random.nextInt(10) == 0) {
                simulator.editShare(id, Map.of("passphrase", "pass " + random.nextInt(1000)));
            }
        }
        DirectoryStateRepository repo = new DirectoryStateRepository(tmp.resolve("s" + seed));
        String route = "r" + seed;
        context.getRegistry().bind("state" + seed, repo);
        consume(route, "frameio-shares:shareChanges?stateRepository=#state" + seed
                       + (rebaseline ? "&stateRecovery=rebaseline" : ""));
        assertEquals(List.of(), poll(route), "the baseline");
        context.getRouteController().stopRoute(route);

        // the damage, while the consumer is down
        Map<String, String> original = new HashMap<>();
        List<String> buckets = new ArrayList<>();
        original.put(prefix(), Files.readString(repo.file(prefix())));
        for (int b = 0; b < BucketedState.BUCKETS; b++) {
            String key = prefix() + "." + b;
            if (Files.exists(repo.file(key))) {
                original.put(key, Files.readString(repo.file(key)));
                buckets.add(key);
            }
        }
        Set<String> damaged = new HashSet<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            if (corrupt(kind, repo, buckets, damaged, random)) {
                tried.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                corruptions++;
            }
        }
        boolean formatKeyDamaged = damaged.contains(prefix());

        // the web app, meanwhile
        Map<String, String> expected = new HashMap<>(); // share -> the one event its change must give
        for (String id : ids) {
            int r = random.nextInt(10);
            if (r < 3) {
                simulator.editShare(id, Map.of("name", "edited " + seed));
                expected.put(id, "updated");
            } else if (r == 3) {
                simulator.deleteShare(id);
                expected.put(id, "deleted");
            }
        }
        Set<String> before = new HashSet<>(simulator.shareIds());
        simulator.bulkCreateShares(fx.projectId(), 1 + random.nextInt(3));
        for (String id : simulator.shareIds()) {
            if (!before.contains(id)) {
                expected.put(id, "created");
            }
        }
        // the buckets whose shares cannot be vouched for: damaged ones, and with the format key lost, all not intact
        Set<Integer> affected = new HashSet<>();
        for (int b = 0; b < BucketedState.BUCKETS; b++) {
            String key = prefix() + "." + b;
            if (damaged.contains(key) || (formatKeyDamaged && !(buckets.contains(key) && !damaged.contains(key)))) {
                affected.add(b);
            }
        }

        int errorsBefore = stateErrors.size();
        List<Received> events = new ArrayList<>();
        boolean startedAgain = start(route, damaged);
        if (startedAgain) {
            events.addAll(poll(route));
            events.addAll(poll(route));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Received r : events) {
            assertEquals(expected.get(r.shareId()), r.type(), "an event made up for " + r.shareId());
            assertTrue(!affected.contains(BucketedState.bucket(r.shareId())), "an event for a held-back share " + r);
            seen.merge(r.shareId(), 1, Integer::sum);
        }
        if (startedAgain) {
            expected.forEach((id, type) -> {
                if (!affected.contains(BucketedState.bucket(id))) {
                    assertEquals(1, seen.getOrDefault(id, 0), type + " of intact share " + id + " emitted once");
                }
            });
            for (String key : damaged) {
                assertTrue(rebaseline != reported(errorsBefore, key), (rebaseline ? "re-baselined silently: "
                        : "an error names ") + key + " " + stateErrors.subList(errorsBefore, stateErrors.size()));
            }
        }

        if (rebaseline && startedAgain) {
            // the lost shares were recorded as they are: their next change is an update
            for (String id : simulator.shareIds()) {
                if (affected.contains(BucketedState.bucket(id))) {
                    simulator.editShare(id, Map.of("name", "after the re-baseline"));
                    List<Received> later = poll(route);
                    assertEquals(List.of("updated"), types(later), "re-baselined " + id);
                    break;
                }
            }
        } else {
            // the damaged keys restored from a backup: the next poll reads them again (a route that refused to
            // start is started), the held-back changes come, each once, and the errors stop
            for (String key : damaged) {
                Files.writeString(repo.file(key), original.get(key));
            }
            if (!startedAgain) {
                context.getRouteController().startRoute(route);
            }
            int errors = stateErrors.size();
            for (Received r : poll(route)) {
                assertEquals(expected.get(r.shareId()), r.type(), "after the restore, made up for " + r.shareId());
                seen.merge(r.shareId(), 1, Integer::sum);
            }
            expected.forEach((id, type) -> assertEquals(1, seen.getOrDefault(id, 0), type + " of " + id + " once"));
            assertEquals(errors, stateErrors.size(), "no error once restored");
        }
        assertEquals(List.of(), poll(route), "settled");
        context.getRouteController().stopRoute(route);
        context.removeRoute(route);
    }

    /** Starts the route again; false if its start refused the state (an error naming the format key). */
    private boolean start(String route, Set<String> damaged) throws Exception {
        try {
            context.getRouteController().startRoute(route);
            return true;
        } catch (Exception e) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append(" / ");
            }
            assertTrue(damaged.contains(prefix()) && all.toString().contains("'" + prefix() + "'"), all.toString());
            return false;
        }
    }

    /** Damages the stored state one way; whether it changed anything (a flip may land on unused bits). */
    private boolean corrupt(String kind, DirectoryStateRepository repo, List<String> buckets, Set<String> damaged,
                            Random random) throws Exception {
        String key = kind.endsWith("FormatKey") ? prefix() : buckets.get(random.nextInt(buckets.size()));
        Path file = repo.file(key);
        if (!Files.exists(file)) {
            return false; // already deleted by an earlier corruption of this seed
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1); // garbage may be there
        if (text.isEmpty() && (kind.startsWith("flip") || kind.startsWith("truncate"))) {
            return false; // emptied by an earlier corruption of this seed
        }
        String damagedText;
        switch (kind) {
            case "flip", "flipFormatKey" -> {
                char[] c = text.toCharArray();
                int at = random.nextInt(c.length);
                c[at] = c[at] == 'Q' ? 'w' : 'Q';
                damagedText = new String(c);
                if (!kind.endsWith("FormatKey") && sameBytes(text, damagedText)) {
                    return false; // the last character's unused bits: the value is the same
                }
            }
            case "truncate", "truncateFormatKey" -> damagedText = text.substring(0, random.nextInt(text.length()));
            case "delete", "deleteFormatKey" -> damagedText = null;
            case "empty" -> damagedText = "";
            case "swap" -> {
                String other = buckets.get(random.nextInt(buckets.size()));
                Path otherFile = repo.file(other);
                if (other.equals(key) || !Files.exists(otherFile)
                    || java.util.Arrays.equals(Files.readAllBytes(otherFile), Files.readAllBytes(file))) {
                    return false;
                }
                byte[] theirs = Files.readAllBytes(otherFile);
                Files.write(otherFile, Files.readAllBytes(file));
                Files.write(file, theirs);
                damaged.add(other);
                damaged.add(key);
                return true;
            }
            case "garbage" -> {
                byte[] junk = new byte[1 + random.nextInt(200)];
                random.nextBytes(junk);
                damagedText = random.nextBoolean() ? Base64.getUrlEncoder().withoutPadding().encodeToString(junk)
                        : new String(junk, StandardCharsets.ISO_8859_1);
            }
            case "hugeLength" -> damagedText = hugeLength(key, random);
            default -> throw new IllegalArgumentException(kind);
        }
        if (damagedText == null) {
            Files.delete(file);
        } else {
            Files.writeString(file, damagedText, StandardCharsets.ISO_8859_1);
        }
        damaged.add(key);
        return true;
    }

    /** A short value with a valid checksum whose entry count or value length claims up to two billion. */
    private String hugeLength(String key, Random random) {
        int bucket = Integer.parseInt(key.substring(key.lastIndexOf('.') + 1));
        Bytes.Out out = new Bytes.Out();
        out.write(2);
        out.varint(bucket);
        out.int32(BucketFormat.crc(prefix().getBytes(StandardCharsets.UTF_8)));
        boolean count = random.nextBoolean();
        out.varint(count ? Integer.MAX_VALUE - random.nextInt(1000) : 1);
        out.id(new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        out.varint(count ? 4 : Integer.MAX_VALUE - random.nextInt(1000));
        out.writeBytes(new byte[4]);
        byte[] body = out.toByteArray();
        out.int32(BucketFormat.crc(body));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    private static boolean sameBytes(String a, String b) {
        try {
            return java.util.Arrays.equals(Base64.getUrlDecoder().decode(a), Base64.getUrlDecoder().decode(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void aStoreThatRefusesWritesFailsPollsTurnsReadinessDownAndDuplicatesNothing() throws Exception {
        HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        int failures = 0;
        for (long seed : STORE_SEEDS) {
            Random random = new Random(seed);
            simulator.reset();
            simulator.bulkCreateShares(fx.projectId(), 10 + random.nextInt(20));
            FailingStateRepository repo = new FailingStateRepository();
            String route = "f" + seed;
            context.getRegistry().bind("store" + seed, repo);
            consume(route, "frameio-shares:shareChanges?stateRepository=#store" + seed);
            poll(route);
            Set<String> edited = new HashSet<>();
            for (String id : simulator.shareIds()) {
                if (random.nextInt(3) == 0) {
                    simulator.editShare(id, Map.of("name", "edited " + seed));
                    edited.add(id);
                }
            }
            repo.failAfter(random.nextInt(edited.size() + 1));
            Map<String, Integer> seen = new HashMap<>();
            poll(route).forEach(r -> seen.merge(r.shareId(), 1, Integer::sum));
            if (repo.refused.get() > 0) {
                failures++;
                assertEquals(HealthCheck.State.DOWN, readiness(route), "seed " + seed);
                assertEquals(List.of(), poll(route), "seed " + seed + ": nothing new while writes fail");
            }
            repo.heal();
            poll(route).forEach(r -> seen.merge(r.shareId(), 1, Integer::sum));
            assertEquals(HealthCheck.State.UP, readiness(route), "seed " + seed);
            Map<String, Integer> once = new HashMap<>();
            edited.forEach(id -> once.put(id, 1));
            assertEquals(once, seen, "seed " + seed + ": every change once");
            context.getRouteController().stopRoute(route);
            context.getRouteController().startRoute(route);
            assertEquals(List.of(), poll(route), "seed " + seed + ": all of it written");
            context.getRouteController().stopRoute(route);
            context.removeRoute(route);
        }
        System.out.println("state store failures tried: " + failures + " over " + STORE_SEEDS.length + " seeds");
        assertTrue(failures >= STORE_SEEDS.length / 2, failures + " failing stores");
    }

    private HealthCheck.State readiness(String routeId) {
        return HealthCheckHelper.invoke(context, check -> Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS),
                        check -> !check.isReadiness(), "full").stream()
                .filter(r -> r.getCheck().getId().equals("consumer:" + routeId)).findFirst().orElseThrow().getState();
    }
}
