package com.bp010.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.bp010.db.LocalContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What {@code bp010 bench} runs in a new JVM next to one shaded Lambda JAR ({@code java -cp <jar>:<dir> ...}): builds
 * the handler by its no-argument constructor, as Lambda does, invokes it once with the event JSON and prints
 * {@code BP010-RESPONSE <json>} on stdout. It references only classes every Lambda JAR holds.
 */
public final class ColdStartMain {
    static final String MARKER = "BP010-RESPONSE ";

    private ColdStartMain() {
    }

    /** {@code args}: handler class, function name, event JSON. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ColdStartMain <handler class> <function name> <event json>");
            System.exit(2);
        }
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor()
                .newInstance();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(args[2].getBytes(StandardCharsets.UTF_8)), response,
                new LocalContext(args[1]));
        System.out.println(MARKER + response.toString(StandardCharsets.UTF_8).replace('\n', ' '));
        System.out.flush();
        System.exit(0);
    }
}
