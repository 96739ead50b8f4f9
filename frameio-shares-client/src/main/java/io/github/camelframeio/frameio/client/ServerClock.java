package io.github.camelframeio.frameio.client;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What this client knows of Frame.io's clock: bounds on {@code offset = server time - local time}, in
 * microseconds, narrowed by every answer and never guessed.
 * <p>
 * An answer sent between local times {@code t1} (request sent) and {@code t2} (answer received) with
 * {@code Date: D} (whole seconds) was dated when the server's clock read between {@code D} and {@code D + 1 s}, so
 * {@code D - t2 <= offset < D + 1 s - t1}. The bounds of many answers intersect; a share this client created
 * ({@code created_at} in microseconds, set while the request was in flight) bounds the offset to one round trip.
 * Bounds age: local and server clocks may drift apart by {@link #DRIFT_PPM} millionths, so each bound widens with
 * time since it was observed. Local time is the wall clock at start plus {@link System#nanoTime()}, so that a wall
 * clock set back or forth while the client runs does not move it.
 * <p>
 * The reconciler reads it to tell a share created by an attempt from one created just before it (see
 * {@link Reconciler}). Thread-safe.
 */
final class ServerClock {

    /** How fast two clocks may drift apart, in millionths (quartz clocks without NTP: tens of ppm). */
    static final long DRIFT_PPM = 200;
    private static final long SECOND = 1_000_000;
    private static final long UNKNOWN_LOW = Long.MIN_VALUE / 4;
    private static final long UNKNOWN_HIGH = Long.MAX_VALUE / 4;

    private final long wallAtStartMicros = System.currentTimeMillis() * 1000;
    private final long nanoAtStart = System.nanoTime();

    private long low = UNKNOWN_LOW;
    private long lowAt;
    private long high = UNKNOWN_HIGH;
    private long highAt;

    /** Local time now, in microseconds since the epoch (monotonic). */
    long nowMicros() {
        return wallAtStartMicros + (System.nanoTime() - nanoAtStart) / 1000;
    }

    /** Takes the bounds an answer's {@code Date} header gives; ignores a missing or malformed one. */
    void observeDate(String dateHeader, long sentMicros, long receivedMicros) {
        if (dateHeader == null) {
            return;
        }
        long serverSecond;
        try {
            serverSecond = ZonedDateTime.parse(dateHeader, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond() * SECOND;
        } catch (DateTimeParseException e) {
            return; // a hostile or broken Date says nothing: no bound from it
        }
        observe(serverSecond - receivedMicros, serverSecond + SECOND - sentMicros);
    }

    /** Takes the bounds of a server timestamp set while a request was in flight (e.g. a created share's created_at). */
    void observeStamp(Instant serverTime, long sentMicros, long receivedMicros) {
        long server = serverTime.getEpochSecond() * SECOND + serverTime.getNano() / 1000;
        observe(server - receivedMicros, server - sentMicros + 1);
    }

    private synchronized void observe(long lowBound, long highBound) {
        long now = nowMicros();
        if (lowBound > currentLow(now)) {
            low = lowBound;
            lowAt = now;
        }
        if (highBound < currentHigh(now)) {
            high = highBound;
            highAt = now;
        }
    }

    /** The lowest the offset may be now, in microseconds; very negative when nothing was observed. */
    synchronized long lowMicros() {
        return currentLow(nowMicros());
    }

    /** The highest (exclusive) the offset may be now, in microseconds; very large when nothing was observed. */
    synchronized long highMicros() {
        return currentHigh(nowMicros());
    }

    /** Whether any answer bounded the offset from both sides. */
    synchronized boolean isKnown() {
        return low != UNKNOWN_LOW && high != UNKNOWN_HIGH;
    }

    private long currentLow(long now) {
        return low == UNKNOWN_LOW ? UNKNOWN_LOW : low - (now - lowAt) * DRIFT_PPM / SECOND;
    }

    private long currentHigh(long now) {
        return high == UNKNOWN_HIGH ? UNKNOWN_HIGH : high + (now - highAt) * DRIFT_PPM / SECOND;
    }

    /** A local time as an instant on the server's clock, by the lowest offset possible. */
    Instant earliestServerTime(long localMicros) {
        return toInstant(localMicros + lowMicros());
    }

    /** A local time as an instant on the server's clock, by the highest offset possible. */
    Instant latestServerTime(long localMicros) {
        return toInstant(localMicros + highMicros());
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * SECOND + instant.getNano() / 1000;
    }

    private static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, SECOND), Math.floorMod(micros, SECOND) * 1000);
    }

    @Override
    public synchronized String toString() {
        return isKnown() ? "ServerClock[offset " + lowMicros() / 1000 + ".." + highMicros() / 1000 + " ms]"
                : "ServerClock[offset unknown]";
    }
}
