package io.github.camelframeio.examples.jms;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Two routes joined by a JMS queue, so that share changes are picked up once and may be handled by any number of
 * consumers, at their own pace, across restarts of either side.
 */
@Component
public class ShareEventRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // Frame.io -> queue: every share created, updated, viewed or deleted in the project, as JSON text messages.
        // Account, project, credentials and URLs come from camel.component.frameio-shares.* (the starter).
        from("frameio-shares:shareChanges?delay={{share-events.poll-delay}}")
                .routeId("share-changes-to-jms")
                .transform().message(ShareEvent::of)
                .marshal().json(JsonLibrary.Jackson)
                .to("jms:queue:{{share-events.queue}}?jmsMessageType=Text");

        // queue -> people: one readable line per event, logged and appended to the notifications file
        from("jms:queue:{{share-events.queue}}")
                .routeId("share-notifications")
                .unmarshal().json(JsonLibrary.Jackson, ShareEvent.class)
                .transform().body(ShareEvent.class, ShareEvent::notification)
                .log("${body}")
                .transform(body().append("\n"))
                .to("file:{{share-events.notifications-directory}}?fileName=share-notifications.log&fileExist=Append");
    }
}
