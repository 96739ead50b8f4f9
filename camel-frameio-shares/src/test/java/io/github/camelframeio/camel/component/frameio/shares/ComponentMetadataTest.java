package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.model.Share;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated metadata is what tooling (catalog, YAML DSL, Kaoto, IDEs) reads, and the generated URI factory and
 * configurers are what Camel uses at run time.
 */
class ComponentMetadataTest extends FrameioSharesTestSupport {

    @Test
    void catalogDescribesEveryOperationOptionAndSecret() throws Exception {
        String json = ((CatalogCamelContext) context).getComponentParameterJsonSchema("frameio-shares");
        JsonNode schema = new ObjectMapper().readTree(json);
        assertEquals("frameio-shares:operation", schema.at("/component/syntax").asText());
        List<String> operations = new ArrayList<>();
        schema.at("/properties/operation/enum").forEach(o -> operations.add(o.asText()));
        assertEquals(List.of("listShares", "getShare", "createShare", "updateShare", "deleteShare", "addAsset",
                "removeAsset", "listShareAssets", "addReviewers", "listReviewers", "removeReviewers",
                "listShareActivities", "shareChanges", "shareActivity"), operations);
        assertEquals(false, schema.at("/component/producerOnly").asBoolean(), "from() works too");
        assertEquals("30000", schema.at("/properties/delay/defaultValue").asText());
        for (String option : List.of("startFrom", "stateRepository", "stateDirectory", "stateKey", "stateRecovery",
                "reviewerChanges", "assetChanges",
                "consumerCallsPerMinute", "reviewerCallsPerMinute", "maxMessagesPerPoll")) {
            assertTrue(schema.at("/properties/" + option + "/group").asText().startsWith("consumer"), option);
        }
        for (String secret : List.of("accessToken", "clientSecret", "refreshToken")) {
            assertTrue(schema.at("/properties/" + secret + "/secret").asBoolean(), secret);
            assertTrue(schema.at("/componentProperties/" + secret + "/secret").asBoolean(), secret);
        }
        schema.get("properties").fields().forEachRemaining(p ->
                assertTrue(p.getValue().path("description").asText().length() > 10, p.getKey() + " is documented"));
        assertEquals(19, schema.get("headers").size());
        for (String header : List.of("CamelFrameioSharesEventType", "CamelFrameioSharesChangedFields",
                "CamelFrameioSharesChangedItems", "CamelFrameioSharesShareId", "CamelFrameioSharesEventId")) {
            assertTrue(schema.at("/headers/" + header + "/description").asText().length() > 20, header);
        }
    }

    @Test
    void uriFactoryMasksSecretsAndBuildsUris() throws Exception {
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("frameio-shares");
        assertTrue(factory.secretPropertyNames().containsAll(List.of("accessToken", "clientSecret", "refreshToken")));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("operation", "getShare");
        props.put("shareId", "b5fb37a0-4ca3-489f-aada-b257e3edda1f");
        props.put("accessToken", "t+ken&x");
        String uri = factory.buildUri("frameio-shares", props);
        assertTrue(uri.startsWith("frameio-shares:getShare?"), uri);
        assertTrue(uri.contains("accessToken=RAW(t+ken&x)"), uri);
    }

    @Test
    void anInjectedClientBeanIsUsedAsIs() throws Exception {
        try (FrameioSharesClient client = FrameioSharesClient.builder().baseUrl(fx.baseUrl()).accessToken(fx.token()).build();
             CamelContext other = new DefaultCamelContext()) {
            other.getRegistry().bind("myFrameio", client);
            other.start();
            Exchange exchange = other.createProducerTemplate().send("frameio-shares:createShare?accountId=" + fx.accountId()
                                                                    + "&projectId=" + fx.projectId(),
                    e -> e.getMessage().setBody(Map.of("name", "Injected", "access", "public")));
            assertNull(exchange.getException());
            assertEquals("Injected", exchange.getMessage().getBody(Share.class).getName());
            FrameioSharesEndpoint endpoint = (FrameioSharesEndpoint) other.getEndpoints().stream()
                    .filter(FrameioSharesEndpoint.class::isInstance).findFirst().orElseThrow();
            assertEquals(client, endpoint.getClient(), "autowired from the registry");
        }
    }
}
