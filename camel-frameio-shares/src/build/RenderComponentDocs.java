import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Build step (run by exec-maven-plugin in process-classes, as a single-file Java program): renders the options and
 * headers tables of the component's AsciiDoc page from the component JSON that camel-package-maven-plugin
 * generated, between the "// ... : START" and "// ... : END" markers. The tables are never edited by hand.
 *
 * Usage: java -cp <classpath with camel-util-json> RenderComponentDocs.java <component.json> <component.adoc>
 */
public class RenderComponentDocs {

    public static void main(String[] args) throws Exception {
        Path json = Path.of(args[0]);
        Path adoc = Path.of(args[1]);
        JsonObject root = (JsonObject) Jsoner.deserialize(Files.readString(json, StandardCharsets.UTF_8));
        String page = Files.readString(adoc, StandardCharsets.UTF_8);
        page = replace(page, "component options", componentOptions(root));
        page = replace(page, "endpoint options", endpointOptions(root));
        page = replace(page, "component headers", headers(root));
        String before = Files.readString(adoc, StandardCharsets.UTF_8);
        if (!page.equals(before)) {
            Files.writeString(adoc, page, StandardCharsets.UTF_8);
            System.out.println("Rendered the options and headers tables of " + adoc.getFileName());
        }
    }

    private static String replace(String page, String marker, String content) {
        String start = "// " + marker + ": START";
        String end = "// " + marker + ": END";
        int s = page.indexOf(start);
        int e = page.indexOf(end);
        if (s < 0 || e < s) {
            throw new IllegalStateException("Markers '" + start + "' and '" + end + "' not found");
        }
        return page.substring(0, s + start.length()) + "\n" + content + page.substring(e);
    }

    private static String componentOptions(JsonObject root) {
        JsonObject props = (JsonObject) root.get("componentProperties");
        StringBuilder sb = new StringBuilder();
        sb.append("=== Component options\n\n");
        sb.append("The component supports ").append(props.size()).append(" options. Set at component level (for"
                + " example `camel.component.frameio-shares.account-id` in Camel Main or Spring Boot) they are the"
                + " defaults of every endpoint.\n\n");
        table(sb, props, false);
        return sb.toString();
    }

    private static String endpointOptions(JsonObject root) {
        JsonObject props = (JsonObject) root.get("properties");
        JsonObject component = (JsonObject) root.get("component");
        StringBuilder sb = new StringBuilder();
        sb.append("=== Endpoint options\n\n");
        sb.append("The endpoint is configured using URI syntax:\n\n----\n").append(component.get("syntax"))
                .append("\n----\n\n");
        List<String> path = new ArrayList<>();
        List<String> query = new ArrayList<>();
        for (Map.Entry<String, Object> e : props.entrySet()) {
            ("path".equals(((JsonObject) e.getValue()).get("kind")) ? path : query).add(e.getKey());
        }
        sb.append("==== Path parameters (").append(path.size()).append(")\n\n");
        table(sb, subset(props, path), true);
        sb.append("\n==== Query parameters (").append(query.size()).append(")\n\n");
        table(sb, subset(props, query), false);
        return sb.toString();
    }

    private static String headers(JsonObject root) {
        JsonObject headers = (JsonObject) root.get("headers");
        StringBuilder sb = new StringBuilder();
        sb.append("=== Message headers\n\n");
        sb.append("The component supports ").append(headers.size()).append(" message headers.\n\n");
        sb.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n\n");
        for (Map.Entry<String, Object> e : headers.entrySet()) {
            JsonObject h = (JsonObject) e.getValue();
            sb.append("| *").append(e.getKey()).append("* (").append(h.getOrDefault("group", "common")).append(")\n")
                    .append("*Constant:* `").append(h.get("constantName")).append("` | ")
                    .append(cell(h.get("description"))).append(" | ").append(cell(h.get("defaultValue"))).append(" | ")
                    .append(cell(h.get("javaType"))).append('\n');
        }
        sb.append("|===\n");
        return sb.toString();
    }

    private static JsonObject subset(JsonObject props, List<String> names) {
        JsonObject result = new JsonObject();
        names.forEach(n -> result.put(n, props.get(n)));
        return result;
    }

    private static void table(StringBuilder sb, JsonObject props, boolean path) {
        sb.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n\n");
        for (Map.Entry<String, Object> e : props.entrySet()) {
            JsonObject p = (JsonObject) e.getValue();
            StringBuilder description = new StringBuilder(String.valueOf(p.get("description")));
            if (Boolean.TRUE.equals(p.get("required"))) {
                description.append(" Required.");
            }
            if (Boolean.TRUE.equals(p.get("secret"))) {
                description.append(" A secret: masked in logs and endpoint URIs.");
            }
            Object values = p.get("enum");
            if (values instanceof List<?> list && !list.isEmpty()) {
                description.append(" Values: ").append(String.join(", ", list.stream().map(v -> "`" + v + "`").toList()))
                        .append('.');
            }
            sb.append("| *").append(e.getKey()).append("* (").append(path ? "common" : p.getOrDefault("group", "common"))
                    .append(") | ").append(cell(description.toString())).append(" | ").append(cell(p.get("defaultValue")))
                    .append(" | ").append(cell(shortType(String.valueOf(p.get("javaType"))))).append('\n');
        }
        sb.append("|===\n");
    }

    private static String shortType(String javaType) {
        return javaType.replaceAll("([a-z][a-z0-9_]*\\.)+([A-Z])", "$2");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value.toString().replace("|", "\\|").replace("\n", " ");
    }
}
