package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.simulator.admin.FaultRule;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both checks through Camel's health-check API, as Spring Boot actuator, Quarkus and Camel Main report them: the
 * consumer is ready after its first successful poll; a producer is ready when one cheap call with its credential
 * works.
 */
class HealthChecksTest extends FrameioSharesTestSupport {

    /** Every readiness result, UP ones included (the default exposure shows only the DOWN ones). */
    private Collection<HealthCheck.Result> allReadiness() {
        return HealthCheckHelper.invoke(context, check -> Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS),
                check -> !check.isReadiness(), "full");
    }

    private HealthCheck.Result readiness(String id) {
        Collection<HealthCheck.Result> results = allReadiness();
        return results.stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + results.stream()
                        .map(r -> r.getCheck().getId()).toList()));
    }

    @Test
    void consumerIsReadyAfterItsFirstSuccessfulPoll() throws Exception {
        HealthCheckHelper.getHealthCheckRepository(context, "consumers"); // as Camel Main, Spring Boot and Quarkus do
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("frameio-shares:shareChanges?startScheduler=false").routeId("watch").to("mock:changes");
            }
        });
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("watch").getConsumer();
        assertEquals(HealthCheck.State.DOWN, readiness("consumer:watch").getState(), "not polled yet");

        simulator.faults(FaultRule.status("shares.index", 401));
        consumer.run();
        HealthCheck.Result failed = readiness("consumer:watch");
        assertEquals(HealthCheck.State.DOWN, failed.getState(), "a failed first poll is not ready");
        assertTrue(failed.getError().isPresent());

        simulator.clearFaults();
        consumer.run();
        assertEquals(HealthCheck.State.UP, readiness("consumer:watch").getState());
    }

    @Test
    void producerCheckMakesOneCheapAuthenticatedCall() throws Exception {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true); // Camel's producer checks are opt-in (camel.health.producersEnabled=true)
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").routeId("good").to("frameio-shares:getShare");
                from("direct:bad").routeId("bad").to("frameio-shares:getShare?accessToken=not-a-token");
            }
        });
        long before = apiCalls("shares.index");
        Map<String, HealthCheck.Result> results = new java.util.HashMap<>();
        allReadiness().forEach(r -> results.put(r.getCheck().getId(), r));
        HealthCheck.Result good = results.values().stream().filter(r -> r.getCheck().getId().startsWith("producer:frameio-shares")
                                                                      && r.getState() == HealthCheck.State.UP).findFirst().orElseThrow();
        HealthCheck.Result bad = results.values().stream().filter(r -> r.getCheck().getId().startsWith("producer:frameio-shares")
                                                                     && r.getState() == HealthCheck.State.DOWN).findFirst().orElseThrow();
        assertEquals("listShares page_size=1", good.getDetails().get("check"));
        assertEquals(401, bad.getDetails().get(org.apache.camel.impl.health.AbstractHealthCheck.SERVICE_STATUS_CODE));
        assertEquals(before + 2, apiCalls("shares.index"), "one list call per check");
        assertFalse(bad.getMessage().orElse("").contains("not-a-token"), "no secret in the report");

        simulator.faults(FaultRule.status("shares.index", 429));
        allReadiness().stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:frameio-shares"))
                .forEach(r -> assertEquals(HealthCheck.State.UP, r.getState(), "429: the credential works"));
    }
}
