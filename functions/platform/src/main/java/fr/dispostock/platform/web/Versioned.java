package fr.dispostock.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/** A register item with its version as ETag, to be sent back in If-Match on the next update. */
public final class Versioned {
    /** The OpenAPI descriptions of a versioned PUT's conflicts (412, 428), described once for every function. */
    public static final String MISMATCH = "If-Match names another version than the current one (someone changed it"
            + " since it was read), or names one of an item that does not exist yet; nothing written";
    public static final String REQUIRED = "the item exists and If-Match is missing: send the version read; nothing written";
    public static final String CONCURRENT = "a concurrent write won (the item created by someone else meanwhile): read it"
            + " and retry; nothing written";

    private Versioned() {
    }

    public static <T> MutableHttpResponse<T> ok(T body, long version) {
        return HttpResponse.ok(body).header(HttpHeaders.ETAG, "\"" + version + "\"");
    }

    /** 201 for the first version of an item, 200 for the later ones. */
    public static <T> MutableHttpResponse<T> saved(T body, long version) {
        MutableHttpResponse<T> response = version == 1 ? HttpResponse.created(body) : HttpResponse.ok(body);
        return response.header(HttpHeaders.ETAG, "\"" + version + "\"");
    }
}
