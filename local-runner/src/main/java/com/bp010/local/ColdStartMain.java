package com.bp010.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.bp010.db.LocalContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What {@code bp010 bench} runs in a new JVM next to one shaded Lambda JAR ({@code java -cp <jar>:<dir> ...}): builds
 * the handler by its no-argument constructor, as Lambda does; with {@code primed}, calls its SnapStart hooks
 * ({@code beforeCheckpoint}, then {@code afterRestore}) as Lambda does around the snapshot; invokes it once with the
 * event JSON and prints {@code BP010-RESPONSE <json>} and {@code BP010-TIMING <json>} (milliseconds of the handler's
 * construction, of the hooks, of the first invocation alone, and the CPU time the invoking thread spent in it) on
 * stdout. It references only classes every Lambda
 * JAR holds.
 */
public final class ColdStartMain {
    static final String MARKER = "BP010-RESPONSE ";
    static final String TIMING = "BP010-TIMING ";

    private ColdStartMain() {
    }

    /** {@code args}: handler class, function name, event JSON, {@code primed} or {@code unprimed}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !(args[3].equals("primed") || args[3].equals("unprimed"))) {
            System.err.println("usage: ColdStartMain <handler class> <function name> <event json> primed|unprimed");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor()
                .newInstance();
        long t1 = System.nanoTime();
        if (args[3].equals("primed")) {
            org.crac.Resource hooks = (org.crac.Resource) handler;
            hooks.beforeCheckpoint(null);
            hooks.afterRestore(null);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t2 = System.nanoTime();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(args[2].getBytes(StandardCharsets.UTF_8)), response,
                new LocalContext(args[1]));
        long t3 = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        System.out.println(MARKER + response.toString(StandardCharsets.UTF_8).replace('\n', ' '));
        System.out.println(TIMING + "{\"constructMs\": " + (t1 - t0) / 1_000_000 + ", \"hooksMs\": "
                + (t2 - t1) / 1_000_000 + ", \"firstInvocationMs\": " + (t3 - t2) / 1_000_000
                + ", \"firstInvocationCpuMs\": " + cpu / 1_000_000 + "}");
        System.out.flush();
        System.exit(0);
    }
}
