package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelframeio.frameio.simulator.api.OffsetCursor;
import io.github.camelframeio.frameio.simulator.contract.Exchange;

import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createShare;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharePath;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharesPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaginationTest extends SimulatorApiTestBase {

    @Test
    void cursorHasTheFormatOfFrameioDocumentedCursors() {
        // the guide's example cursor is the Erlang term %{offset: 5, type: :offset_cursor}
        assertEquals(5, OffsetCursor.decode("g3QAAAACZAAGb2Zmc2V0YQVkAAR0eXBlZAANb2Zmc2V0X2N1cnNvcg=="));
        assertEquals("g3QAAAACZAAGb2Zmc2V0YQVkAAR0eXBlZAANb2Zmc2V0X2N1cnNvcg==", OffsetCursor.encode(5));
        for (int offset : new int[] { 0, 1, 255, 256, 100_000, Integer.MAX_VALUE }) {
            assertEquals(offset, OffsetCursor.decode(OffsetCursor.encode(offset)));
        }
        assertEquals(-1, OffsetCursor.decode("bm90IGEgY3Vyc29y"));
        assertEquals(-1, OffsetCursor.decode("%%%"));
    }

    @Test
    void pagesThroughManyPagesWithoutGapsOrRepeats() {
        sim.bulkCreateShares(f.projectId(), 1234);
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String next = sharesPath(f) + "?page_size=100";
        int pages = 0;
        while (next != null) {
            Exchange page = client.get(next).assertValid().assertStatus(200);
            pages++;
            for (JsonNode share : page.data()) {
                assertTrue(seen.add(share.get("id").asText()), "repeated " + share.get("id"));
                order.add(share.get("created_at").asText());
            }
            JsonNode link = page.json().get("links").get("next");
            if (link.isNull()) {
                next = null;
            } else {
                assertTrue(link.asText().startsWith(sharesPath(f) + "?after="), "relative link: " + link);
                assertFalse(link.asText().contains("page_size"), "links.next carries only the cursor: " + link);
                next = link.asText() + "&page_size=100";
            }
        }
        assertEquals(13, pages);
        assertEquals(1234, seen.size());
        List<String> sorted = new ArrayList<>(order);
        sorted.sort(Comparator.naturalOrder());
        assertEquals(sorted, order, "default order is creation order, oldest first");
    }

    @Test
    void defaultPageSizeIsFiftyAndBoundsAreOneAndAHundred() {
        sim.bulkCreateShares(f.projectId(), 120);
        assertEquals(50, client.get(sharesPath(f)).assertValid().data().size());
        assertEquals(1, client.get(sharesPath(f) + "?page_size=1").assertValid().data().size());
        assertEquals(100, client.get(sharesPath(f) + "?page_size=100").assertValid().data().size());
        client.get(sharesPath(f) + "?page_size=0").assertError(422, "/page_size", "minimum 1");
        client.get(sharesPath(f) + "?page_size=101").assertError(422, "/page_size", "maximum 100");
    }

    @Test
    void totalCountOnlyWhenAskedFor() {
        sim.bulkCreateShares(f.projectId(), 3);
        assertFalse(client.get(sharesPath(f)).json().has("total_count"));
        assertFalse(client.get(sharesPath(f) + "?include_total_count=false").json().has("total_count"));
        assertEquals(3, client.get(sharesPath(f) + "?include_total_count=true").json().get("total_count").asInt());
    }

    @Test
    void followingLinksLiterallyKeepsTheCursorButNotTheSort() {
        createShare(client, f, "b", "public");
        createShare(client, f, "a", "public");
        createShare(client, f, "c", "public");
        Exchange first = client.get(sharesPath(f) + "?sort=name_desc&page_size=1").assertValid();
        assertEquals("c", first.data().get(0).get("name").asText());
        String next = first.json().get("links").get("next").asText();
        assertEquals(1, OffsetCursor.decode(URLDecoder.decode(next.substring(next.indexOf("after=") + 6),
                StandardCharsets.UTF_8)));
        // a client must send sort again: the link is the path plus the cursor
        assertEquals("b", client.get(next + "&sort=name_desc&page_size=1").data().get(0).get("name").asText());
    }

    @Test
    void everySortOrdersTheWholeListing() {
        for (String name : List.of("delta", "Alpha", "charlie", "bravo")) {
            createShare(client, f, name, "public");
        }
        assertEquals(List.of("Alpha", "bravo", "charlie", "delta"), names("name_asc"));
        assertEquals(List.of("delta", "charlie", "bravo", "Alpha"), names("name_desc"));
        assertEquals(List.of("delta", "Alpha", "charlie", "bravo"), names("created_at_asc"));
        assertEquals(List.of("bravo", "charlie", "Alpha", "delta"), names("created_at_desc"));
    }

    @Test
    void offsetCursorsShiftWhenSharesAreDeletedMidListing() {
        sim.bulkCreateShares(f.projectId(), 4);
        Exchange first = client.get(sharesPath(f) + "?page_size=2").assertValid();
        sim.deleteShare(first.data().get(0).get("id").asText());
        Exchange second = client.get(first.json().get("links").get("next").asText() + "&page_size=2").assertValid();
        // like Frame.io's offset cursors: the third share moved to offset 1 and is skipped
        assertEquals(1, second.data().size());
        assertEquals("Bulk share 4", second.data().get(0).get("name").asText());
    }

    @Test
    void shareAssetsAndActivitiesPageToo() {
        String id = createShare(client, f, "Paged", "public", f.assetIds().toArray(String[]::new)).get("id").asText();
        for (int i = 0; i < 5; i++) {
            sim.viewShare(id);
        }
        Exchange assets = client.get(sharePath(f, id) + "/assets?page_size=3&include_total_count=true").assertValid();
        assertEquals(3, assets.data().size());
        assertTrue(assets.json().get("total_count").asInt() > 3);
        Exchange activity = client.get(sharePath(f, id) + "/activities?page_size=2").assertValid();
        assertEquals(2, activity.data().size());
        Exchange rest = client.get(activity.json().get("links").get("next").asText() + "&page_size=10").assertValid();
        assertEquals(3, rest.data().size());
        assertNotEquals(activity.data().get(0).get("id"), rest.data().get(0).get("id"));
    }

    private List<String> names(String sort) {
        List<String> names = new ArrayList<>();
        client.get(sharesPath(f) + "?sort=" + sort).assertValid().data().forEach(s -> names.add(s.get("name").asText()));
        return names;
    }
}
