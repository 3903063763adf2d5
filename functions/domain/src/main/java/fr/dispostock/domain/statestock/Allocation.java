package fr.dispostock.domain.statestock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * What to approve of one product on an order day when the PUIs ask more than the supplier has:
 * quantities that equalise the PUIs' coverage in days after delivery ((stock + approved) ÷ daily
 * use), the scarce units going first to those that would run out first ("water-filling"). Never
 * below zero, never above what was asked, whole packs, never more in all than available. A
 * proposal: the ARS decides in its review.
 *
 * <p>A PUI whose use is unknown (no lots history, or none used) is taken to ask for {@link
 * #HORIZON_DAYS} days, the time to the next order day: its daily use is then its order ÷ 28.
 */
public final class Allocation {
    /** Days between two order days (first Thursdays of the month), at least. */
    public static final int HORIZON_DAYS = 28;

    /**
     * One order line to serve.
     *
     * @param asked units ordered (whole packs)
     * @param stock units of the product the PUI holds, unexpired
     * @param dailyUse units a day it used lately, or 0 when unknown
     */
    public record Request(String id, long asked, long stock, double dailyUse) {
        public Request {
            if (asked < 0 || stock < 0 || dailyUse < 0 || Double.isNaN(dailyUse)) {
                throw new IllegalArgumentException("a request's quantities are not negative: " + id);
            }
        }

        /** The use the coverage is counted against: the measured one, else the order spread over the horizon. */
        double use() {
            return dailyUse > 0 ? dailyUse : (double) asked / HORIZON_DAYS;
        }

        /** Days the stock would last with these units more (infinite when nothing is used or asked). */
        double coverage(long more) {
            double use = use();
            return use == 0 ? Double.POSITIVE_INFINITY : (stock + more) / use;
        }
    }

    /** The units proposed for a request and the coverage in days they give (null: nothing used, nothing asked). */
    public record Proposal(Request request, long approved, Double coverageBefore, Double coverageAfter) {
    }

    private Allocation() {
    }

    /**
     * @param available units the supplier can deliver for these requests
     * @param packSize  units per pack: every proposal is a multiple of it
     * @return one proposal per request, in the order given (the order placed first wins a tie)
     */
    public static List<Proposal> propose(long available, int packSize, List<Request> requests) {
        if (available < 0 || packSize < 1) {
            throw new IllegalArgumentException("available " + available + ", pack " + packSize);
        }
        long asked = requests.stream().mapToLong(Request::asked).sum();
        long[] approved = new long[requests.size()];
        if (asked <= available) {
            for (int i = 0; i < approved.length; i++) {
                approved[i] = requests.get(i).asked();
            }
        } else {
            fill(available, packSize, requests, approved);
        }
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < approved.length; i++) {
            Request r = requests.get(i);
            proposals.add(new Proposal(r, approved[i], finite(r.coverage(0)), finite(r.coverage(approved[i]))));
        }
        return proposals;
    }

    /**
     * Packs one at a time to the request of lowest coverage, which gives every pack in the order of
     * the coverage its PUI has before it: so first, at once, every pack whose coverage before it is
     * below the highest level the available units pay for (found by bisection: the units a level
     * needs grow with it), then the packs left one at a time, lowest coverage first.
     */
    private static void fill(long available, int packSize, List<Request> requests, long[] approved) {
        double low = 0;
        double high = requests.stream().mapToDouble(r -> r.coverage(r.asked())).filter(Double::isFinite).max().orElse(0);
        for (int step = 0; step < 100 && high - low > 1e-9; step++) {
            double level = (low + high) / 2;
            if (unitsFor(level, packSize, requests, null) <= available) {
                low = level;
            } else {
                high = level;
            }
        }
        long left = available - unitsFor(low, packSize, requests, approved);
        PriorityQueue<Integer> next = new PriorityQueue<>(Comparator
                .comparingDouble((Integer i) -> requests.get(i).coverage(approved[i]))
                .thenComparingDouble(i -> requests.get(i).coverage(approved[i] + packSize))
                .thenComparingInt(i -> i));
        for (int i = 0; i < approved.length; i++) {
            if (approved[i] + packSize <= requests.get(i).asked()) {
                next.add(i);
            }
        }
        while (left >= packSize && !next.isEmpty()) {
            int i = next.poll();
            approved[i] += packSize;
            left -= packSize;
            if (approved[i] + packSize <= requests.get(i).asked()) {
                next.add(i);
            }
        }
    }

    /** Units of the packs each request would get before its coverage reaches {@code level} days (within what it asked); written in {@code into}. */
    private static long unitsFor(double level, int packSize, List<Request> requests, long[] into) {
        long total = 0;
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            double missing = Math.max(0, level * r.use() - r.stock());
            long units = Math.min(r.asked() / packSize * packSize, (long) Math.ceil(missing / packSize - 1e-9) * packSize);
            if (into != null) {
                into[i] = units;
            }
            total += units;
        }
        return total;
    }

    private static Double finite(double days) {
        return Double.isFinite(days) ? days : null;
    }
}
