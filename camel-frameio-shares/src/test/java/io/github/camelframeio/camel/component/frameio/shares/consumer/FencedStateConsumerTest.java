package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateFencedException;
import io.github.camelframeio.camel.component.frameio.shares.state.JdbcStateRepository;
import io.github.camelframeio.frameio.client.model.ShareActivity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas (two CamelContexts, each with its own JdbcStateRepository) on one PostgreSQL and one Frame.io: the
 * replica that starts later claims the state, and the one that led before is fenced: its next write is refused, its
 * poll fails, its readiness goes DOWN and it emits nothing more, while the new leader goes on with nothing lost and
 * nothing repeated except the one event the old leader had in flight (which carries the same event id).
 */
class FencedStateConsumerTest extends ConsumerTestSupport {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static final AtomicInteger TABLES = new AtomicInteger();

    private String table;
    /** The other replica, and what its route received. */
    private CamelContext replicaB;
    private final List<String> receivedByB = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void replicaA() {
        HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        table = "fenced_" + TABLES.incrementAndGet();
        context.getRegistry().bind("state", store());
        receivedByB.clear();
    }

    @AfterEach
    void stopReplicaB() throws Exception {
        if (replicaB != null) {
            replicaB.close();
            replicaB = null;
        }
    }

    private JdbcStateRepository store() {
        JdbcStateRepository repository = new JdbcStateRepository();
        repository.setDataSource(dataSource);
        repository.setTableName(table);
        return repository;
    }

