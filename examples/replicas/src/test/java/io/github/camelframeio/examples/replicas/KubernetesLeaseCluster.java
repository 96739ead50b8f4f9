package io.github.camelframeio.examples.replicas;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Camel's {@code KubernetesClusterService} (camel-kubernetes) against fabric8's mock API server in CRUD mode on
 * loopback: a coordination.k8s.io Lease, and a Pod per replica that the launcher creates Ready when the replica
 * starts and deletes when it is killed or stopped, as Kubernetes would (the service hands leadership only to
 * replicas whose Pod is ready).
 */
final class KubernetesLeaseCluster implements ClusterSetup, AutoCloseable {

    static final String NAMESPACE = "frameio";

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;
    private final Duration leaseDuration;
    private final Duration renewDeadline;
    private final Duration retryPeriod;

    KubernetesLeaseCluster(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        this.leaseDuration = leaseDuration;
        this.renewDeadline = renewDeadline;
        this.retryPeriod = retryPeriod;
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public Map<String, String> replicaProperties(String replica) {
        // an address, not "localhost": the client's Vert.x resolver would look the name up in DNS
        return Map.of("replica.kubernetes-master-url", "http://127.0.0.1:" + server.getPort() + "/",
                "replica.kubernetes-namespace", NAMESPACE,
                "replica.lease-duration-ms", Long.toString(leaseDuration.toMillis()),
                "replica.renew-deadline-ms", Long.toString(renewDeadline.toMillis()),
                "replica.retry-period-ms", Long.toString(retryPeriod.toMillis()));
    }

    @Override
    public void replicaStarting(String replica) {
        client.pods().inNamespace(NAMESPACE).resource(pod(replica, true)).create();
    }

    /** A frozen JVM fails its readiness probe: the kubelet marks the Pod not ready. */
    @Override
    public void replicaPaused(String replica) {
        client.pods().inNamespace(NAMESPACE).resource(pod(replica, false)).update();
    }

    @Override
    public void replicaResumed(String replica) {
        client.pods().inNamespace(NAMESPACE).resource(pod(replica, true)).update();
    }

    private static Pod pod(String name, boolean ready) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).addToLabels("app", "frameio-replicas")
                .endMetadata()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready")
                .withStatus(ready ? "True" : "False").endCondition().endStatus()
                .build();
    }

    @Override
    public void replicaGone(String replica) {
        client.pods().inNamespace(NAMESPACE).withName(replica).delete();
    }

    /**
     * The lease, plus one retry period for a follower's next look at it (stretched by Camel's default jitter factor
     * of 1.2): a leader renews at least every retry period, so its lease runs out at most a lease duration after it
     * died.
     */
    @Override
    public Duration lease() {
        return leaseDuration.plus(retryPeriod.multipliedBy(12).dividedBy(10));
    }

    @Override
    public boolean takeoverOnPause() {
        return true;
    }

    @Override
    public String describe() {
        return "KubernetesClusterService on a mock API server, leaseDurationMillis " + leaseDuration.toMillis()
               + ", renewDeadlineMillis " + renewDeadline.toMillis() + ", retryPeriodMillis " + retryPeriod.toMillis()
               + " (lease " + lease().toMillis() + " ms)";
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
