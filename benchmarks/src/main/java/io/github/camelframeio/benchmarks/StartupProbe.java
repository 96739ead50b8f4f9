package io.github.camelframeio.benchmarks;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

import java.lang.management.ManagementFactory;

/**
 * A Camel Main application started in a JVM of its own by the footprint benchmark: with a frameio-shares route
 * ({@code with}) or only a timer and a log ({@code without}). Prints the milliseconds from the JVM's start to Camel
 * started, then stops.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean with = args.length > 0 && args[0].equals("with");
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                if (with) {
                    // the producer builds its client (HttpClient 5, Jackson, token provider) when the route starts
                    from("timer:probe?repeatCount=1&delay=-1").to("frameio-shares:getShare?accountId="
                            + "6f70f1bd-7d94-4d1b-9d4c-5d2a0a0e4c11&shareId=b5fb37a0-4ca3-489f-aada-b257e3edda1f"
                            + "&accessToken=not-used&baseUrl=http://127.0.0.1:9&lazyStartProducer=false");
                } else {
                    from("timer:probe?repeatCount=1&delay=-1").to("log:probe?level=OFF");
                }
            }
        });
        main.start();
        long started = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("started-ms=" + started);
        main.stop();
    }
}
