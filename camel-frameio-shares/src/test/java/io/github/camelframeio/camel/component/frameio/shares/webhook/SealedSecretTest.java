package io.github.camelframeio.camel.component.frameio.shares.webhook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedSecretTest {

    private static final String KEY = "a-key-of-at-least-16-chars";
    private static final String SECRET = "whsec-0123456789abcdef";

    @Test
    void aSealedSecretOpensWithItsKeyAndNamesItsWebhook() throws Exception {
        String stored = SealedSecret.seal("wh-1", SECRET, KEY);
        SealedSecret.Opened opened = SealedSecret.open(stored, KEY);
        assertEquals("wh-1", opened.webhookId());
        assertEquals(SECRET, opened.secret());
        assertEquals("wh-1", SealedSecret.webhookId(stored));
    }

    @Test
    void theStoredValueHoldsNoTraceOfTheSecretOrTheKeyAndNoCharacterAStoreCannotKeep() {
        String stored = SealedSecret.seal("wh-1", SECRET, KEY);
        assertFalse(stored.contains(SECRET));
        assertFalse(stored.contains(KEY));
        assertFalse(stored.contains("="), stored);
        assertFalse(stored.contains("\n"), stored);
        assertTrue(stored.startsWith(SealedSecret.FORMAT + ";wh-1;" + SealedSecret.ITERATIONS + ";"), stored);
        // a random salt and IV: the same secret seals differently each time
        assertNotEquals(stored, SealedSecret.seal("wh-1", SECRET, KEY));
    }

    @Test
    void anotherKeyAnAlteredValueOrAnotherWebhookIdDoesNotOpen() {
        String stored = SealedSecret.seal("wh-1", SECRET, KEY);
        assertThrows(SealedSecret.Unreadable.class, () -> SealedSecret.open(stored, KEY + "x"));
        String[] parts = stored.split(";");
        char last = parts[5].charAt(parts[5].length() - 2);
        parts[5] = parts[5].substring(0, parts[5].length() - 2) + (last == 'A' ? 'B' : 'A')
                   + parts[5].charAt(parts[5].length() - 1);
        assertThrows(SealedSecret.Unreadable.class, () -> SealedSecret.open(String.join(";", parts), KEY));
        // the ciphertext is bound to its webhook: moved onto another id it does not open
        assertThrows(SealedSecret.Unreadable.class, () -> SealedSecret.open(stored.replace(";wh-1;", ";wh-2;"), KEY));
        assertThrows(SealedSecret.Unreadable.class, () -> SealedSecret.open("not a sealed value", KEY));
    }
}
