package io.github.camelframeio.camel.component.frameio.shares;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OSGi headers that bnd computed for the jar (what Karaf resolves) and the features descriptor: every package of
 * the component is exported, Camel is imported within the supported range, nothing test-only leaks in, and the
 * features name the versions this build was tested with.
 */
class KarafBundleTest {

    private static final Path CLASSES = Path.of("target", "classes");

    private static Manifest manifest() throws Exception {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    /** A manifest header's clauses: name to attributes (quotes kept off). */
    private static Map<String, String> clauses(String header) {
        Map<String, String> result = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        for (String part : parts) {
            int semi = part.indexOf(';');
            result.put(semi < 0 ? part.trim() : part.substring(0, semi).trim(), semi < 0 ? "" : part.substring(semi + 1));
        }
        return result;
    }

    @Test
    void everyPackageOfTheComponentIsExportedWithItsVersion() throws Exception {
        var main = manifest().getMainAttributes();
        assertEquals("io.github.camelframeio.camel-frameio-shares", main.getValue("Bundle-SymbolicName"));
        assertEquals("2", main.getValue("Bundle-ManifestVersion"));
        assertTrue(main.getValue("Bundle-Version").startsWith("1.0.0"), main.getValue("Bundle-Version"));
        Map<String, String> exports = clauses(main.getValue("Export-Package"));
        List<String> packages;
        try (Stream<Path> dirs = Files.walk(CLASSES.resolve("io"))) {
            packages = dirs.filter(Files::isDirectory).filter(d -> {
                try (Stream<Path> files = Files.list(d)) {
                    return files.anyMatch(f -> f.toString().endsWith(".class"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(d -> CLASSES.relativize(d).toString().replace('/', '.')).sorted().toList();
        }
        // the component, its consumers, its state stores and its webhook receiver; the SDK (client, auth, model) is a
        // bundle of its own
        assertEquals(4, packages.size(), packages.toString());
        for (String pkg : packages) {
            assertTrue(exports.containsKey(pkg), pkg + " is exported");
            assertTrue(exports.get(pkg).contains("version=\"1.0.0"), pkg + ": " + exports.get(pkg));
        }
    }

    @Test
    void camelIsImportedWithinTheSupportedRangeAndNothingTestOnlyLeaksIn() throws Exception {
        Map<String, String> imports = clauses(manifest().getMainAttributes().getValue("Import-Package"));
        assertTrue(imports.containsKey("org.apache.camel"));
        assertTrue(imports.containsKey("org.apache.camel.support"));
        assertTrue(imports.containsKey("org.apache.camel.impl.health"), "the producer health check");
        imports.forEach((pkg, attributes) -> {
            if (pkg.startsWith("org.apache.camel")) {
                assertTrue(attributes.contains("version=\"[4.18,5)\""), pkg + ": " + attributes);
            }
            if (pkg.startsWith("com.fasterxml.jackson")) {
                assertTrue(attributes.contains("version=\"[2."), pkg + ": " + attributes);
            }
            assertFalse(pkg.startsWith("io.github.camelframeio.frameio.simulator") || pkg.startsWith("org.junit")
                        || pkg.startsWith("net.jqwik") || pkg.startsWith("java."), pkg);
            assertFalse(attributes.contains("resolution:=optional"), pkg + " is needed");
        });
        assertTrue(imports.containsKey("io.github.camelframeio.frameio.client"), "the SDK, a bundle of its own");
        assertTrue(imports.get("io.github.camelframeio.frameio.client").contains("version=\"[1.0,2)\""),
                imports.get("io.github.camelframeio.frameio.client"));
        assertTrue(manifest().getMainAttributes().getValue("Require-Capability").contains("(version=17)"));
    }

    @Test
    void theFeaturesNameTheVersionsThisBuildUsed() throws Exception {
        Path features = Path.of("target", "features", "features.xml");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(features.toFile());
        NodeList list = doc.getElementsByTagName("feature");
        Element feature = null;
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if ("camel-frameio-shares".equals(e.getAttribute("name"))) {
                feature = e;
            }
        }
        assertTrue(feature != null, "the camel-frameio-shares feature");
        List<String> bundles = new ArrayList<>();
        NodeList b = feature.getElementsByTagName("bundle");
        for (int i = 0; i < b.getLength(); i++) {
            bundles.add(b.item(i).getTextContent().trim());
        }
        String jackson = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
        String httpclient = org.apache.hc.client5.http.impl.async.HttpAsyncClients.class.getPackage().getImplementationVersion();
        assertTrue(bundles.contains("mvn:com.fasterxml.jackson.core/jackson-databind/" + jackson), bundles.toString());
        assertTrue(bundles.stream().anyMatch(x -> x.startsWith("wrap:mvn:org.apache.httpcomponents.client5/httpclient5/"
                                                                + httpclient + "$")), bundles.toString());
        assertTrue(bundles.contains("mvn:io.github.camelframeio/camel-frameio-shares/1.0.0-SNAPSHOT"));
        assertTrue(bundles.contains("mvn:io.github.camelframeio/frameio-shares-contract/1.0.0-SNAPSHOT"), "the contract");
        assertTrue(bundles.contains("mvn:io.github.camelframeio/frameio-shares-client/1.0.0-SNAPSHOT"), "the SDK");
        String validator = com.networknt.schema.JsonSchema.class.getPackage().getImplementationVersion();
        assertTrue(bundles.stream().anyMatch(x -> x.startsWith("mvn:com.networknt/json-schema-validator/")),
                "the contract's validator " + validator + ": " + bundles);
        assertTrue(bundles.stream().anyMatch(x -> x.startsWith("mvn:com.ethlo.time/itu/")), "the validator's date parser");
        String text = Files.readString(features);
        assertFalse(text.contains("${") || text.contains("@version:"), "every placeholder filled in");
        // no camel-karaf release for Camel 4.18 is published (Maven Central lists up to 4.14.5): naming one would make
        // feature:repo-add fail on an artifact that does not exist
        assertFalse(doc.getElementsByTagName("repository").getLength() > 0, "no camel-karaf repository named");
    }
}
