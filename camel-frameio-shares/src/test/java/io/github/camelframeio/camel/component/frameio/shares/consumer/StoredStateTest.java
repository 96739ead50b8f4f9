package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.frameio.client.FrameioJson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a consumer leaves on disk: with stateDirectory, a directory of its own that it creates; passphrases only as
 * slow salted hashes (and the fast hashes of older versions replaced by those), a change still noticed across a
 * restart.
 */
class StoredStateTest extends ConsumerTestSupport {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path tmp;

    private String prefix() {
        return "frameio-shares.shareChanges." + fx.accountId() + "." + fx.projectId();
    }

    /** The stored form of a share's passphrase, read back from the state's bucket. */
    private static byte[] storedPassphrase(String prefix, String text, String shareId) {
        ShareCodec codec = new ShareCodec(FrameioJson.newObjectMapper());
        List<byte[]> found = new ArrayList<>();
        new BucketFormat(prefix).readBucket(BucketedState.bucket(shareId), text, false, (id, value) -> {
            if (id.equals(shareId)) {
                found.add(codec.storedPassphrase(ShareRecord.FORMAT.read(new Bytes.In(value)).share()));
            }
        });
        return found.get(0);
    }

    @Test
    void stateDirectoryCreatesTheDirectoryAndAResumedConsumerEmitsWhatChanged() throws Exception {
        String a = admin.createShare("A", "public", List.of(fx.fileIds().get(0)));
        Path dir = tmp.resolve("var/lib/frameio");
        consume("first", "frameio-shares:shareChanges?stateDirectory=" + dir);
        poll("first");
        assertTrue(Files.isDirectory(dir));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.count() >= 2, "the format key and a bucket, one file each");
        }
        context.getRouteController().stopRoute("first");
        context.removeRoute("first");
        admin.edit(a, Map.of("name", "while down"));
        consume("second", "frameio-shares:shareChanges?stateDirectory=" + dir);
        assertEquals(List.of("updated"), types(poll("second")));
    }

    @Test
    void thePassphraseIsKeptOnlyAsASlowSaltedHashAndAChangeIsNoticedAfterARestart() throws Exception {
        String a = admin.createShare("Secret", "secure", List.of(fx.fileIds().get(0)));
        admin.edit(a, Map.of("passphrase", PASSPHRASE));
        Path dir = tmp.resolve("state");
        consume("first", "frameio-shares:shareChanges?stateDirectory=" + dir);
        poll("first");
        long derived = PassphraseHashes.derivations();
        assertEquals(List.of(), poll("first"));
        assertEquals(derived, PassphraseHashes.derivations(), "an unchanged passphrase costs no derivation");

        Path bucket = new io.github.camelframeio.camel.component.frameio.shares.state.DirectoryStateRepository(dir)
                .file(prefix() + "." + BucketedState.bucket(a));
        String text = Files.readString(bucket);
        byte[] raw = Base64.getUrlDecoder().decode(text);
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains("horse"), "not the passphrase");
        byte[] stored = storedPassphrase(prefix(), text, a);
        assertEquals(PassphraseHashes.KDF, stored[0]);
        byte[] fast = PassphraseHashes.legacy(a, PASSPHRASE);
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest((a + PASSPHRASE).getBytes(StandardCharsets.UTF_8));
        for (byte[] guess : List.of(fast, sha, Arrays.copyOf(sha, 16))) {
            assertTrue(indexOf(raw, guess) < 0, "no fast hash of id and passphrase");
        }
        assertTrue(new PassphraseHashes().matches(a, PASSPHRASE, stored), "a PBKDF2 key of the passphrase");
        assertFalse(new PassphraseHashes().matches(a, "correct horse battery stapler", stored));
        assertEquals(PassphraseHashes.ITERATIONS, new Bytes.In(stored, 1, stored.length).varint());

        context.getRouteController().stopRoute("first");
        context.removeRoute("first");
        admin.edit(a, Map.of("passphrase", "another one"));
        consume("second", "frameio-shares:shareChanges?stateDirectory=" + dir); // a new consumer: nothing cached
        List<Received> events = poll("second");
        assertEquals(List.of("updated"), types(events));
        assertEquals(List.of("updated_at", "passphrase"), events.get(0).changedFields());
        byte[] after = storedPassphrase(prefix(), Files.readString(bucket), a);
        assertFalse(Arrays.equals(stored, after), "a new salt and key");
        assertEquals(List.of(), poll("second"));
    }

    @Test
    void fastHashesOfTheFirstFormatAreReadAndReplacedBySlowOnes() throws Exception {
        String a = admin.createShare("Secret", "secure", List.of(fx.fileIds().get(0)));
        admin.edit(a, Map.of("passphrase", PASSPHRASE));
        FailingStateRepository repo = new FailingStateRepository();
        context.getRegistry().bind("state", repo);
        consume("first", "frameio-shares:shareChanges?stateRepository=#state");
        poll("first");
        context.getRouteController().stopRoute("first");
        context.removeRoute("first");
        downgradeToTheFirstFormat(repo, prefix(), a);
        assertEquals("frameio-shares-state/1;1024", repo.getState(prefix()));

        consume("second", "frameio-shares:shareChanges?stateRepository=#state");
        assertEquals(List.of(), poll("second"), "the old hash still tells the passphrase did not change");
        assertTrue(repo.getState(prefix()).startsWith("frameio-shares-state/2;"), "rewritten in the new format");
        byte[] stored = storedPassphrase(prefix(), repo.getState(prefix() + "." + BucketedState.bucket(a)), a);
        assertEquals(PassphraseHashes.KDF, stored[0], "and the hash in the slow form");
        admin.edit(a, Map.of("passphrase", "changed"));
        List<Received> events = poll("second");
        assertEquals(List.of("updated_at", "passphrase"), events.get(0).changedFields());
    }

    /** Writes the state as version 1 wrote it: no checksums, no bucket set, SHA-256 of id and passphrase. */
    private static void downgradeToTheFirstFormat(FailingStateRepository repo, String prefix, String shareId) {
        ShareCodec codec = new ShareCodec(FrameioJson.newObjectMapper());
        BucketFormat format = new BucketFormat(prefix);
        for (int b = 0; b < BucketedState.BUCKETS; b++) {
            String text = repo.getState(prefix + "." + b);
            if (text == null) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            List<byte[]> values = new ArrayList<>();
            format.readBucket(b, text, false, (id, value) -> {
                ShareRecord r = ShareRecord.FORMAT.read(new Bytes.In(value));
                if (id.equals(shareId)) {
                    byte[] legacy = new byte[17];
                    legacy[0] = PassphraseHashes.LEGACY;
                    System.arraycopy(PassphraseHashes.legacy(id, PASSPHRASE), 0, legacy, 1, 16);
                    r = r.withShare(codec.withStoredPassphrase(r.share(), legacy));
                }
                Bytes.Out out = new Bytes.Out();
                ShareRecord.FORMAT.write(out, r);
                ids.add(id);
                values.add(out.toByteArray());
            });
            Bytes.Out bucket = new Bytes.Out();
            bucket.varint(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                bucket.id(ids.get(i));
                bucket.block(values.get(i));
            }
            repo.values.put(prefix + "." + b, Base64.getUrlEncoder().withoutPadding().encodeToString(bucket.toByteArray()));
        }
        repo.values.put(prefix, "frameio-shares-state/1;1024");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void storedFormsAreNeverEqualForEqualPassphrases() {
        PassphraseHashes hashes = new PassphraseHashes();
        byte[] one = hashes.stored("a", PASSPHRASE, null);
        byte[] two = hashes.stored("b", PASSPHRASE, null);
        assertFalse(Arrays.equals(one, two), "a salt of each share's own");
        assertArrayEquals(one, hashes.stored("a", PASSPHRASE, one), "unchanged: the same stored form");
    }
}
