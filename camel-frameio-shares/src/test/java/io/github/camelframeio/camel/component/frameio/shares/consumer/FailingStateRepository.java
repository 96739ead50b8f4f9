package io.github.camelframeio.camel.component.frameio.shares.consumer;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A state repository in memory that can be made to refuse writes, as a full disk or a database that went away
 * would: {@link #failAfter} more writes succeed, then every write throws until {@link #heal()}. Its keys can be
 * read, changed and removed directly, as an operator or a broken disk would.
 */
class FailingStateRepository extends ServiceSupport implements StateRepository<String, String> {

    final Map<String, String> values = new TreeMap<>();
    private final AtomicInteger allowed = new AtomicInteger(Integer.MAX_VALUE);
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();

    /** The next {@code n} writes succeed, then every write fails. */
    void failAfter(int n) {
        allowed.set(n);
    }

    void heal() {
        allowed.set(Integer.MAX_VALUE);
    }

    @Override
    public synchronized void setState(String key, String value) {
        if (allowed.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) <= 0) {
            refused.incrementAndGet();
            throw new IllegalStateException("No space left on device (a test store refusing writes)");
        }
        writes.incrementAndGet();
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    @Override
    public synchronized String getState(String key) {
        return values.get(key);
    }

    /** A copy of every key and value, as a crash at this moment would leave them. */
    synchronized Map<String, String> snapshot() {
        return new TreeMap<>(values);
    }

    @Override
    public String toString() {
        return "FailingStateRepository";
    }
}
