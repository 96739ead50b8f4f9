package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Camel Main with YAML DSL routes, the component configured only through camel.component.frameio-shares.*
 * properties, as a user's application would be.
 */
class CamelMainYamlTest {

    private static FrameioSimulator simulator;
    private static SimulatorFixtures fx;

    @BeforeAll
    static void start() {
        simulator = FrameioSimulator.builder().rateLimits(false).start();
        fx = simulator.fixtures();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void yamlRoutesWithComponentProperties() throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/frameio-shares-routes.yaml");
        main.addInitialProperty("camel.component.frameio-shares.base-url", fx.baseUrl());
        main.addInitialProperty("camel.component.frameio-shares.ims-url", fx.imsUrl());
        main.addInitialProperty("camel.component.frameio-shares.client-id", fx.clientId());
        main.addInitialProperty("camel.component.frameio-shares.client-secret", fx.clientSecret());
        main.addInitialProperty("camel.component.frameio-shares.account-id", fx.accountId());
        main.addInitialProperty("camel.component.frameio-shares.project-id", fx.projectId());
        main.addInitialProperty("frameio.asset-ids", fx.assetIds().get(0) + "," + fx.folderIds().get(0));
        main.addInitialProperty("frameio.reviewers", fx.emails().get(1) + ", guest@example.org");
        main.start();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            Exchange created = template.send("direct:create-share", e -> e.getMessage().setBody(
                    "{\"name\":\"Dailies from YAML\",\"access\":\"secure\"}"));
            assertNull(created.getException(), () -> String.valueOf(created.getException()));
            Share share = created.getMessage().getBody(Share.class);
            assertEquals("Dailies from YAML", share.getName());
            assertEquals(List.of(fx.assetIds().get(0), fx.folderIds().get(0)),
                    created.getMessage().getHeader(FrameioSharesConstants.ASSET_IDS));
            assertEquals(share.getId(), created.getMessage().getBody(Share.class).getId(), "addReviewers keeps the body");
            assertEquals(1, simulator.requests().count("shares.add_reviewers"));
            assertEquals(1, simulator.requests().count("ims.token"), "server-to-server token from the properties");

            simulator.bulkCreateShares(fx.projectId(), 3);
            Exchange listed = template.send("direct:list-shares", e -> { });
            List<?> shares = listed.getMessage().getBody(List.class);
            assertEquals(4, shares.size());
            assertEquals(4, listed.getMessage().getHeader(FrameioSharesConstants.TOTAL_COUNT));
            assertEquals("Bulk share 2", ((Share) shares.get(0)).getName(), "sorted by name");
            assertEquals("Dailies from YAML", ((Share) shares.get(3)).getName());
            assertEquals(2, simulator.requests().count("shares.index"), "pages of 2");
        } finally {
            main.stop();
        }
    }

    @Test
    void yamlConsumerWithAStateDirectory(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        simulator.reset();
        simulator.bulkCreateShares(fx.projectId(), 2);
        String first = simulator.shareIds().stream().sorted().findFirst().orElseThrow();
        Path stateFile = dir.resolve("state");

        Main main = consumerMain(stateFile);
        try {
            waitForPolls(main, 1);
            simulator.editShare(first, Map.of("name", "Renamed in the web app"));
            Exchange updated = main.getCamelContext().createConsumerTemplate().receive("seda:share-events", 10_000);
            assertNotNull(updated, "an updated event");
            assertEquals("updated", updated.getMessage().getHeader(FrameioSharesConstants.EVENT_TYPE));
            assertEquals(List.of("name", "updated_at"), updated.getMessage().getHeader(FrameioSharesConstants.CHANGED_FIELDS));
        } finally {
            main.stop();
        }
        simulator.viewShare(first); // while no application runs
        Main again = consumerMain(stateFile);
        try {
            Exchange viewed = again.getCamelContext().createConsumerTemplate().receive("seda:share-events", 10_000);
            assertNotNull(viewed, "the view that happened while it was down");
            assertEquals("viewed", viewed.getMessage().getHeader(FrameioSharesConstants.EVENT_TYPE));
            assertEquals(first, viewed.getMessage().getHeader(FrameioSharesConstants.SHARE_ID));
            assertNull(again.getCamelContext().createConsumerTemplate().receive("seda:share-events", 500), "only that");
        } finally {
            again.stop();
        }
        try (var files = Files.list(stateFile)) {
            assertEquals(true, files.count() > 1, "the format key and a bucket");
        }
    }

    private static Main consumerMain(Path stateFile) throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/frameio-shares-consumer.yaml");
        main.addInitialProperty("camel.component.frameio-shares.base-url", fx.baseUrl());
        main.addInitialProperty("camel.component.frameio-shares.access-token", fx.token());
        main.addInitialProperty("camel.component.frameio-shares.account-id", fx.accountId());
        main.addInitialProperty("camel.component.frameio-shares.project-id", fx.projectId());
        main.addInitialProperty("frameio.state-dir", stateFile.toString());
        main.start();
        return main;
    }

    /** Waits until the consumer has polled {@code n} times (the first poll is the baseline). */
    private static void waitForPolls(Main main, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (simulator.requests().count("shares.index") < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        var consumer = (org.apache.camel.support.ScheduledPollConsumer) main.getCamelContext()
                .getRoute("yaml-share-changes").getConsumer();
        while (!consumer.isFirstPollDone() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }
}
