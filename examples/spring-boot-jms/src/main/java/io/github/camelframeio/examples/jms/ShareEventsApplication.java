package io.github.camelframeio.examples.jms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Frame.io share changes on a JMS queue: {@link ShareEventRoutes} publishes every change of the project's shares as a
 * JSON {@link ShareEvent} to a queue of the embedded ActiveMQ Artemis broker, and notifies from that queue.
 * The frameio-shares component is configured by {@code camel.component.frameio-shares.*} in application.properties.
 */
@SpringBootApplication
public class ShareEventsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShareEventsApplication.class, args);
    }
}
