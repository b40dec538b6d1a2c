package org.caliptra.util.host.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a session waits before each retry: {@code initialDelay} before the first, multiplied by
 * {@code multiplier} for each further one, never more than {@code maxDelay}.
 */
public record RetryBackoff(Duration initialDelay, double multiplier, Duration maxDelay) {
    public RetryBackoff {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("retry backoff: initial delay must not be negative: " + initialDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("retry backoff: multiplier must be a finite number of at least 1: " + multiplier);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry backoff: max delay " + maxDelay + " is below the initial delay " + initialDelay);
        }
    }

    /** 50 ms, doubling, at most 1 s. */
    public static RetryBackoff defaults() {
        return new RetryBackoff(Duration.ofMillis(50), 2.0, Duration.ofSeconds(1));
    }

    /** No wait between retries. */
    public static RetryBackoff none() {
        return new RetryBackoff(Duration.ZERO, 1.0, Duration.ZERO);
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are numbered from 1: " + retry);
        }
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, retry - 1);
        return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
    }
}
