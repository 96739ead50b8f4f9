package io.github.camelframeio.frameio.client;

/**
 * What the steps of one call share while it runs: when its latest request went out (on {@link ServerClock}'s local
 * time), and how to abort the request in flight when the call's deadline passes. {@link RetryStep} makes one per
 * call; {@link TransportStep} reports each request to it.
 */
final class CallProgress {

    private final ServerClock clock;
    private final Runnable onFirstSend;
    private volatile long sentMicros;
    private Runnable abort;
    private boolean aborted;

    CallProgress(ServerClock clock, Runnable onFirstSend) {
        this.clock = clock;
        this.onFirstSend = onFirstSend;
    }

    /** A progress that nothing watches (for steps used alone). */
    static CallProgress untracked() {
        return new CallProgress(new ServerClock(), () -> { });
    }

    ServerClock clock() {
        return clock;
    }

    /** A request is going out now; {@code abortIt} ends it if the call is aborted (at once if it already was). */
    void sending(Runnable abortIt) {
        boolean first = sentMicros == 0;
        sentMicros = clock.nowMicros();
        if (first) {
            onFirstSend.run();
        }
        boolean abortNow;
        synchronized (this) {
            abort = abortIt;
            abortNow = aborted;
        }
        if (abortNow) {
            abortIt.run();
        }
    }

    /** Whether any request of the call went out, so that Frame.io may have seen it. */
    boolean anySent() {
        return sentMicros != 0;
    }

    /** When the latest request went out (local microseconds), or 0. */
    long sentMicros() {
        return sentMicros;
    }

    /** Aborts the request in flight, and any sent later. */
    void abort() {
        Runnable running;
        synchronized (this) {
            aborted = true;
            running = abort;
        }
        if (running != null) {
            running.run();
        }
    }
}
