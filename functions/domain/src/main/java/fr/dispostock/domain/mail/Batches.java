package fr.dispostock.domain.mail;

import java.util.ArrayList;
import java.util.List;

/** Recipients cut into the batches of one SES call each, in order. */
public final class Batches {
    private Batches() {
    }

    public static <T> List<List<T>> of(List<T> recipients) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < recipients.size(); from += BulkMailer.MAX_BATCH) {
            batches.add(List.copyOf(recipients.subList(from, Math.min(recipients.size(), from + BulkMailer.MAX_BATCH))));
        }
        return batches;
    }
}
