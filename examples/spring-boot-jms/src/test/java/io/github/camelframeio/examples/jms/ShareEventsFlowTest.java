package io.github.camelframeio.examples.jms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application against a Frame.io simulator: shares changed as a person would in the web app become JSON
 * events on the embedded Artemis queue, and the notification route turns each into one line, in order.
 * The application runs as it ships (starter, routes, embedded broker, application.properties); only the component's
 * URLs, credential, account and project point at the simulator, and it polls every 200 ms.
 */
@SpringBootTest
class ShareEventsFlowTest {

    /** Started before the Spring context, whose properties point at it. */
    private static final FrameioSimulator FRAMEIO = FrameioSimulator.builder().rateLimits(false).start();
    private static final Path NOTIFICATIONS = temporaryDirectory();

    @DynamicPropertySource
    static void frameio(DynamicPropertyRegistry properties) {
        SimulatorFixtures fixtures = FRAMEIO.fixtures();
        properties.add("camel.component.frameio-shares.base-url", FRAMEIO::baseUrl);
        properties.add("camel.component.frameio-shares.ims-url", FRAMEIO::imsUrl);
        properties.add("camel.component.frameio-shares.client-id", fixtures::clientId);
        properties.add("camel.component.frameio-shares.client-secret", fixtures::clientSecret);
        properties.add("camel.component.frameio-shares.account-id", fixtures::accountId);
        properties.add("camel.component.frameio-shares.project-id", fixtures::projectId);
        // the simulator starts without shares: from the beginning, whenever the first poll happens, the events are
        // exactly this test's changes
        properties.add("camel.component.frameio-shares.start-from", () -> "beginning");
        // polls every 200 ms would spend the default allowance (50 list calls a minute) in 10 seconds
        properties.add("camel.component.frameio-shares.consumer-calls-per-minute", () -> 1000);
        properties.add("share-events.poll-delay", () -> 200);
        properties.add("share-events.notifications-directory", NOTIFICATIONS::toString);
    }

    @AfterAll
    static void stopFrameio() throws IOException {
        FRAMEIO.close();
        try (Stream<Path> files = Files.walk(NOTIFICATIONS)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CamelContext camel;
    @Autowired
    private ConnectionFactory connectionFactory;
    @Value("${share-events.queue}")
    private String queue;

    @Test
    void webAppChangesArriveAsNotificationsInOrder() {
        // created through the component (the same configuration as the consumer), then changed in the "web app"
        Share share = template.requestBody("frameio-shares:createShare",
                Map.of("name", "Hero cut review", "access", "public"), Share.class);
        String id = share.getId();
        awaitNotifications(id, 1);

        FRAMEIO.editShare(id, Map.of("name", "Hero cut review v2", "commenting_enabled", false));
        awaitNotifications(id, 2);

        FRAMEIO.viewShare(id);
        awaitNotifications(id, 3);

        FRAMEIO.deleteShare(id);
        awaitNotifications(id, 4);

        assertThat(notificationsAbout(id)).containsExactly(
                "Share \"Hero cut review\" was created (public, " + share.getShortUrl() + ") [" + id + "]",
                "Share \"Hero cut review v2\" was updated: name, commenting_enabled, updated_at [" + id + "]",
                "Share \"Hero cut review v2\" was viewed [" + id + "]",
                "Share \"Hero cut review v2\" was deleted [" + id + "]");
    }

    @Test
    void eventsOnTheQueueAreJsonForAnyConsumer() throws Exception {
        // take the notification route off the queue for a moment and read the event as another consumer would
        camel.getRouteController().stopRoute("share-notifications");
        try {
            Share share = template.requestBody("frameio-shares:createShare",
                    Map.of("name", "Dailies", "access", "secure"), Share.class);
            JmsTemplate jms = new JmsTemplate(connectionFactory);
            jms.setReceiveTimeout(15_000);
            Message message = jms.receive(queue);

            assertThat(message).isInstanceOf(TextMessage.class);
            JsonNode event = new ObjectMapper().readTree(((TextMessage) message).getText());
            assertThat(event.get("type").asText()).isEqualTo("created");
            assertThat(event.get("shareId").asText()).isEqualTo(share.getId());
            assertThat(event.get("name").asText()).isEqualTo("Dailies");
            assertThat(event.get("shortUrl").asText()).isEqualTo(share.getShortUrl());
            assertThat(event.get("access").asText()).isEqualTo("secure");
            assertThat(event.get("changedFields").isArray()).isTrue();
            assertThat(event.get("changedFields")).isEmpty();
        } finally {
            camel.getRouteController().startRoute("share-notifications");
        }
    }

    private static void awaitNotifications(String shareId, int count) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(notificationsAbout(shareId)).hasSizeGreaterThanOrEqualTo(count));
    }

    /** The notification lines about one share (the other test's share may have some too). */
    private static List<String> notificationsAbout(String shareId) {
        return notifications().stream().filter(line -> line.endsWith("[" + shareId + "]")).toList();
    }

    private static List<String> notifications() {
        Path file = NOTIFICATIONS.resolve("share-notifications.log");
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("share-notifications");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
