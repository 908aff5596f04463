package dev.maestro.pipeline.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * A job whose end the pipeline learns only by asking its lab ({@link #poll()}: a container, a
 * cluster Job), so waiting for it is polling at a pace that costs the lab little.
 */
abstract class PolledJob implements RunningJob {
    private final Duration awaitStep;

    PolledJob(Duration awaitStep) {
        this.awaitStep = awaitStep;
    }

    @Override
    public final JobOutcome await() throws InterruptedException {
        while (true) {
            Optional<JobOutcome> ended = poll();
            if (ended.isPresent()) {
                return ended.get();
            }
            Thread.sleep(awaitStep.toMillis());
        }
    }
}
