package fr.dispostock.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * One page of a record's earlier revisions, newest first. Revisions are numbered from 1 (the
 * first declaration) in the order they were written; {@code next} is where the following page
 * starts (the revisions below that number), empty on the last page.
 */
public record HistoryPage<R>(List<R> revisions, OptionalInt next) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final String CURSOR_PREFIX = "rev:";

    public HistoryPage {
        revisions = List.copyOf(revisions);
    }

    /** The page asked for: at most {@code limit} revisions below {@code before} (empty: the newest). */
    public record Request(int limit, OptionalInt before) {
        /** Reads {@code ?limit=&cursor=} (each may be absent), naming what is wrong in {@code v}. */
        public static Request parse(Violations v, String limit, String cursor) {
            int size = DEFAULT_LIMIT;
            if (limit != null) {
                size = limit.matches("[0-9]{1,3}") ? Integer.parseInt(limit) : -1;
                if (size < 1 || size > MAX_LIMIT) {
                    v.add("limit", "must be a whole number between 1 and " + MAX_LIMIT);
                }
            }
            OptionalInt before = OptionalInt.empty();
            if (cursor != null) {
                int revision = revisionOf(cursor);
                if (revision < 2) {
                    v.add("cursor", "is not a cursor this route gave (use the 'next' of the page before)");
                } else {
                    before = OptionalInt.of(revision);
                }
            }
            return new Request(size, before);
        }

        /** The bound of the page: {@code before} if it was given and lower than the record's current revision. */
        public int below(int currentRevision) {
            return Math.min(currentRevision, before.orElse(currentRevision));
        }
    }

    public <T> HistoryPage<T> map(Function<R, T> f) {
        return new HistoryPage<>(revisions.stream().map(f).toList(), next);
    }

    /** The opaque text a client sends back to get the page after this one, or null on the last page. */
    public String nextCursor() {
        return next.isEmpty() ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + next.getAsInt()).getBytes(StandardCharsets.UTF_8));
    }

    /** The revision number a cursor stands for, or -1 when it is not one this class wrote. */
    private static int revisionOf(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return text.startsWith(CURSOR_PREFIX) ? Integer.parseInt(text.substring(CURSOR_PREFIX.length())) : -1;
        } catch (IllegalArgumentException e) { // not Base64, or no number after the prefix
            return -1;
        }
    }

    /**
     * The page of revisions numbered below {@code below}, out of those a record carries in order
     * (oldest first, revision n at index n - 1): for records whose revisions are all at hand.
     */
    public static <R> HistoryPage<R> of(List<R> oldestFirst, int below, int limit) {
        int to = Math.min(below - 1, oldestFirst.size());
        int from = Math.max(0, to - limit);
        List<R> page = new ArrayList<>(oldestFirst.subList(from, to));
        Collections.reverse(page);
        return new HistoryPage<>(page, from > 0 ? OptionalInt.of(from + 1) : OptionalInt.empty());
    }
}
