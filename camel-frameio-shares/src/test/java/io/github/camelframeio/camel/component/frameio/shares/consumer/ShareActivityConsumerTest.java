package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.frameio.client.model.ShareActivity;
import io.github.camelframeio.frameio.client.model.ShareActivityType;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShareActivityConsumerTest extends ConsumerTestSupport {

    private String share(String name) {
        return admin.createShare(name, "public", List.of(fx.fileIds().get(0)));
    }

    private static List<String> ids(List<Received> events) {
        return events.stream().map(r -> ((ShareActivity) r.body()).getId()).toList();
    }

    @Test
    void oneShareNewItemsOnlyOldestFirstEachOnce() throws Exception {
        String a = share("A");
        admin.view(a); // before the consumer: baseline
        consume("activity", "frameio-shares:shareActivity?shareId=" + a);
        assertEquals(List.of(), poll("activity"));

        String asset = fx.fileIds().get(0);
        List<String> expected = new ArrayList<>();
        expected.add(admin.activity(a, "asset_viewed", asset));
        expected.add(admin.activity(a, "asset_downloaded", asset));
        expected.add(admin.activity(a, "comment_created", asset));
        expected.add(admin.activity(a, "share_viewed", null));
        List<Received> events = poll("activity");
        assertEquals(expected, ids(events));
        assertEquals(List.of("asset_viewed", "asset_downloaded", "comment_created", "share_viewed"), types(events));
        ShareActivity first = (ShareActivity) events.get(0).body();
        assertEquals(ShareActivityType.ASSET_VIEWED, first.getType());
        assertEquals(asset, first.getAssetId());
        assertTrue(events.stream().allMatch(r -> r.shareId().equals(a)));
        assertEquals(List.of(), poll("activity"));
    }

    @Test
    void startFromBeginningEmitsTheWholeFeed() throws Exception {
        String a = share("A");
        admin.view(a);
        admin.activity(a, "comment_created", fx.fileIds().get(0));
        consume("activity", "frameio-shares:shareActivity?startFrom=beginning&shareId=" + a);
        assertEquals(admin.activityIds(a), ids(poll("activity")));
        assertEquals(List.of(), poll("activity"));
    }

    @Test
    void everyShareOfAProjectIncludingNewOnes() throws Exception {
        String a = share("A");
        String b = share("B");
        admin.view(a);
        consume("activity", "frameio-shares:shareActivity");
        assertEquals(List.of(), poll("activity"));

        String v1 = admin.activity(b, "asset_viewed", fx.fileIds().get(0));
        String c = share("C");
        String c1 = admin.activity(c, "comment_created", fx.fileIds().get(0));
        admin.view(a);
        List<Received> events = poll("activity");
        assertEquals(3, events.size());
        assertTrue(ids(events).containsAll(List.of(v1, c1)), "a share created later has all its activity emitted");
        assertEquals(List.of(), poll("activity"));
    }

    @Test
    void aFailedItemHoldsBackTheLaterItemsOfItsShareOnly() throws Exception {
        String a = share("A");
        consume("activity", "frameio-shares:shareActivity?shareId=" + a);
        poll("activity");
        String asset = fx.fileIds().get(0);
        String i1 = admin.activity(a, "asset_viewed", asset);
        String i2 = admin.activity(a, "asset_downloaded", asset);
        String i3 = admin.activity(a, "comment_created", asset);
        failWhen = r -> ((ShareActivity) r.body()).getId().equals(i2);
        assertEquals(List.of(i1), ids(poll("activity")));
        failWhen = r -> false;
        assertEquals(List.of(i2, i3), ids(poll("activity")), "in order, none twice");
        assertEquals(List.of(), poll("activity"));
    }

    @Test
    void theWatermarkSurvivesARestart() throws Exception {
        String a = share("A");
        consume("activity", "frameio-shares:shareActivity?shareId=" + a);
        poll("activity");
        String i1 = admin.activity(a, "asset_viewed", fx.fileIds().get(0));
        assertEquals(List.of(i1), ids(poll("activity")));
        context.getRouteController().stopRoute("activity");
        String i2 = admin.activity(a, "asset_downloaded", fx.fileIds().get(0));
        context.getRouteController().startRoute("activity");
        assertEquals(List.of(i2), ids(poll("activity")));
    }

    @Test
    void activityNeedsAShareOrAProject() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> consume("bad",
                "frameio-shares:shareActivity?projectId="));
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        assertTrue(t.getMessage().contains("projectId") && t.getMessage().contains("shareId"), t.getMessage());
    }
}
