package fr.dispostock.local;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser that opens the portal at {@code http://localhost:<port>} is sent to the same page at
 * {@code http://127.0.0.1:<port>} first. The identity provider's issuer (in every token, trusted by
 * the functions) names 127.0.0.1, and the portal's session and PKCE verifier live in the storage of
 * the origin that started the sign-in: at localhost they would be lost on the way back. Only page
 * loads are sent over (GET asking for HTML); scripts calling the API at localhost are left alone.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class LoopbackOriginFilter {
    private static final Pattern LOCALHOST = Pattern.compile("localhost(:\\d+)?");

    @RequestFilter
    @Nullable
    public HttpResponse<?> toLoopbackAddress(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        Matcher localhost = host == null ? null : LOCALHOST.matcher(host.toLowerCase(Locale.ROOT));
        if (request.getMethod() != HttpMethod.GET || localhost == null || !localhost.matches()
                || accept == null || !accept.contains("text/html")) {
            return null;
        }
        String port = localhost.group(1) == null ? "" : localhost.group(1);
        return HttpResponse.temporaryRedirect(URI.create("http://127.0.0.1" + port + request.getUri()));
    }
}
