package io.github.camelframeio.frameio.contract;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped contract is Frame.io's official subset, byte for byte: the same bytes as the project's shared copy
 * of {@code openapi-shares.json} (when the build can see it) and always the pinned hash of those bytes.
 */
class OfficialDocumentTest {

    /** sha256 of {@code ../shared/frameio-v4/openapi-shares.json}, the subset computed from the official document. */
    static final String OFFICIAL_SUBSET_SHA256 = "71552ee58be552267504dd8a07ecb9656eea571f99b08558e8ac337085aa0438";
    /** sha256 of {@code https://api.frame.io/v4/openapi.json} that the subset was computed from. */
    static final String UPSTREAM_SHA256 = "e7487c89bfebadca4d67ee9e7a6c38c56318d3d83a41d52f266cb05d6681c825";

    @Test
    void shippedBytesAreTheOfficialSubset() {
        assertEquals(OFFICIAL_SUBSET_SHA256, FrameioContract.sha256(), "the shipped contract was edited or replaced");
    }

    @Test
    void shippedBytesEqualTheSharedCopyWhereTheBuildCanSeeIt() throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("shared/frameio-v4/openapi-shares.json"));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                assertArrayEquals(Files.readAllBytes(candidate), FrameioContract.bytes(), "differs from " + candidate);
                return;
            }
        }
        // a clean clone without the shared facts: the pinned hash above is the check
    }

    @Test
    void provenanceNamesTheUpstreamDocument() {
        JsonNode provenance = FrameioContract.document().get("x-provenance");
        assertEquals(UPSTREAM_SHA256, provenance.get("full_document_sha256").asText());
        assertTrue(provenance.get("full_document_sha256_matches_upstream").asBoolean());
        assertEquals("https://api.frame.io/v4/openapi.json", provenance.get("upstream_url").asText());
    }

    @Test
    void holdsTheTwelveSharesOperationsTheWebhooksAndTheAuditLog() {
        long shares = DocumentedOperation.all().keySet().stream().filter(id -> id.startsWith("shares.")).count();
        long webhooks = DocumentedOperation.all().keySet().stream().filter(id -> id.startsWith("webhooks.")).count();
        assertEquals(12, shares);
        assertEquals(5, webhooks);
        assertTrue(DocumentedOperation.all().containsKey("auditlog.index"));
        assertEquals(68, FrameioContract.document().at("/components/schemas").size());
    }
}
