package io.github.camelframeio.frameio.simulator;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executable jar as a user runs it: first line, help, and a clean stop on SIGTERM.
 */
class MainIT {

    private static final String JAR = System.getProperty("simulator.jar", "target/frameio-shares-simulator.jar");

    @Test
    void printsTheUrlFirstServesAndStopsCleanlyOnSigterm() throws Exception {
        Process process = start("--port", "0", "--seed", "5");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            Matcher url = Pattern.compile("^Frame\\.io simulator listening on (http://127\\.0\\.0\\.1:(\\d+))$").matcher(first);
            assertTrue(url.matches(), first);
            HttpResponse<String> fixtures = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/_sim/fixtures")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, fixtures.statusCode());
            assertTrue(fixtures.body().contains(url.group(1)));

            process.toHandle().destroy(); // SIGTERM, leaving our end of stdout open
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "stops within 10 s");
            assertEquals("Frame.io simulator stopped", out.readLine());
            int port = Integer.parseInt(url.group(2));
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void servesWithoutAWordOnStderr() throws Exception {
        Process process = start("--port", "0");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher url = Pattern.compile("^Frame\\.io simulator listening on (http://\\S+)$").matcher(out.readLine());
            assertTrue(url.matches());
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/_sim/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            process.toHandle().destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "stops within 10 s");
            assertEquals("", new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8),
                    "Jetty starts and stops without logging");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void helpListsEveryFlag() throws Exception {
        Process process = start("--help");
        String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        for (String flag : List.of("--port", "--host", "--seed", "--rate-limit-scale", "--no-rate-limits", "--retry-after",
                "--access-token-ttl", "--refresh-token-ttl", "--view-touches-updated-at", "--no-custom-branded-shares",
                "--recent-requests", "--log-requests", "--help")) {
            assertTrue(help.contains(flag), flag);
        }
    }

    @Test
    void badFlagExitsWithStatus2() throws Exception {
        Process process = start("--colour", "red");
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertTrue(err.contains("unknown option --colour"), err);
    }

    private static Process start(String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", JAR));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
