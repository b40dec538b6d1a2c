package org.caliptra.util.emulator.dice;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Derives a layer's keys and certificates on a background thread as soon as the ROM or FMC would,
 * so that the first command that asks for them finds them ready. Each value is a {@link Lazy}: a
 * caller that comes first computes it itself and the background work then finds it done, so the
 * results are the same whichever thread gets there first. One daemon thread serves every device.
 */
final class Precompute {
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "caliptra-dice-precompute");
        t.setDaemon(true);
        return t;
    });

    private Precompute() {}

    /** Runs {@code derivations} in order in the background; a failure is left for the foreground to meet. */
    static void start(Runnable... derivations) {
        WORKER.execute(() -> {
            for (Runnable d : derivations) {
                try {
                    d.run();
                } catch (RuntimeException e) {
                    return; // the same call on the device thread raises it where it can be reported
                }
            }
        });
    }
}
