package fr.dispostock.local;

import fr.dispostock.embedded.AotGuard;
import fr.dispostock.embedded.EmbeddedDynamoDb;
import fr.dispostock.embedded.LocalTokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform in one JVM: DynamoDB Local (tables from template.yaml, data kept in
 * .local-data/), every function's routes on one port, the mail outbox and the token route.
 * Started by ./dispostock-local.
 */
public final class LocalPlatform implements AutoCloseable {
    private final EmbeddedDynamoDb dynamoDb;
    private final ApplicationContext context;

    private LocalPlatform(EmbeddedDynamoDb dynamoDb, ApplicationContext context) {
        this.dynamoDb = dynamoDb;
        this.context = context;
    }

    /**
     * @param port    0 for any free port
     * @param dataDir where the database and the local signing key are kept across restarts
     */
    public static LocalPlatform start(int port, Path dataDir) {
        return start(port, dataDir, true);
    }

    /** @param seed false for an empty platform (benchmarks bring their own data) */
    public static LocalPlatform start(int port, Path dataDir, boolean seed) {
        AotGuard.requireNoAotClasses();
        EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startPersistent(dataDir.resolve("dynamodb"), 0);
        dynamoDb.createTablesFromTemplate();
        LocalTokens tokens = LocalTokens.persistent(dataDir.resolve("local-signing-key.json"));
        Map<String, Object> properties = new HashMap<>(tokens.verifierProperties());
        properties.put("dispostock.dynamodb.endpoint", dynamoDb.endpoint().toString());
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("micronaut.server.port", port);
        properties.put("micronaut.server.max-request-size", "20MB");
        // the OpenAPI descriptions generated from each function's code, at /openapi/<function>-1.yml
        properties.put("micronaut.router.static-resources.openapi.paths", "classpath:META-INF/swagger");
        properties.put("micronaut.router.static-resources.openapi.mapping", "/openapi/**");
        // the portal (module portal/), same origin as /v1; its config.json is LocalIdentityProvider's
        properties.put("micronaut.router.static-resources.portal.paths", "classpath:portal");
        properties.put("micronaut.router.static-resources.portal.mapping", "/**");
        ApplicationContext context = Micronaut.build(new String[0])
                .properties(properties)
                .environments("local")
                .singletons(tokens, new LocalOutbox())
                .banner(false)
                .start();
        if (seed) {
            context.getBean(LocalSeed.class).seedIfEmpty();
        }
        return new LocalPlatform(dynamoDb, context);
    }

    public int port() {
        return context.getBean(EmbeddedServer.class).getPort();
    }

    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
        dynamoDb.close();
    }

    public static void main(String[] args) throws IOException {
        int port = 8080;
        Path dataDir = Path.of(".local-data");
        boolean fresh = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--fresh" -> fresh = true;
                default -> {
                    System.err.println("usage: dispostock-local [--port N] [--data-dir DIR] [--fresh]");
                    System.exit(2);
                }
            }
        }
        if (fresh && Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        LocalPlatform platform = start(port, dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        System.out.println("Dispostock local platform ready on http://127.0.0.1:" + platform.port());
        System.out.println("Get a token: curl -s -X POST http://127.0.0.1:" + platform.port()
                + "/local/token -H 'Content-Type: application/json' -d '{\"roles\":[\"NATIONAL\"]}'");
    }
}
