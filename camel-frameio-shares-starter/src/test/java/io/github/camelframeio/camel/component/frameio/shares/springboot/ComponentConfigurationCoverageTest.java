package io.github.camelframeio.camel.component.frameio.shares.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter cannot fall behind the component: every option of the component JSON (the catalog that
 * camel-package-maven-plugin generates from the component's annotations) is a property of
 * {@link FrameioSharesComponentConfiguration} with the same type and default, and is in the IDE metadata with its
 * description. The class is generated from that JSON ({@code src/build/GenerateStarterConfiguration.java}), so this
 * checks the generator; what the starter still keeps by hand (the bean-reference types, the value hints) is checked too.
 */
class ComponentConfigurationCoverageTest {

    private static final String COMPONENT_JSON =
            "META-INF/io/github/camelframeio/camel/component/frameio/shares/frameio-shares.json";
    private static final Map<String, Class<?>> BOXED = Map.of("boolean", Boolean.class, "int", Integer.class,
            "long", Long.class, "java.lang.String", String.class);
    private static final Set<String> STARTER_PROPERTIES = Set.of("enabled", "customizer");
    private static final Class<?> CONFIGURATION = FrameioSharesComponentConfiguration.class;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, JsonNode> options;

    @BeforeAll
    static void readComponentJson() throws IOException {
        ClassLoader classLoader = FrameioSharesComponentConfiguration.class.getClassLoader();
        try (InputStream in = classLoader.getResourceAsStream(COMPONENT_JSON)) {
            assertThat(in).as("component JSON of camel-frameio-shares on the classpath").isNotNull();
            options = new LinkedHashMap<>();
            JSON.readTree(in).get("componentProperties").properties()
                    .forEach(option -> options.put(option.getKey(), option.getValue()));
        }
        assertThat(options).hasSizeGreaterThan(40);
    }

    @Test
    void everyComponentOptionIsAPropertyOfTheSameTypeAndDefault() {
        FrameioSharesComponentConfiguration defaults = new FrameioSharesComponentConfiguration();
        List<String> problems = new ArrayList<>();
        options.forEach((name, option) -> {
            PropertyDescriptor property = BeanUtils.getPropertyDescriptor(CONFIGURATION, name);
            if (property == null || property.getReadMethod() == null || property.getWriteMethod() == null) {
                problems.add(name + ": no property");
                return;
            }
            Class<?> expected = expectedType(option.get("javaType").asText());
            if (!property.getPropertyType().equals(expected)) {
                problems.add(name + ": " + property.getPropertyType().getName() + " instead of " + expected.getName());
            }
            Object initial = invoke(property, defaults);
            String expectedDefault = option.has("defaultValue") ? option.get("defaultValue").asText() : null;
            if (!Objects.equals(initial == null ? null : initial.toString(), expectedDefault)) {
                problems.add(name + ": default " + initial + " instead of " + expectedDefault);
            }
        });
        assertThat(problems).as("options of the component JSON missing or different in the starter").isEmpty();
    }

    @Test
    void everyPropertyIsAComponentOption() {
        Set<String> stale = new TreeSet<>();
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(CONFIGURATION)) {
            String name = property.getName();
            if (property.getWriteMethod() != null && !STARTER_PROPERTIES.contains(name) && !options.containsKey(name)) {
                stale.add(name);
            }
        }
        assertThat(stale).as("starter properties the component no longer has").isEmpty();
    }

    @Test
    void ideMetadataDescribesEveryOption() throws IOException {
        Map<String, JsonNode> metadata = starterMetadata("properties");
        List<String> problems = new ArrayList<>();
        options.forEach((name, option) -> {
            String key = FrameioSharesComponentConfiguration.PREFIX + "." + StringHelper.camelCaseToDash(name);
            JsonNode entry = metadata.get(key);
            if (entry == null) {
                problems.add(key + ": missing");
                return;
            }
            if (!entry.path("description").asText().startsWith(option.get("description").asText().strip())) {
                problems.add(key + ": description differs from the component's");
            }
            String expectedDefault = option.path("defaultValue").asText();
            if (option.has("defaultValue") && !expectedDefault.equals(entry.path("defaultValue").asText())) {
                problems.add(key + ": default " + entry.path("defaultValue") + " instead of " + expectedDefault);
            }
        });
        assertThat(problems).isEmpty();
        assertThat(metadata).containsKeys(FrameioSharesComponentConfiguration.PREFIX + ".enabled",
                FrameioSharesComponentConfiguration.PREFIX + ".customizer.enabled");
    }

    @Test
    void everyObjectOptionTakesABeanReference() {
        List<String> missing = new ArrayList<>();
        options.forEach((name, option) -> {
            Class<?> type = expectedType(option.get("javaType").asText());
            if ("object".equals(option.path("type").asText())
                && !FrameioSharesBeanReferenceConverter.REFERENCE_TYPES.contains(type)) {
                missing.add(name + " (" + type.getName() + ")");
            }
        });
        assertThat(missing).as("object options FrameioSharesBeanReferenceConverter cannot resolve").isEmpty();
    }

    @Test
    void everyOptionWithValuesHasThemAsIdeHints() throws IOException {
        Map<String, JsonNode> hints = starterMetadata("hints");
        options.forEach((name, option) -> {
            if (option.has("enum")) {
                List<String> values = new ArrayList<>();
                option.get("enum").forEach(value -> values.add(value.asText()));
                String key = FrameioSharesComponentConfiguration.PREFIX + "." + StringHelper.camelCaseToDash(name);
                List<String> hinted = new ArrayList<>();
                hints.getOrDefault(key, JSON.missingNode()).path("values")
                        .forEach(value -> hinted.add(value.path("value").asText()));
                assertThat(hinted).as("hints of %s in additional-spring-configuration-metadata.json", name)
                        .isEqualTo(values);
            }
        });
    }

    /**
     * One section ("properties", "hints") of the spring-configuration-metadata.json of this starter (camel-spring-boot
     * ships one too), by property name.
     */
    private static Map<String, JsonNode> starterMetadata(String section) throws IOException {
        Map<String, JsonNode> entries = new HashMap<>();
        for (URL url : Collections.list(ComponentConfigurationCoverageTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            JsonNode metadata;
            try (InputStream in = url.openStream()) {
                metadata = JSON.readTree(in);
            }
            for (JsonNode entry : metadata.path(section)) {
                if (entry.get("name").asText().startsWith(FrameioSharesComponentConfiguration.PREFIX + ".")) {
                    entries.put(entry.get("name").asText(), entry);
                }
            }
        }
        assertThat(entries).as("%s written by spring-boot-configuration-processor", section).isNotEmpty();
        return entries;
    }

    private static Class<?> expectedType(String javaType) {
        Class<?> boxed = BOXED.get(javaType);
        if (boxed != null) {
            return boxed;
        }
        String raw = javaType.contains("<") ? javaType.substring(0, javaType.indexOf('<')) : javaType;
        try {
            return Class.forName(raw);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the component JSON names an unknown type " + javaType, e);
        }
    }

    private static Object invoke(PropertyDescriptor property, Object target) {
        try {
            return property.getReadMethod().invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
