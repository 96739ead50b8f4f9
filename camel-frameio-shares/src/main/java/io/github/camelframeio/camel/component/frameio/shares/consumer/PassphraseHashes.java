package io.github.camelframeio.camel.component.frameio.shares.consumer;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the state keeps instead of a share's passphrase: enough to notice that it changed, and slow to turn back
 * into the passphrase. Stored form (tag {@link #KDF}): PBKDF2WithHmacSHA256 iterations, a random 16-byte salt of the
 * share's own and the 32-byte key. Verifying a passphrase against it costs one derivation, so each share's
 * passphrase known good is remembered in memory, by an HMAC under a random key made at start (never stored), and
 * polls that find it unchanged derive nothing. State written before (tag {@link #LEGACY}: a fast SHA-256 of share id
 * and passphrase) is still compared, and each such entry is replaced by the slow form the first time its passphrase
 * is seen unchanged ({@link #drainMigrations()}). Thread-safe: a big listing is encoded on several threads.
 */
final class PassphraseHashes {

    /** Tag of the stored form written by older versions: SHA-256 of "id:passphrase", first 16 bytes. */
    static final int LEGACY = 9;
    /** Tag of the stored form: iterations, salt, PBKDF2 key. */
    static final int KDF = 10;
    /**
     * 30,000 iterations of HMAC-SHA256: about 12 ms a share on one core of the machine of docs/benchmarks.md
     * (measured: 9 ms for 10,000, 28 ms for 60,000, 41 ms for 100,000), so a first poll of 10,000 shares of which
     * 1,000 have a passphrase spends about 12 s of CPU deriving, spread over the cores, and a dictionary guess costs
     * 60,000 SHA-256 compressions instead of one. OWASP's 600,000 would make that first poll take minutes.
     */
    static final int ITERATIONS = 30_000;
    private static final int SALT = 16;
    private static final int KEY_BITS = 256;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec cacheKey;
    private final ThreadLocal<Mac> macs;
    private final int iterations;
    /** Per share: the HMAC of the passphrase last verified or derived, and its stored form. */
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, byte[]> migrations = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong DERIVATIONS = new java.util.concurrent.atomic.AtomicLong();

    private record Known(byte[] mac, byte[] stored) {
    }

    PassphraseHashes() {
        this(ITERATIONS);
    }

    PassphraseHashes(int iterations) {
        this.iterations = iterations;
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.cacheKey = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(cacheKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is always available", e);
            }
        });
    }

    /**
     * The stored form for a share's passphrase (tag included): {@code before} (the stored form last emitted, or
     * null) when the passphrase still matches it, otherwise a new one.
     */
    byte[] stored(String shareId, String passphrase, byte[] before) {
        byte[] mac = mac(shareId, passphrase);
        Known last = known.get(shareId);
        boolean sameAsLast = last != null && MessageDigest.isEqual(last.mac, mac);
        if (sameAsLast && (before == null || Arrays.equals(last.stored, before))) {
            return last.stored;
        }
        if (before != null && matches(shareId, passphrase, before)) {
            if (before[0] == LEGACY) {
                // unchanged, in the old form: compare as before, and have the state rewritten in the slow form
                byte[] slow = sameAsLast && last.stored[0] == KDF ? last.stored : derive(passphrase);
                known.put(shareId, new Known(mac, slow));
                migrations.put(shareId, slow);
                return before;
            }
            known.put(shareId, new Known(mac, before));
            return before;
        }
        if (sameAsLast && last.stored[0] == KDF) {
            return last.stored; // changed, and already derived by an earlier poll whose event did not go through
        }
        byte[] fresh = derive(passphrase);
        known.put(shareId, new Known(mac, fresh));
        return fresh;
    }

    /** The shares whose stored form is the old fast hash and should be replaced by the given slow one. */
    Map<String, byte[]> drainMigrations() {
        Map<String, byte[]> drained = Map.copyOf(migrations);
        drained.keySet().forEach(migrations::remove);
        return drained;
    }

    /** Whether a stored form (tag included) is that of the passphrase. */
    boolean matches(String shareId, String passphrase, byte[] stored) {
        if (stored.length == 17 && stored[0] == LEGACY) {
            return MessageDigest.isEqual(Arrays.copyOfRange(stored, 1, 17), legacy(shareId, passphrase));
        }
        if (stored.length < 2 || stored[0] != KDF) {
            return false;
        }
        Bytes.In in = new Bytes.In(stored, 1, stored.length);
        int rounds = in.varint();
        byte[] salt = in.bytes(SALT);
        byte[] key = in.bytes(in.remaining());
        return MessageDigest.isEqual(key, pbkdf2(passphrase, salt, rounds));
    }

    private byte[] derive(String passphrase) {
        byte[] salt = new byte[SALT];
        random.nextBytes(salt);
        Bytes.Out out = new Bytes.Out();
        out.write(KDF);
        out.varint(iterations);
        out.writeBytes(salt);
        out.writeBytes(pbkdf2(passphrase, salt, iterations));
        return out.toByteArray();
    }

    /** The length of a stored form of this tag that starts at {@code in}'s position (tag read already). */
    static int skip(int tag, Bytes.In in) {
        if (tag == LEGACY) {
            in.bytes(16);
            return 16;
        }
        int start = in.position();
        in.varint();
        in.bytes(SALT + KEY_BITS / 8);
        return in.position() - start;
    }

    /** Key derivations this JVM ran so far (new stored forms and verifications): steady polls run none. */
    static long derivations() {
        return DERIVATIONS.get();
    }

    private static byte[] pbkdf2(String passphrase, byte[] salt, int rounds) {
        DERIVATIONS.incrementAndGet();
        return kdf(passphrase, salt, rounds);
    }

    static byte[] kdf(String passphrase, byte[] salt, int rounds) {
        if (rounds < 1 || rounds > 10_000_000) {
            throw new Bytes.Corrupt("a passphrase hash of " + rounds + " iterations");
        }
        PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), salt, rounds, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is always available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The fast hash of older versions, only to recognise their stored forms. */
    static byte[] legacy(String shareId, String passphrase) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((shareId + ":" + passphrase).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(hash, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private byte[] mac(String shareId, String passphrase) {
        Mac mac = macs.get();
        mac.update(shareId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(passphrase.getBytes(StandardCharsets.UTF_8));
    }
}
