package fr.dispostock.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The seed's bulk writes, a few at a time: DynamoDB Local writes through one SQLite thread, and
 * parallel requests keep it busy while others are sent and parsed.
 */
final class Parallel {
    /** Measured on 2 cores: more threads than this only wait on SQLite. */
    static final int THREADS = 4;

    private Parallel() {
    }

    /** Runs the task on every piece of work, {@link #THREADS} at once; the first failure fails the whole. */
    static <T> void forEach(List<T> work, Consumer<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (T piece : work) {
                done.add(pool.submit(() -> task.accept(piece)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the seed was not loaded", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
