package io.github.camelframeio.frameio.client.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps one access token and fetches the next one shortly before it expires (10% of its lifetime, at most a
 * minute early). Only one fetch runs at a time, however many calls need a token: with rotating refresh tokens two
 * concurrent refreshes would spend the same token twice and break the chain.
 */
public abstract class CachingTokenProvider implements AccessTokenProvider {

    private record Cached(String token, Instant refreshAt) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CachingTokenProvider.class);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

    private final Clock clock;
    private final AtomicReference<CompletableFuture<Cached>> current = new AtomicReference<>();

    protected CachingTokenProvider(Clock clock) {
        this.clock = clock;
    }

    /** Obtains a fresh token from IMS. Called by one thread at a time. */
    protected abstract CompletableFuture<ImsToken> fetch();

    @Override
    public CompletableFuture<String> accessToken() {
        while (true) {
            CompletableFuture<Cached> existing = current.get();
            if (existing != null && (!existing.isDone() || usable(existing))) {
                return existing.thenApply(Cached::token);
            }
            CompletableFuture<Cached> next = new CompletableFuture<>();
            if (current.compareAndSet(existing, next)) {
                Instant requested = clock.instant();
                fetch().whenComplete((token, error) -> {
                    if (error != null) {
                        LOG.debug("Could not obtain an access token for {}: {}", credentialId(), error.toString());
                        current.compareAndSet(next, null); // the next call tries again
                        next.completeExceptionally(error);
                    } else {
                        LOG.debug("Obtained an access token for {}, valid for {} s", credentialId(), token.expiresInSeconds());
                        long lifetime = Math.max(1, token.expiresInSeconds()) * 1000;
                        long margin = Math.min(MAX_MARGIN.toMillis(), lifetime / 10);
                        next.complete(new Cached(token.accessToken(), requested.plusMillis(lifetime - margin)));
                    }
                });
                return next.thenApply(Cached::token);
            }
        }
    }

    private boolean usable(CompletableFuture<Cached> done) {
        return !done.isCompletedExceptionally() && clock.instant().isBefore(done.join().refreshAt());
    }

    @Override
    public boolean invalidate(String token) {
        CompletableFuture<Cached> existing = current.get();
        if (existing != null && existing.isDone() && !existing.isCompletedExceptionally()
            && existing.join().token().equals(token)) {
            current.compareAndSet(existing, null);
        }
        return true;
    }
}
