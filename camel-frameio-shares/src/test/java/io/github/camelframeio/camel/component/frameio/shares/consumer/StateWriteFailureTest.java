package io.github.camelframeio.camel.component.frameio.shares.consumer;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A state repository that refuses writes (a full disk, a database gone) fails the poll, turns the consumer's
 * readiness DOWN and stops the emitting: the next polls first write what was already emitted, and emit nothing new
 * until that works; once it does, every change arrives once.
 */
class StateWriteFailureTest extends ConsumerTestSupport {

    final FailingStateRepository repo = new FailingStateRepository();

    @BeforeEach
    void healthChecks() {
        HealthCheckHelper.getHealthCheckRepository(context, "consumers"); // as Camel Main, Spring Boot and Quarkus do
        context.getRegistry().bind("state", repo);
    }

    private HealthCheck.State readiness(String routeId) {
        return HealthCheckHelper.invoke(context, check -> Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS),
                        check -> !check.isReadiness(), "full").stream()
                .filter(r -> r.getCheck().getId().equals("consumer:" + routeId)).findFirst().orElseThrow().getState();
    }

    @Test
    void aRefusedWriteFailsThePollAndNothingMoreIsEmittedUntilItIsWritten() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(admin.createShare("S" + i, "public", List.of(fx.fileIds().get(0))));
        }
        consume("changes", "frameio-shares:shareChanges?stateRepository=#state");
        poll("changes");
        assertEquals(HealthCheck.State.UP, readiness("changes"));
        for (String id : ids) {
            admin.edit(id, Map.of("name", "renamed " + id));
        }
        repo.failAfter(2); // the disk fills up after two events were recorded
        List<Received> first = poll("changes");
        assertEquals(3, first.size(), "the third event went through the route, its write failed, the poll stopped");
        assertEquals(HealthCheck.State.DOWN, readiness("changes"));
        assertTrue(consumer("changes").getErrorCounter() > 0);
        assertTrue(!stateErrors.isEmpty() && stateErrors.get(0).getMessage().contains("FailingStateRepository"),
                stateErrors.toString());

        int refused = repo.refused.get();
        assertEquals(List.of(), poll("changes"), "nothing new while the write still fails");
        assertTrue(repo.refused.get() > refused, "the next poll tried to write first");
        assertEquals(HealthCheck.State.DOWN, readiness("changes"));

        repo.heal();
        List<Received> rest = poll("changes");
        assertEquals(HealthCheck.State.UP, readiness("changes"));
        Set<String> once = new HashSet<>();
        for (Received r : first) {
            assertTrue(once.add(r.shareId()), "no duplicate: " + r.shareId());
        }
        for (Received r : rest) {
            assertTrue(once.add(r.shareId()), "no duplicate: " + r.shareId());
        }
        assertEquals(new HashSet<>(ids), once, "every change once");

        context.getRouteController().stopRoute("changes");
        context.getRouteController().startRoute("changes");
        assertEquals(List.of(), poll("changes"), "and all of it was written: nothing again after a restart");
    }

    @Test
    void aRefusedBaselineIsWrittenByTheNextPoll() throws Exception {
        String a = admin.createShare("A", "public", List.of(fx.fileIds().get(0)));
        admin.createShare("B", "public", List.of(fx.fileIds().get(0)));
        consume("changes", "frameio-shares:shareChanges?stateRepository=#state");
        repo.failAfter(1); // the format key says "baseline", then the first bucket is refused
        assertEquals(List.of(), poll("changes"));
        assertEquals(HealthCheck.State.DOWN, readiness("changes"));
        repo.heal();
        admin.edit(a, Map.of("name", "A2"));
        assertEquals(List.of("updated"), types(poll("changes")));
        context.getRouteController().stopRoute("changes");
        context.getRouteController().startRoute("changes");
        assertEquals(List.of(), poll("changes"), "the baseline and the update were written");
    }

    @Test
    void theActivityConsumerStopsEmittingToo() throws Exception {
        String a = admin.createShare("A", "public", List.of(fx.fileIds().get(0)));
        consume("activity", "frameio-shares:shareActivity?stateRepository=#state&shareId=" + a);
        poll("activity");
        String asset = fx.fileIds().get(0);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(admin.activity(a, "asset_viewed", asset));
        }
        repo.failAfter(1);
        assertEquals(2, poll("activity").size());
        assertEquals(HealthCheck.State.DOWN, readiness("activity"));
        assertEquals(List.of(), poll("activity"));
        repo.heal();
        List<Received> rest = poll("activity");
        assertEquals(items.subList(2, 4), rest.stream().map(r -> ((io.github.camelframeio.frameio.client.model.ShareActivity)
                r.body()).getId()).toList(), "the rest, none twice");
        assertEquals(HealthCheck.State.UP, readiness("activity"));
    }
}
