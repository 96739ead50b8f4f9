package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets shipped in the jar (classpath:/kamelets, Camel's default Kamelet location), each run end to end
 * against the simulator. The component is left unconfigured: everything comes from the Kamelets' properties, as in
 * a Pipe or a Camel JBang integration.
 */
class KameletsTest extends FrameioSharesTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void configure(FrameioSharesConfiguration config) {
        // nothing at component level
    }

    private String auth() {
        return "accountId=" + fx.accountId() + "&accessToken=" + fx.token() + "&baseUrl=" + fx.baseUrl()
               + "&imsUrl=" + fx.imsUrl();
    }

    private void routes(RouteBuilder builder) throws Exception {
        context.addRoutes(builder);
    }

    @Test
    void sinkCreatesAShareFromJson() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("kamelet:frameio-shares-sink?" + auth() + "&projectId=" + fx.projectId());
            }
        });
        Exchange result = template.send("direct:in", e -> e.getMessage().setBody(
                "{\"name\":\"From the sink\",\"access\":\"public\",\"asset_ids\":[\"" + fx.fileIds().get(0) + "\"]}"));
        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        assertEquals(1, simulator.shareCount());
        String id = simulator.shareIds().iterator().next();
        assertEquals("From the sink", simulator.share(id).path("name").asText());
    }

    @Test
    void sinkRunsAnyOperationOnTheShareOfTheHeader() throws Exception {
        String shareId = simulator.share(createShare("To delete")).path("id").asText();
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:delete").to("kamelet:frameio-shares-sink?" + auth() + "&operation=deleteShare");
            }
        });
        template.sendBodyAndHeader("direct:delete", null, FrameioSharesConstants.SHARE_ID, shareId);
        assertFalse(simulator.hasShare(shareId));
    }

    @Test
    void addAssetsActionAddsTheBodysAssetsAndReturnsTheShareAsJson() throws Exception {
        String shareId = createShare("Needs assets");
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:add").to("kamelet:frameio-shares-add-assets-action?" + auth() + "&shareId=" + shareId)
                        .to("mock:out");
            }
        });
        String out = template.requestBody("direct:add", fx.fileIds().get(1) + "," + fx.fileIds().get(2), String.class);
        JsonNode share = JSON.readTree(out);
        assertEquals(shareId, share.path("id").asText());
        assertEquals(2, simulator.requests().count("shares.add_asset"));
    }

    @Test
    void addReviewersActionInvitesThePeopleOfItsProperty() throws Exception {
        String shareId = createSecureShare("Needs reviewers");
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:review").to("kamelet:frameio-shares-add-reviewers-action?" + auth()
                                         + "&reviewers=" + fx.emails().get(0) + "," + fx.emails().get(1)
                                         + "&message=Please review&notifyByEmail=false");
            }
        });
        String body = template.requestBodyAndHeader("direct:review", "unchanged", FrameioSharesConstants.SHARE_ID,
                shareId, String.class);
        assertEquals("unchanged", body);
        List<String> emails = simulator.requests().recent().stream().map(Object::toString).toList();
        assertEquals(1, simulator.requests().count("shares.add_reviewers"), emails.toString());
        Exchange listed = template.send("frameio-shares:listReviewers?" + auth() + "&shareId=" + shareId, e -> { });
        assertEquals(2, listed.getMessage().getBody(List.class).size());
    }

    @Test
    void sourceEmitsShareChangesAsJson() throws Exception {
        String shareId = createShare("Watched");
        context.getRegistry().bind("sourceState", new MemoryStateRepository());
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:frameio-shares-source?" + auth() + "&projectId=" + fx.projectId()
                     + "&delay=100&stateRepository=#sourceState").to("seda:events");
            }
        });
        ConsumerTemplate consumer = context.createConsumerTemplate();
        long deadline = System.currentTimeMillis() + 10_000;
        while (simulator.requests().count("shares.index") == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // the baseline poll has finished
        simulator.editShare(shareId, Map.of("name", "Renamed"));
        Exchange event = consumer.receive("seda:events", 10_000);
        assertNotNull(event, "an event");
        assertEquals("updated", event.getMessage().getHeader(FrameioSharesConstants.EVENT_TYPE));
        assertEquals(List.of("name", "updated_at"), event.getMessage().getHeader(FrameioSharesConstants.CHANGED_FIELDS));
        assertEquals("application/json", event.getMessage().getHeader("Content-Type"));
        JsonNode share = JSON.readTree(event.getMessage().getBody(String.class));
        assertEquals("Renamed", share.path("name").asText());
        assertTrue(share.has("short_url"), "Frame.io's field names");
    }

    private String createShare(String name) {
        return createShare(name, "public");
    }

    private String createSecureShare(String name) {
        return createShare(name, "secure");
    }

    private String createShare(String name, String access) {
        Exchange created = template.send("frameio-shares:createShare?" + auth() + "&projectId=" + fx.projectId(),
                e -> e.getMessage().setBody(Map.of("name", name, "access", access, "asset_ids",
                        List.of(fx.fileIds().get(0)))));
        assertNull(created.getException(), () -> String.valueOf(created.getException()));
        return created.getMessage().getHeader(FrameioSharesConstants.SHARE_ID, String.class);
    }
}
