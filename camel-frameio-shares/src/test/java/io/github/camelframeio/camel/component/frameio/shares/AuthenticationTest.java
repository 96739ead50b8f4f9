package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.FrameioAuthenticationException;
import io.github.camelframeio.frameio.client.FrameioUnauthorizedException;
import io.github.camelframeio.frameio.client.auth.AccessTokenProvider;
import io.github.camelframeio.frameio.client.model.Share;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four ways of authenticating, against the simulator's Adobe IMS look-alike: static token, server-to-server,
 * user refresh token (rotating, kept across restarts) and a token provider bean; and tokens that expire mid-run.
 */
class AuthenticationTest extends FrameioSharesTestSupport {

    @TempDir
    Path dir;

    @AfterEach
    void defaultLifetime() {
        simulator.accessTokenTtl(Duration.ofSeconds(86_399));
    }

    @Test
    void serverToServerFetchesOneTokenForManyCalls() throws Exception {
        try (CamelContext context = start(c -> clientCredentials(c))) {
            for (int i = 0; i < 5; i++) {
                assertOk(context, "s2s " + i);
            }
        }
        assertEquals(1, apiCalls("ims.token"));
        assertEquals(5, apiCalls("shares.create"));
    }

    @Test
    void serverToServerWithoutTheFrameioScopeGets401WithTheLikelyCauses() throws Exception {
        try (CamelContext context = start(c -> {
            clientCredentials(c);
            c.setScopes("openid,AdobeID");
        })) {
            Exchange exchange = create(context, "no scope");
            FrameioUnauthorizedException e = assertInstanceOf(FrameioUnauthorizedException.class, exchange.getException());
            assertTrue(e.getMessage().contains("without the frame.s2s.all scope"), e.getMessage());
        }
        assertEquals(2, apiCalls("ims.token"), "one refresh and one retry after the 401, then it gives up");
    }

    @Test
    void wrongClientSecretIsAnAuthenticationErrorWithoutTheSecret() throws Exception {
        try (CamelContext context = start(c -> {
            clientCredentials(c);
            c.setClientSecret("p8e-WRONG-SECRET-VALUE");
        })) {
            Exchange exchange = create(context, "wrong secret");
            FrameioAuthenticationException e = assertInstanceOf(FrameioAuthenticationException.class, exchange.getException());
            assertEquals("invalid_client", e.getError());
            assertEquals(401, e.getStatusCode());
            assertFalse(e.getMessage().contains("WRONG-SECRET"), e.getMessage());
        }
        assertEquals(0, simulator.requests().count("shares.create"));
    }

    @Test
    void refreshTokenRotationSurvivesARestartThroughTheStore() throws Exception {
        Path file = dir.resolve("state/frameio-refresh-token");
        try (CamelContext first = start(c -> user(c, file))) {
            assertOk(first, "before the restart");
        }
        assertTrue(Files.readString(file).contains(":sim-rt-"), "the rotated token was saved");
        assertFalse(Files.readString(file).contains(fx.refreshToken()), "the used token is gone");
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        // the configured refresh token has been used up at IMS; the restart continues from the saved successor
        try (CamelContext second = start(c -> user(c, file))) {
            assertOk(second, "after the restart");
        }
        assertEquals(2, apiCalls("ims.token"));
    }

    @Test
    void withoutAStoreARestartStartsFromTheUsedTokenAndIsRefused() throws Exception {
        try (CamelContext first = start(c -> user(c, null))) {
            assertOk(first, "first run");
        }
        try (CamelContext second = start(c -> user(c, null))) {
            FrameioAuthenticationException e = assertInstanceOf(FrameioAuthenticationException.class,
                    create(second, "second run").getException());
            assertEquals("invalid_grant", e.getError());
            assertTrue(e.getMessage().contains("authorize again and set a new refreshToken"), e.getMessage());
        }
    }

    @Test
    void aNewlyConfiguredRefreshTokenWinsOverTheSavedChain() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "v1:0000000000000000:sim-rt-from-an-older-authorisation");
        try (CamelContext context = start(c -> user(c, file))) {
            assertOk(context, "fresh authorisation");
        }
        assertFalse(Files.readString(file).contains("older-authorisation"));
    }

    @Test
    void tokensThatExpireMidRunAreRenewedWithoutFailingAnExchange() throws Exception {
        simulator.accessTokenTtl(Duration.ofSeconds(1));
        try (CamelContext context = start(c -> user(c, dir.resolve("rt")))) {
            long end = System.currentTimeMillis() + 2_500;
            int sent = 0;
            while (System.currentTimeMillis() < end) {
                assertOk(context, "exchange " + sent++);
                Thread.sleep(100);
            }
            assertTrue(sent >= 15, "sent " + sent);
        }
        assertTrue(apiCalls("ims.token") >= 3, "renewed before expiry: " + apiCalls("ims.token") + " token calls");
    }

    @Test
    void aTokenRevokedMidRunIsRenewedOnTheFirst401() throws Exception {
        try (CamelContext context = start(c -> clientCredentials(c))) {
            assertOk(context, "first");
            simulator.expireAccessTokens();
            assertOk(context, "after the token was expired");
        }
        assertEquals(2, apiCalls("ims.token"));
        long unauthorized = simulator.requests().recent().stream().filter(r -> r.status() == 401).count();
        assertEquals(1, unauthorized, "one 401, then the retry with a new token succeeded");
    }

    @Test
    void aTokenProviderBeanSuppliesTokens() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        AccessTokenProvider provider = new AccessTokenProvider() {
            @Override
            public CompletableFuture<String> accessToken() {
                asked.incrementAndGet();
                return CompletableFuture.completedFuture(fx.token());
            }

            @Override
            public String credentialId() {
                return "test:vault";
            }
        };
        try (CamelContext context = start(c -> {
            c.setAccessToken(null);
            c.setTokenProvider(provider);
        })) {
            assertOk(context, "from a provider");
        }
        assertEquals(1, asked.get());
    }

    private static void clientCredentials(FrameioSharesConfiguration c) {
        c.setAccessToken(null);
        c.setClientId(fx.clientId());
        c.setClientSecret(fx.clientSecret());
    }

    private static void user(FrameioSharesConfiguration c, Path file) {
        c.setAccessToken(null);
        c.setClientId(fx.clientId());
        c.setRefreshToken(fx.refreshToken());
        c.setRefreshTokenFile(file == null ? null : file.toString());
    }

    private CamelContext start(Consumer<FrameioSharesConfiguration> settings) {
        return startContext(simulator, settings);
    }

    private static Exchange create(CamelContext context, String name) {
        return context.createProducerTemplate().send("frameio-shares:createShare",
                e -> e.getMessage().setBody(Map.of("name", name, "access", "public")));
    }

    private static void assertOk(CamelContext context, String name) {
        Exchange exchange = create(context, name);
        assertNull(exchange.getException(), () -> name + ": " + exchange.getException());
        assertEquals(name, exchange.getMessage().getBody(Share.class).getName());
    }

}
