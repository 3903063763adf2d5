package fr.dispostock.registers;

import com.sun.net.httpserver.HttpServer;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.LocalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** In AWS the keys come from the identity platform's JWKS URL, fetched when the first token arrives. */
@ExtendWith(DynamoDbLocalExtension.class)
class JwksUrlTest {

    @Test
    void tokens_are_verified_with_the_keys_published_at_the_jwks_url() throws Exception {
        // given an identity platform publishing its public keys over HTTP, and the function pointed at it
        LocalTokens platform = LocalTokens.generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            byte[] body = platform.publicJwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        String url = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
        try (HttpApiHarness function = new HttpApiHarness(DynamoDbLocalExtension.dynamoDb(), platform,
                Map.of("dispostock.jwt.jwks", "", "dispostock.jwt.jwks-url", url))) {
            // when a token of that platform, and one signed by another key, call a route
            String good = platform.token("u", null, List.of("NATIONAL"), List.of(), null);
            String foreign = LocalTokens.generate().token("u", null, List.of("NATIONAL"), List.of(), null);

            // then the first is let in, the second is not
            assertEquals(200, function.call("GET", "/v1/medicines", good, null).status());
            assertEquals(401, function.call("GET", "/v1/medicines", foreign, null).status());
        } finally {
            jwks.stop(0);
        }
    }
}
