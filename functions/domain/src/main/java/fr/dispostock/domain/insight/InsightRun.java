package fr.dispostock.domain.insight;

import fr.dispostock.domain.IsoWeek;

import java.time.Instant;

/**
 * One computation of the insights, named by the instant its schedule fired: a schedule delivered
 * twice finds its run and computes nothing again. A run left COMPUTING (its Lambda died) is finished
 * by the next delivery, which writes the same figures.
 *
 * @param week     the declaration week the run is about (the week of the instant, in Paris)
 * @param assessed how many PUI × item pairs it assessed (0 while computing)
 * @param alerts   how many of them carry a shortage risk within 28 days
 */
public record InsightRun(Instant scheduledFor, IsoWeek week, Instant startedAt, Status status, int assessed, int alerts) {
    public enum Status { COMPUTING, DONE }

    public InsightRun done(int assessed, int alerts) {
        return new InsightRun(scheduledFor, week, startedAt, Status.DONE, assessed, alerts);
    }
}
