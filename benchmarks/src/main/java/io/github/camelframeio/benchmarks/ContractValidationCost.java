package io.github.camelframeio.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.contract.FrameioContract;
import io.github.camelframeio.frameio.contract.RequestValidator;
import io.github.camelframeio.frameio.contract.ResponseValidator;
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What checking requests against the official document costs: the client checks every request with
 * {@link RequestValidator#CLIENT} before it sends it (and the simulator with the same code before it answers). It
 * runs first in the suite, so that its first call pays for compiling the schemas, as a route's first call does.
 */
final class ContractValidationCost extends Benchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ID = "3b5f6ff0-4a1e-4c5c-9c33-1d1f1d0f8e2a";

    ContractValidationCost(Settings settings) {
        super(settings);
    }

    @Override
    String run(Path out) throws Exception {
        Map<String, String> sharePath = Map.of("account_id", ID, "share_id", ID);
        Map<String, String> projectPath = Map.of("account_id", ID, "project_id", ID);
        JsonNode create = MAPPER.readTree("{\"data\":{\"type\":\"asset\",\"name\":\"Dailies for the client\","
                + "\"access\":\"secure\",\"asset_ids\":[\"" + ID + "\"],\"expiration\":\"2026-12-31T00:00:00Z\","
                + "\"downloading_enabled\":false,\"passphrase\":\"open sesame\"}}");
        long coldStart = System.nanoTime();
        if (!RequestValidator.CLIENT.validate(SharesOperation.CREATE_SHARE, projectPath, Map.of(), create).isEmpty()) {
            throw new IllegalStateException("the benchmark's create request is not valid");
        }
        double coldMillis = (System.nanoTime() - coldStart) / 1e6;
        figures.put("firstCreateCheckMillis", coldMillis);

        String page = sharesPage();
        Map<String, Supplier<Object>> checks = new LinkedHashMap<>();
        checks.put("getShare request (path)", () -> RequestValidator.CLIENT.validate(SharesOperation.SHOW_SHARE,
                sharePath, Map.of(), null));
        checks.put("listShares request (path and query)", () -> RequestValidator.CLIENT.validate(
                SharesOperation.LIST_SHARES, projectPath, Map.of("page_size", "100", "sort", "created_at_desc"), null));
        checks.put("createShare request (path and body)", () -> RequestValidator.CLIENT.validate(
                SharesOperation.CREATE_SHARE, projectPath, Map.of(), create));
        checks.put("a page of 100 shares, strict answer check (tests only)", () -> ResponseValidator.validate(
                SharesOperation.LIST_SHARES, 200, Map.of("content-type", List.of("application/json"), "x-ratelimit-limit",
                        List.of("100"), "x-ratelimit-remaining", List.of("99"), "x-ratelimit-window", List.of("60000")),
                page));

        StringBuilder md = new StringBuilder("## 0. Checking requests against the contract\n\n"
                + "Every request is checked against Frame.io's official document (and the project's rules) before it is"
                + " sent, by the same code the simulator answers 422 with. Cost per check on one core, after warm-up;"
                + " the first check of a process compiles the schemas it needs.\n\n"
                + "| Check | µs per check |\n|---|---|\n");
        long millis = Math.max(200, settings.producerMillis() / 2);
        for (Map.Entry<String, Supplier<Object>> check : checks.entrySet()) {
            List<Double> runs = new ArrayList<>();
            for (int r = 0; r < settings.repeats(); r++) {
                runs.add(microsPerCall(check.getValue(), millis));
            }
            Stats.Spread spread = Stats.Spread.of(runs);
            figures.put("micros." + check.getKey(), spread.median());
            md.append("| ").append(check.getKey()).append(" | ").append(spread.format(1)).append(" |\n");
        }
        md.append("\nFirst createShare check of the run (schemas compiled): ").append(Stats.f(coldMillis, 0))
                .append(" ms.\n\n");
        Harness.log("contract: %s", figures);
        return md.toString();
    }

    private static double microsPerCall(Supplier<Object> check, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L / 4;
        while (System.nanoTime() < deadline) {
            check.get(); // warm-up
        }
        long calls = 0;
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        Object sink = null;
        while (System.nanoTime() < end) {
            sink = check.get();
            calls++;
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        return (System.nanoTime() - start) / 1000.0 / calls;
    }

    /** The document's own example share, a hundred times, as a list answer. */
    private static String sharesPage() {
        JsonNode share = FrameioContract.schema("Share").get("example");
        StringBuilder page = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 100; i++) {
            page.append(i == 0 ? "" : ",").append(share);
        }
        return page.append("],\"links\":{\"next\":null}}").toString();
    }
}
