import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build step (run by exec-maven-plugin in process-classes, as a single-file Java program): fills in the Karaf
 * features descriptor. {@code ${name}} comes from the name=value arguments; {@code @version:artifactId@} is the
 * version of that artifact's jar on the classpath this build resolved, so the descriptor always names the very
 * versions the component was built and tested with (Jackson and HttpClient move with the Camel line).
 *
 * Usage: java -cp <runtime classpath> RenderKarafFeatures.java <template> <output> [name=value ...]
 */
public class RenderKarafFeatures {

    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            text = text.replace("${" + args[i].substring(0, eq) + "}", args[i].substring(eq + 1));
        }
        Matcher m = Pattern.compile("@version:([A-Za-z0-9_.-]+)@").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(versionOf(m.group(1))));
        }
        m.appendTail(out);
        if (out.indexOf("${") >= 0 || out.indexOf("@version:") >= 0) {
            throw new IllegalStateException("Unresolved placeholders left in " + args[0]);
        }
        Path target = Path.of(args[1]);
        Files.createDirectories(target.getParent());
        Files.writeString(target, out.toString(), StandardCharsets.UTF_8);
    }

    private static String versionOf(String artifactId) {
        Pattern jar = Pattern.compile(Pattern.quote(artifactId) + "-(\\d[^/\\\\]*)\\.jar");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher m = jar.matcher(new File(entry).getName());
            if (m.matches()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("No " + artifactId + " jar on the classpath");
    }
}
