package io.github.camelframeio.frameio.simulator.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.Attributes;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request head is still arriving a deadline after its first byte.
 * <p>
 * Jetty's idle timeout restarts with every byte, so a client that sends a header a byte at a time ("slowloris")
 * would hold its connection for ever, and Jetty 12's core server has no deadline for a whole head. This one is
 * measured from the connection's own counters: a head is in progress when bytes have come in since the last request
 * ended and no new request has been parsed. A sweep every quarter deadline closes the connections whose head has
 * been in progress for a whole deadline; a connection that sends nothing is left to the idle timeout, and a request
 * whose head is in is the handler's (its body has its own deadline).
 */
final class RequestHeadDeadline extends AbstractLifeCycle implements Connection.Listener {

    /** The connection attribute holding its {@link Watch}, which the handler tells when a request has ended. */
    static final String ATTRIBUTE = RequestHeadDeadline.class.getName();

    /** What the deadline knows of one connection. */
    static final class Watch {
        private final Connection connection;
        private volatile long settledBytes;
        private volatile long settledRequests;
        private long headSince; // sweep thread only; 0 while no head is in progress

        private Watch(Connection connection) {
            this.connection = connection;
        }

        /** A request has been answered: what came in until now belongs to it. */
        void requestEnded() {
            settledBytes = connection.getBytesIn();
            settledRequests = connection.getMessagesIn();
        }

        private boolean expired(long now, long deadlineNanos) {
            boolean headInProgress = connection.getMessagesIn() == settledRequests
                                     && connection.getBytesIn() > settledBytes;
            if (!headInProgress) {
                headSince = 0;
                return false;
            }
            if (headSince == 0) {
                // the head began within the last sweep interval; counting from here errs on the client's side
                headSince = now == 0 ? 1 : now;
                return false;
            }
            return now - headSince >= deadlineNanos;
        }
    }

    private final Scheduler scheduler;
    private final long deadlineNanos;
    private final long sweepNanos;
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();
    private volatile Scheduler.Task next;

    RequestHeadDeadline(Scheduler scheduler, long deadlineNanos) {
        this.scheduler = scheduler;
        this.deadlineNanos = deadlineNanos;
        this.sweepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), deadlineNanos / 4);
    }

    @Override
    public void onOpened(Connection connection) {
        Watch watch = new Watch(connection);
        watches.put(connection, watch);
        if (connection instanceof Attributes attributes) {
            attributes.setAttribute(ATTRIBUTE, watch);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        watches.remove(connection);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        schedule();
    }

    @Override
    protected void doStop() throws Exception {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
        watches.clear();
        super.doStop();
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            next = scheduler.schedule(this::sweep, sweepNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void sweep() {
        try {
            long now = NanoTime.now();
            for (Watch watch : watches.values()) {
                if (watch.expired(now, deadlineNanos)) {
                    watches.remove(watch.connection);
                    watch.connection.getEndPoint().close();
                }
            }
        } finally {
            schedule();
        }
    }
}
