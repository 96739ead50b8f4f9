package io.github.camelframeio.examples.quarkus;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application end to end: its HTTP routes and its shareChanges consumer against a real (simulated) Frame.io,
 * checked against what the simulator holds afterwards.
 */
@QuarkusTest
@WithTestResource(FrameioSimulatorResource.class)
class FrameioSharesRoutesTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(15);

    @InjectFrameioSimulator
    FrameioSimulator simulator;

    @BeforeEach
    void consumerHasTakenItsBaseline() {
        // startFrom=now: a share created before the consumer's first listing would be part of its baseline
        await("the consumer's first listing").atMost(EVENT_TIMEOUT)
                .until(() -> simulator.requests().count("shares.index") > 0);
    }

    @Test
    void postSharesCreatesTheShareInFrameio() {
        String fileId = simulator.fixtures().fileIds().get(0);

        String shareId = given().contentType(ContentType.JSON)
                .body("{\"name\": \"Dailies for the client\", \"access\": \"public\","
                        + " \"asset_ids\": [\"" + fileId + "\"]}")
                .when().post("/shares")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("name", equalTo("Dailies for the client"))
                .body("access", equalTo("public"))
                .body("short_url", matchesPattern("https://f\\.io/[A-Za-z0-9]{8}"))
                .extract().path("id");

        assertTrue(simulator.hasShare(shareId), "the share exists in Frame.io");
        assertEquals("Dailies for the client", simulator.share(shareId).path("name").asText());
        assertEquals("public", simulator.share(shareId).path("access").asText());
    }

    @Test
    void postSharesWithoutNameIsRefusedBeforeFrameioIsCalled() {
        int sharesBefore = simulator.shareCount();
        long createsBefore = simulator.requests().count("shares.create");

        given().contentType(ContentType.JSON)
                .body("{\"access\": \"public\", \"asset_ids\": [\"" + simulator.fixtures().fileIds().get(0) + "\"]}")
                .when().post("/shares")
                .then().statusCode(400)
                .body(containsString("name"));

        assertEquals(sharesBefore, simulator.shareCount());
        assertEquals(createsBefore, simulator.requests().count("shares.create"), "nothing was sent to Frame.io");
    }

    @Test
    void postSharesThatFrameioRefusesAnswers502WithFrameioStatus() {
        String notAnAssetOfTheProject = UUID.randomUUID().toString();
        int sharesBefore = simulator.shareCount();

        given().contentType(ContentType.JSON)
                .body("{\"name\": \"Ghost\", \"access\": \"public\","
                        + " \"asset_ids\": [\"" + notAnAssetOfTheProject + "\"]}")
                .when().post("/shares")
                .then().statusCode(502)
                .body(startsWith("Frame.io answered 404"));

        assertEquals(sharesBefore, simulator.shareCount());
    }

    @Test
    void sharesCreatedEditedAndDeletedElsewhereBecomeEvents() {
        String fileId = simulator.fixtures().fileIds().get(1);
        String shareId = given().contentType(ContentType.JSON)
                .body("{\"name\": \"Rough cut\", \"access\": \"secure\", \"asset_ids\": [\"" + fileId + "\"]}")
                .when().post("/shares")
                .then().statusCode(201)
                .extract().path("id");
        JsonPath created = awaitEvent(shareId, "created");
        assertEquals("Rough cut", created.getString("share.name"));

        // what a person does in the Frame.io web app
        simulator.editShare(shareId, Map.of("name", "Rough cut v2"));
        JsonPath updated = awaitEvent(shareId, "updated");
        assertEquals("Rough cut v2", updated.getString("share.name"));
        assertTrue(updated.getList("changed_fields", String.class).contains("name"), updated.prettify());

        simulator.deleteShare(shareId);
        JsonPath deleted = awaitEvent(shareId, "deleted");
        assertEquals("Rough cut v2", deleted.getString("share.name"));
        assertFalse(simulator.hasShare(shareId));

        List<String> types = events().getList("findAll { it.share_id == '" + shareId + "' }.type", String.class);
        assertEquals(List.of("created", "updated", "deleted"), types, "each change exactly once, in order");
    }

    private static JsonPath awaitEvent(String shareId, String type) {
        String filter = "find { it.share_id == '" + shareId + "' && it.type == '" + type + "' }";
        await("a " + type + " event of share " + shareId).atMost(EVENT_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> events().get(filter) != null);
        // events are only ever appended, so the event is still there
        return events().setRootPath(filter);
    }

    private static JsonPath events() {
        return given().when().get("/shares/events")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }
}
