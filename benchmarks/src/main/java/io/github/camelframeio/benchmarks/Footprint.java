package io.github.camelframeio.benchmarks;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesComponent;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark 5: what the component adds to an application: its jar, its runtime dependencies beyond Camel's own, and
 * the start-up time of a Camel Main application with and without a frameio-shares route, each in a fresh JVM.
 */
final class Footprint extends Benchmark {


    Footprint(Settings settings) {
        super(settings);
    }

    @Override
    String run(Path out) throws Exception {
        StringBuilder md = new StringBuilder("## 5. Footprint\n\n");
        Path jar = componentJar();
        md.append("| What | Figure |\n|---|---|\n");
        if (jar != null) {
            long size = Files.size(jar);
            figures.put("jarBytes", size);
            md.append("| Component jar (classes, generated configurers, catalog JSON, Kamelets) | ")
                    .append(String.format("%,d bytes (%.0f KB)", size, size / 1024.0)).append(" |\n");
        } else {
            md.append("| Component jar | not built (run the documented command, which packages it) |\n");
        }
        Map<String, List<String>> deps = runtimeDependencies();
        if (deps != null) {
            int total = deps.values().stream().mapToInt(l -> 1 + l.size()).sum();
            figures.put("dependencies", total);
            md.append("| Runtime dependencies, transitive | ").append(total).append(", by the direct dependency that brings"
                    + " them: ");
            List<String> parts = new ArrayList<>();
            deps.forEach((direct, transitive) -> parts.add("`" + direct + "`" + (transitive.isEmpty() ? ""
                    : " (+" + transitive.size() + ": " + String.join(", ", transitive) + ")")));
            md.append(String.join("; ", parts)).append(" |\n");
        } else {
            md.append("| Runtime dependencies | not measured (`mvn` not on the PATH) |\n");
        }
        md.append('\n');
        md.append(startup());
        return md.toString();
    }

    private String startup() throws Exception {
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        probe("without"); // the first JVM of a run warms the disk cache for both
        for (int r = 0; r < settings.startupRuns(); r++) {
            without.add(probe("without"));
            with.add(probe("with"));
        }
        Stats.Spread w = Stats.Spread.of(with);
        Stats.Spread wo = Stats.Spread.of(without);
        figures.put("startupWithMs", w.median());
        figures.put("startupWithoutMs", wo.median());
        Harness.log("start-up: with %.0f ms, without %.0f ms", w.median(), wo.median());
        return "Start-up of a Camel Main application, from the JVM's start to Camel started, each run in a fresh JVM,"
               + " alternating, " + settings.startupRuns() + " runs each (the same classpath; only the route differs):\n\n"
               + "| Application | Start-up ms |\n|---|---|\n"
               + "| timer → log | " + wo.format(0) + " |\n"
               + "| timer → `frameio-shares:getShare` (the producer and its client started) | " + w.format(0) + " |\n"
               + "| Difference (medians) | " + Stats.f(w.median() - wo.median(), 0) + " |\n\n";
    }

    private static double probe(String variant) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(), variant)
                .redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("started-ms=")) {
                    result = line.substring("started-ms=".length());
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || result == null) {
            throw new IllegalStateException("the start-up probe (" + variant + ") did not report");
        }
        return Double.parseDouble(result);
    }

    private static Path componentJar() throws Exception {
        Path location = Path.of(FrameioSharesComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(location)) {
            return location;
        }
        Path target = location.getParent();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("camel-frameio-shares-[0-9].*(?<!-sources|-javadoc)\\.jar"))
                    .findFirst().orElse(null);
        }
    }

    /**
     * The component's runtime dependencies from Maven's own dependency tree: each direct dependency
     * (artifactId:version) with the artifactIds it brings; null without mvn.
     */
    private Map<String, List<String>> runtimeDependencies() throws Exception {
        Path pom = settings.project().resolve("camel-frameio-shares").resolve("pom.xml");
        File tree = File.createTempFile("frameio-deps", ".txt");
        try {
            Process p = new ProcessBuilder("mvn", "-q", "-o", "-f", pom.toString(), "dependency:tree", "-Dscope=runtime",
                    "-DoutputFile=" + tree.getAbsolutePath(), "-DappendOutput=false")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            Map<String, List<String>> deps = new LinkedHashMap<>();
            String direct = null;
            for (String line : Files.readAllLines(tree.toPath())) {
                int start = line.indexOf("- ");
                if (start < 0) {
                    continue; // the component itself
                }
                String[] gav = line.substring(start + 2).trim().split(":");
                String name = gav[1] + ":" + gav[3];
                if (start == 1) {
                    direct = name;
                    deps.put(direct, new ArrayList<>());
                } else if (direct != null) {
                    deps.get(direct).add(gav[1]);
                }
            }
            return deps;
        } catch (java.io.IOException e) {
            return null;
        } finally {
            tree.delete();
        }
    }
}
