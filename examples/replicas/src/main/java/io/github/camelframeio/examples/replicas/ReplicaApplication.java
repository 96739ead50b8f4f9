package io.github.camelframeio.examples.replicas;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.cluster.ClusterServiceHelper;

import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One replica: a Camel Main application whose route ({@code replica/feed.yaml}) follows the project's share changes
 * under {@code master:}, with its state and its idempotent step in PostgreSQL. Every replica runs the same route;
 * the cluster service ({@code replica/cluster-file.yaml} or {@code replica/cluster-kubernetes.yaml}, chosen with
 * {@code -Dreplica.cluster}) makes one of them the leader, and only the leader's consumer polls.
 * <p>
 * Configuration: system properties {@code replica.*} (see {@code replica/application.properties}) and the environment
 * variable {@code FRAMEIO_ACCESS_TOKEN}, so that the token never shows on a command line.
 */
public final class ReplicaApplication {

    /** The {@code master:} namespace, the same on every replica. */
    public static final String NAMESPACE = "frameio-shares-feed";

    private ReplicaApplication() {
    }

    public static void main(String[] args) throws Exception {
        String name = System.getProperty("replica.name");
        String cluster = System.getProperty("replica.cluster", "file");
        if (name == null || name.isBlank()) {
            System.err.println("-Dreplica.name is required");
            System.exit(2);
        }
        ReplicaMarks marks = new ReplicaMarks(name, System.out);
        Main main = new Main();
        // not the default classpath:application.properties, which would be any jar's on a shared classpath
        main.setDefaultPropertyPlaceholderLocation("classpath:replica/application.properties");
        main.bind("replicaMarks", marks);
        // A cluster service declared with camel.beans.* is bound too late for master: ("No cluster service
        // found"); the YAML beans block is read with the routes, in time
        main.addOverrideProperty("camel.main.routes-include-pattern",
                "classpath:replica/cluster-" + cluster + ".yaml,classpath:replica/feed.yaml");
        main.addMainListener(new Marks(marks, Long.getLong("replica.readiness-after", 1500)));
        main.run();
    }

    /** Tells the launcher when the context started and stops, and what readiness said once the replica settled. */
    private static final class Marks extends MainListenerSupport {
        private final ReplicaMarks marks;
        private final long readinessAfter;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "replica-readiness");
            thread.setDaemon(true);
            return thread;
        });

        Marks(ReplicaMarks marks, long readinessAfter) {
            this.marks = marks;
            this.readinessAfter = readinessAfter;
        }

        @Override
        public void afterStart(BaseMainSupport main) {
            CamelContext context = main.getCamelContext();
            CamelClusterService service = ClusterServiceHelper.mandatoryLookupService(context);
            try {
                service.getView(NAMESPACE).addEventListener(marks);
                // and what readiness says once the new leader's consumer runs
                service.getView(NAMESPACE).addEventListener((CamelClusterEventListener.Leadership) (view, leader) -> {
                    if (leader != null && leader.isLocal()) {
                        timer.schedule(() -> readiness(context), 2 * readinessAfter, TimeUnit.MILLISECONDS);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException("Cannot watch the leadership of " + NAMESPACE, e);
            }
            marks.mark(ReplicaLine.Kind.STARTED, service.getClass().getSimpleName() + " " + service.getId());
            timer.schedule(() -> readiness(context), readinessAfter, TimeUnit.MILLISECONDS);
        }

        @Override
        public void beforeStop(BaseMainSupport main) {
            marks.mark(ReplicaLine.Kind.STOPPING, "");
        }

        private void readiness(CamelContext context) {
            Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
            boolean up = results.stream().allMatch(r -> r.getState() == HealthCheck.State.UP);
            String checks = results.stream()
                    .map(r -> r.getCheck().getId() + "=" + r.getState())
                    .sorted()
                    .collect(Collectors.joining(","));
            marks.mark(ReplicaLine.Kind.READINESS, (up ? "UP" : "DOWN") + " leading=" + marks.leading() + " " + checks);
        }
    }
}