    /** Starts replica B with the same route (scheduler off) on the same table: its consumer claims the state. */
    private void startReplicaB(String routeId, String uri) throws Exception {
        replicaB = io.github.camelframeio.camel.component.frameio.shares.FrameioSharesTestSupport.startContext(simulator,
                config -> {
                    config.setConsumerCallsPerMinute(60_000);
                    config.setReviewerCallsPerMinute(60_000);
                });
        replicaB.getRegistry().bind("state", store());
        replicaB.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&startScheduler=false").routeId(routeId)
                        .process(e -> receivedByB.add(e.getMessage().getHeader(FrameioSharesConstants.EVENT_ID, String.class)));
            }
        });
    }

    private List<String> pollB(String routeId) {
        int before = receivedByB.size();
        ((ScheduledPollConsumer) replicaB.getRoute(routeId).getConsumer()).run();
        return new ArrayList<>(receivedByB.subList(before, receivedByB.size()));
    }

    private HealthCheck.State readiness(String routeId) {
        return HealthCheckHelper.invoke(context, check -> Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS),
                        check -> !check.isReadiness(), "full").stream()
                .filter(r -> r.getCheck().getId().equals("consumer:" + routeId)).findFirst().orElseThrow().getState();
    }

    private static List<String> ids(List<Received> events) {
        return events.stream().map(Received::eventId).toList();
    }

    @Test
    void theOldLeaderOfShareChangesIsFencedAndTheNewOneLosesAndRepeatsNothing() throws Exception {
        List<String> shares = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shares.add(admin.createShare("S" + i, "public", List.of(fx.fileIds().get(0))));
        }
        String uri = "frameio-shares:shareChanges?stateRepository=#state";
        consume("changes", uri);
        assertEquals(List.of(), poll("changes"), "replica A leads: the baseline");
        admin.edit(shares.get(0), Map.of("name", "first edit"));
        List<Received> first = poll("changes");
        assertEquals(List.of("updated"), types(first));
        assertEquals(HealthCheck.State.UP, readiness("changes"));

        startReplicaB("changes", uri); // B becomes leader while A still runs (paused, partitioned, lease lost)
        admin.edit(shares.get(1), Map.of("name", "second edit"));
        int errors = stateErrors.size();
        List<Received> inFlight = poll("changes");
        assertEquals(1, inFlight.size(), "A emits the change it had before its write, which is refused");
        assertTrue(stateErrors.size() > errors && stateErrors.get(errors) instanceof FrameioSharesStateFencedException,
                stateErrors.toString());
        assertEquals(HealthCheck.State.DOWN, readiness("changes"));

        long listingsBefore = apiCalls("shares.index");
        assertEquals(List.of(), poll("changes"), "A emits nothing more");
        assertEquals(listingsBefore, apiCalls("shares.index"), "and does not even list the shares");
        assertEquals(HealthCheck.State.DOWN, readiness("changes"));

        List<String> byB = pollB("changes");
        assertEquals(ids(inFlight), byB, "B emits the change A had in flight, with the same event id; not the first");
        admin.edit(shares.get(2), Map.of("name", "third edit"));
        byB.addAll(pollB("changes"));
        assertEquals(List.of(), poll("changes"));

        Set<String> delivered = new HashSet<>(ids(first));
        byB.forEach(delivered::add);
        assertEquals(3, delivered.size(), "each change once after the idempotent step: " + delivered);
        assertEquals(3, Set.copyOf(byB).size() + 1, "B repeated nothing of what A had written");

        // A leads again (B stopped): it claims again, reads what B wrote and emits only what is new
        replicaB.getRouteController().stopRoute("changes");
        context.getRouteController().stopRoute("changes");
        context.getRouteController().startRoute("changes");
        assertEquals(List.of(), poll("changes"), "nothing B emitted comes again");
        admin.edit(shares.get(0), Map.of("name", "fourth edit"));
        assertEquals(List.of("updated"), types(poll("changes")));
        assertEquals(HealthCheck.State.UP, readiness("changes"));
    }

    @Test
    void theOldLeaderOfShareActivityIsFencedToo() throws Exception {
        String share = admin.createShare("A", "public", List.of(fx.fileIds().get(0)));
        String asset = fx.fileIds().get(0);
        String uri = "frameio-shares:shareActivity?stateRepository=#state&shareId=" + share;
        consume("activity", uri);
        poll("activity");
        String item1 = admin.activity(share, "asset_viewed", asset);
        assertEquals(List.of(item1), poll("activity").stream().map(r -> ((ShareActivity) r.body()).getId()).toList());

        startReplicaB("activity", uri);
        String item2 = admin.activity(share, "asset_downloaded", asset);
        List<Received> inFlight = poll("activity");
        assertEquals(List.of(item2), ids(inFlight), "the activity id is the event id");
        assertEquals(HealthCheck.State.DOWN, readiness("activity"));
        String item3 = admin.activity(share, "comment_created", asset);
        assertEquals(List.of(), poll("activity"));
        assertEquals(List.of(item2, item3), pollB("activity"), "B: from what A wrote, nothing lost");
        assertEquals(List.of(), pollB("activity"));
    }

    @Test
    void yamlBeansBindTheStoreAndTheIdempotentStepOnOneDatabase() throws Exception {
        String share = admin.createShare("Y", "public", List.of(fx.fileIds().get(0)));
        org.apache.camel.main.Main main = new org.apache.camel.main.Main();
        main.configure().withRoutesIncludePattern("classpath:routes/frameio-shares-replicated.yaml");
        main.addInitialProperty("camel.component.frameio-shares.base-url", fx.baseUrl());
        main.addInitialProperty("camel.component.frameio-shares.ims-url", fx.imsUrl());
        main.addInitialProperty("camel.component.frameio-shares.access-token", fx.token());
        main.addInitialProperty("camel.component.frameio-shares.account-id", fx.accountId());
        main.addInitialProperty("camel.component.frameio-shares.project-id", fx.projectId());
        main.addInitialProperty("frameio.jdbc-url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        main.start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (rows("SELECT count(*) FROM yaml_state WHERE state_key = 'frameio-shares.shareChanges." + fx.accountId()
                        + "." + fx.projectId() + "'") == 0) {
                assertTrue(System.nanoTime() < deadline, "the baseline was never written to yaml_state");
                Thread.onSpinWait();
            }
            admin.edit(share, Map.of("name", "Y2"));
            org.apache.camel.Exchange delivered = main.getCamelContext().createConsumerTemplate()
                    .receive("seda:delivered", 20_000);
            assertTrue(delivered != null, "the change was delivered");
            String eventId = delivered.getMessage().getHeader(FrameioSharesConstants.EVENT_ID, String.class);
            assertEquals(1, rows("SELECT count(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'frameio-share-changes'"
                                 + " AND messageId = '" + eventId + "'"), "the idempotent step recorded " + eventId);
            assertEquals(1, rows("SELECT count(*) FROM yaml_state_claims"), "the consumer claimed its state");
        } finally {
            main.stop();
        }
    }

    private static long rows(String sql) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
