package io.github.camelframeio.examples.replicas;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What people do in the web app while the replicas fail: create shares, rename, open and delete them, through the
 * simulator. Each change promises exactly one event ({@code shareId eventType}): a share is renamed, viewed or
 * deleted at most once, and only one created before the replicas started, so that two changes never merge into one
 * event and a re-emitted event keeps its id.
 */
public final class WebAppChanges {

    private static final String[] CYCLE = {"created", "updated", "created", "viewed", "created", "deleted"};

    private final FrameioSimulator simulator;
    private final String projectId;
    private final List<String> expected = new ArrayList<>();
    private final Deque<String> untouched = new ArrayDeque<>();
    private int step;

    public WebAppChanges(FrameioSimulator simulator, String projectId) {
        this.simulator = simulator;
        this.projectId = projectId;
    }

    /** Shares that exist before the replicas start; each will be emitted as {@code created} and changed once later. */
    public synchronized void createInitial(int count) {
        for (String id : create(count)) {
            untouched.add(id);
        }
    }

    /** Makes the next change and returns the event it promises, {@code shareId eventType}. */
    public synchronized String change() {
        String type = untouched.isEmpty() ? "created" : CYCLE[step % CYCLE.length];
        step++;
        if (type.equals("created")) {
            return create(1).get(0) + " created";
        }
        String shareId = untouched.poll();
        switch (type) {
            case "updated" -> simulator.editShare(shareId, Map.of("name", "Renamed in the web app " + step));
            case "viewed" -> simulator.viewShare(shareId);
            default -> simulator.deleteShare(shareId);
        }
        String event = shareId + " " + type;
        expected.add(event);
        return event;
    }

    /** Every event the changes so far promise, {@code shareId eventType}, in the order they were made. */
    public synchronized List<String> expected() {
        return List.copyOf(expected);
    }

    private List<String> create(int count) {
        Set<String> before = new HashSet<>(simulator.shareIds());
        simulator.bulkCreateShares(projectId, count);
        List<String> created = new ArrayList<>(simulator.shareIds());
        created.removeAll(before);
        if (created.size() != count) {
            throw new IllegalStateException("Expected " + count + " new shares, the simulator made " + created.size());
        }
        created.forEach(id -> expected.add(id + " created"));
        return created;
    }
}
