package io.github.camelframeio.frameio.simulator.state;

import java.util.Random;
import java.util.UUID;

/**
 * Seeded identifier generator, so that the same seed and the same sequence of requests give the same ids.
 */
public final class Ids {

    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private final Random random;

    public Ids(long seed) {
        this.random = new Random(seed);
    }

    /** A random (version 4) UUID drawn from the seeded generator. */
    public synchronized String uuid() {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    public synchronized String alphanumeric(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(chars);
    }

    public synchronized String hex(int bytes) {
        StringBuilder sb = new StringBuilder(bytes * 2);
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", random.nextInt(256)));
        }
        return sb.toString();
    }

    public synchronized double nextDouble() {
        return random.nextDouble();
    }
}
