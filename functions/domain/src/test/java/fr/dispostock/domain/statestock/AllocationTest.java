package fr.dispostock.domain.statestock;

import fr.dispostock.domain.statestock.Allocation.Proposal;
import fr.dispostock.domain.statestock.Allocation.Request;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocationTest {
    /** a holds 0 and uses 2 a day, b holds 40 and uses 2 a day, c holds 10 and uses 1 a day; 150 units asked. */
    static final List<Request> THREE_PUIS = List.of(new Request("a", 60, 0, 2), new Request("b", 60, 40, 2),
            new Request("c", 30, 10, 1));

    private static List<Long> approved(List<Proposal> proposals) {
        return proposals.stream().map(Proposal::approved).toList();
    }

    @Test
    void when_enough_is_available_everyone_gets_what_they_asked() {
        // given the three PUIs' 150 units asked and 150 available

        // when the allocation is proposed
        List<Proposal> p = Allocation.propose(150, 10, THREE_PUIS);

        // then every order is approved as asked
        assertEquals(List.of(60L, 60L, 30L), approved(p));
    }

    @Test
    void scarce_units_bring_every_pui_to_the_same_coverage_in_days() {
        // given the three PUIs' 150 units asked, 100 available, packs of 10:
        //   by hand: a level of L days needs 2L + (2L - 40) + (L - 10) = 5L - 50 units; 100 units give L = 30:
        //   a 60, b 20, c 20, all whole packs, all within what was asked

        // when the allocation is proposed
        List<Proposal> p = Allocation.propose(100, 10, THREE_PUIS);

        // then each PUI reaches 30 days
        assertEquals(List.of(60L, 20L, 20L), approved(p));
        assertEquals(List.of(30.0, 30.0, 30.0), p.stream().map(x -> x.coverageAfter()).map(d -> Math.round(d * 1e6) / 1e6).toList());
        assertEquals(List.of(0.0, 20.0, 10.0), p.stream().map(Proposal::coverageBefore).toList());
    }

    @Test
    void whole_packs_go_one_by_one_to_the_pui_that_would_run_out_first() {
        // given the same PUIs with 95 units, by hand one pack at a time to the lowest coverage (ties: the one that
        //   would then have less, then the first ordered): a 0→5, a 5→10, a (tied with c at 10, 15 after) →15, c →20,
        //   a →20, then a, b, c all at 20: a →25, b →25, c →30, a (tied with b at 25, a ordered first) →30: 90 units;
        //   b's next pack would make 100: the 5 units left are not a pack

        // when the allocation is proposed
        List<Proposal> p = Allocation.propose(95, 10, THREE_PUIS);

        // then a 60, b 10, c 20: 90 units, never more than available, each a whole number of packs
        assertEquals(List.of(60L, 10L, 20L), approved(p));
    }

    @Test
    void no_pui_gets_more_than_it_asked_and_what_it_leaves_goes_to_the_others() {
        // given a small order (10 units, holding nothing, using 5/day) beside a big one (100, using 1/day), 50 available:
        //   the level of the small one would be 2 days with its 10; the rest, 40, goes to the big one
        List<Request> asks = List.of(new Request("small", 10, 0, 5), new Request("big", 100, 0, 1));

        // when the allocation is proposed
        List<Proposal> p = Allocation.propose(50, 5, asks);

        // then the small order is served in full and the big one gets the rest
        assertEquals(List.of(10L, 40L), approved(p));
    }

    @Test
    void a_pui_whose_use_is_unknown_is_taken_to_ask_for_the_28_days_to_the_next_order_day() {
        // given a PUI of unknown use asking 56 (2/day over 28 days) and holding 0, and one using 2/day holding 28 (14 days),
        //   asking 56; 56 available, packs of 2: at L days, 2L + (2L - 28) = 56 gives L = 21: 42 and 14
        List<Request> asks = List.of(new Request("new", 56, 0, 0), new Request("known", 56, 28, 2));

        // when the allocation is proposed
        List<Proposal> p = Allocation.propose(56, 2, asks);

        // then both reach 21 days
        assertEquals(List.of(42L, 14L), approved(p));
    }

    @Test
    void nothing_available_approves_nothing() {
        // when nothing is available, then nothing is proposed
        assertEquals(List.of(0L, 0L), approved(Allocation.propose(0, 10, List.of(new Request("a", 60, 0, 2),
                new Request("b", 60, 0, 1)))));
    }

    @Test
    void on_random_orders_proposals_stay_within_what_was_asked_and_available_and_no_pack_could_be_moved_to_a_lower_coverage() {
        // given 500 random order days (seeded), each of 1 to 30 PUIs asking whole packs of more than is available
        SplittableRandom random = new SplittableRandom(13);
        for (int day = 0; day < 500; day++) {
            int pack = 1 + random.nextInt(20);
            List<Request> asks = IntStream.range(0, 1 + random.nextInt(30)).mapToObj(i -> new Request("p" + i,
                    (long) random.nextInt(50) * pack, random.nextInt(500), random.nextInt(4) == 0 ? 0 : random.nextDouble(0.1, 20)))
                    .toList();
            long asked = asks.stream().mapToLong(Request::asked).sum();
            long available = asked == 0 ? 0 : random.nextLong(asked);

            // when the allocation is proposed
            List<Proposal> p = Allocation.propose(available, pack, asks);

            // then each is whole packs within [0, asked], the total within what is available with less than a
            // pack per PUI unused, and no pack taken from one PUI could lift a lower one above it (max-min fair)
            long total = p.stream().mapToLong(Proposal::approved).sum();
            assertTrue(total <= available && available - total < (long) pack * Math.max(1, asks.size()), "day " + day);
            for (Proposal x : p) {
                assertTrue(x.approved() >= 0 && x.approved() <= x.request().asked() && x.approved() % pack == 0, "day " + day);
                for (Proposal y : p) {
                    if (x != y && x.approved() >= pack && y.approved() + pack <= y.request().asked() && x.coverageAfter() != null
                            && y.coverageAfter() != null) {
                        double xLess = x.request().coverage(x.approved() - pack);
                        double yMore = y.request().coverage(y.approved() + pack);
                        assertTrue(Math.min(xLess, yMore) <= Math.min(x.coverageAfter(), y.coverageAfter()) + 1e-6,
                                "day " + day + ": a pack from " + x.request().id() + " to " + y.request().id() + " raises the lower");
                    }
                }
            }
        }
    }
}
