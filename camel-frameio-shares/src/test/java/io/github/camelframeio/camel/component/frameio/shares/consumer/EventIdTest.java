package io.github.camelframeio.camel.component.frameio.shares.consumer;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CamelFrameioSharesEventId is made of what Frame.io sent about a change: two consumers that see the same changes
 * (here two routes with states of their own, as two replicas would) give each change the same id, and different
 * changes different ids.
 */
class EventIdTest extends ConsumerTestSupport {

    @Test
    void twoConsumersGiveTheSameChangeTheSameId() throws Exception {
        String kept = admin.createShare("Kept", "secure", List.of(fx.fileIds().get(0)));
        String options = "&reviewerChanges=true&assetChanges=true";
        consume("one", "frameio-shares:shareChanges?stateKey=one" + options);
        consume("two", "frameio-shares:shareChanges?stateKey=two" + options);
        poll("one");
        poll("two");

        String created = admin.createShare("New", "public", List.of(fx.fileIds().get(0)));
        admin.edit(kept, Map.of("name", "renamed"));
        admin.addReviewers(kept, List.of(fx.emails().get(1)));
        admin.addAsset(kept, fx.fileIds().get(1));
        List<Received> one = poll("one");
        List<Received> two = poll("two");
        admin.view(created);
        admin.edit(kept, Map.of("name", "renamed again"));
        one.addAll(poll("one"));
        two.addAll(poll("two"));
        admin.delete(created);
        one.addAll(poll("one"));
        two.addAll(poll("two"));

        // the new share's assets count from none: it brings an assetsAdded of its own
        assertEquals(List.of("assetsAdded", "assetsAdded", "created", "deleted", "reviewersAdded", "updated", "updated", "viewed"),
                types(one).stream().sorted().toList());
        List<String> ids = one.stream().map(Received::eventId).toList();
        assertEquals(ids, two.stream().map(Received::eventId).toList(), "the same changes, the same ids");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "each change its own id: " + ids);
        for (Received r : one) {
            assertTrue(r.eventId().startsWith(r.shareId() + ":" + r.type()), r.eventId());
            assertTrue(r.eventId().length() <= 100, "fits camel-sql's messageId column: " + r.eventId());
        }
        assertEquals(created + ":deleted", one.get(one.size() - 1).eventId());
    }
}
