package io.github.camelframeio.examples.replicas;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.spi.PollingConsumerPollStrategy;

import java.io.PrintStream;

/**
 * What a replica tells the launcher, one {@link ReplicaLine} per fact on stdout: leadership taken and lost, the first
 * poll of each leadership, failed polls, and every event the route saw (before the idempotent step) and emitted
 * (after it). It is the route's bean, the consumer's {@code pollStrategy} and a leadership listener of the cluster
 * view at once, so that every line comes from the place that knows the fact.
 */
public final class ReplicaMarks implements PollingConsumerPollStrategy, CamelClusterEventListener.Leadership {

    private final String replica;
    private final PrintStream out;
    private volatile boolean leading;
    private volatile Consumer lastPolled;

    public ReplicaMarks(String replica, PrintStream out) {
        this.replica = replica;
        this.out = out;
    }

    /** The route's first step: the event as the consumer emitted it, before the idempotent step. */
    public void seen(Exchange exchange) {
        mark(ReplicaLine.Kind.SEEN, describe(exchange));
    }

    /** The route's last step: the event after the idempotent step, i.e. what reaches the rest of the integration. */
    public void emitted(Exchange exchange) {
        mark(ReplicaLine.Kind.EMITTED, describe(exchange));
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        // master: creates a new consumer for each leadership, so a new instance is the first poll of one
        if (consumer != lastPolled) {
            lastPolled = consumer;
            mark(ReplicaLine.Kind.FIRST_POLL, "");
        }
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        // nothing to tell: the events themselves are marked by the route
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        mark(ReplicaLine.Kind.POLL_FAILED, cause.getClass().getSimpleName() + ": " + message);
        return false;
    }

    @Override
    public void leadershipChanged(CamelClusterView view, CamelClusterMember leader) {
        boolean local = leader != null && leader.isLocal();
        if (local && !leading) {
            leading = true;
            mark(ReplicaLine.Kind.LEADERSHIP_TAKEN, view.getNamespace());
        } else if (!local && leading) {
            leading = false;
            mark(ReplicaLine.Kind.LEADERSHIP_LOST, leader == null ? "no leader" : "leader " + leader.getId());
        }
    }

    /** Whether this replica holds the leadership, as its cluster view last said. */
    public boolean leading() {
        return leading;
    }

    void mark(ReplicaLine.Kind kind, String detail) {
        // println flushes: the line is in the output file even if the JVM is killed right after
        out.println(new ReplicaLine(System.currentTimeMillis(), replica, kind, detail).format());
    }

    private static String describe(Exchange exchange) {
        var in = exchange.getMessage();
        return in.getHeader(FrameioSharesConstants.SHARE_ID, String.class) + " "
               + in.getHeader(FrameioSharesConstants.EVENT_TYPE, String.class) + " "
               + in.getHeader(ReplicaLine.EVENT_ID_HEADER, String.class) + " "
               + exchange.getProperty(Exchange.BATCH_SIZE, 1, Integer.class);
    }
}
