package io.github.camelframeio.frameio.simulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.api.Json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What reached the simulator's API (everything but {@code /_sim}): a total, a count per operation and the most
 * recent requests.
 */
public final class RequestLog {

    /**
     * One logged request.
     *
     * @param method    HTTP method
     * @param path      request path as sent (without the query)
     * @param query     raw query, may be null
     * @param status    response status, 0 when the connection was reset or closed instead
     * @param operation operationId ({@code shares.show}, {@code ims.token}), null for an unknown route
     * @param fault     the injected fault, null when none
     */
    public record Entry(String method, String path, String query, int status, String operation, String fault) {
    }

    private final int capacity;
    private final AtomicLong total = new AtomicLong();
    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final Deque<Entry> recent = new ArrayDeque<>();

    public RequestLog(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    public void record(Entry entry) {
        total.incrementAndGet();
        if (entry.operation() != null) {
            byOperation.computeIfAbsent(entry.operation(), k -> new LongAdder()).increment();
        }
        synchronized (recent) {
            recent.addLast(entry);
            while (recent.size() > capacity) {
                recent.removeFirst();
            }
        }
    }

    public long total() {
        return total.get();
    }

    public long count(String operationId) {
        LongAdder n = byOperation.get(operationId);
        return n == null ? 0 : n.sum();
    }

    public List<Entry> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    public void clear() {
        total.set(0);
        byOperation.clear();
        synchronized (recent) {
            recent.clear();
        }
    }

    public ObjectNode toJson() {
        ObjectNode body = Json.object();
        body.put("total", total());
        ObjectNode ops = body.putObject("by_operation");
        new TreeMap<>(byOperation).forEach((k, v) -> ops.put(k, v.sum()));
        ArrayNode list = body.putArray("recent");
        for (Entry e : recent()) {
            ObjectNode n = list.addObject();
            n.put("method", e.method());
            n.put("path", e.path());
            if (e.query() != null) {
                n.put("query", e.query());
            }
            n.put("status", e.status());
            n.put("operation", e.operation());
            if (e.fault() != null) {
                n.put("fault", e.fault());
            }
        }
        return body;
    }
}
