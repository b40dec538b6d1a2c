package org.caliptra.util.host.session;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link CaliptraSession} does about slow, failing and idle devices; every field is
 * honoured (the reference defines the same fields and consults none).
 *
 * @param connectTimeout how long a connect (the user's or an automatic reconnect) may take before
 *     it fails with TIMEOUT; also bounds a disconnect
 * @param commandTimeout how long one attempt of a command may take before it fails with TIMEOUT and
 *     the transport is considered broken
 * @param maxRetries how many times a failed command is attempted again (0: once only); which
 *     failures qualify is {@link CaliptraSession}'s policy
 * @param retryBackoff the wait before each retry
 * @param autoReconnect whether the session reconnects a broken transport by itself before the next
 *     attempt; when off, a broken transport leaves the session in ERROR until {@code connect()}
 * @param keepaliveInterval how long the session may be idle before it runs the keepalive command;
 *     zero turns keepalive off
 * @param keepaliveCommand the command a keepalive runs, or null for none (the session does not know
 *     command encodings; the catalogue supplies e.g. GetDeviceCapabilities). Keepalive runs only
 *     when both this and a non-zero interval are given
 */
public record SessionConfig(Duration connectTimeout, Duration commandTimeout, int maxRetries, RetryBackoff retryBackoff,
        boolean autoReconnect, Duration keepaliveInterval, Supplier<? extends Command<?>> keepaliveCommand) {

    public SessionConfig {
        positive(connectTimeout, "connect timeout");
        positive(commandTimeout, "command timeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(keepaliveInterval, "keepaliveInterval");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries must not be negative: " + maxRetries);
        }
        if (keepaliveInterval.isNegative()) {
            throw new IllegalArgumentException("keepalive interval must not be negative: " + keepaliveInterval);
        }
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    /** Connect 5 s, command 10 s, 3 retries, 50 ms ×2 ≤ 1 s, auto-reconnect, keepalive every 30 s once a command is given. */
    public static SessionConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().connectTimeout(connectTimeout).commandTimeout(commandTimeout).maxRetries(maxRetries)
                .retryBackoff(retryBackoff).autoReconnect(autoReconnect).keepalive(keepaliveInterval, keepaliveCommand);
    }

    /** Whether the session runs keepalives at all. */
    public boolean keepaliveEnabled() {
        return !keepaliveInterval.isZero() && keepaliveCommand != null;
    }

    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration commandTimeout = Duration.ofSeconds(10);
        private int maxRetries = 3;
        private RetryBackoff retryBackoff = RetryBackoff.defaults();
        private boolean autoReconnect = true;
        private Duration keepaliveInterval = Duration.ofSeconds(30);
        private Supplier<? extends Command<?>> keepaliveCommand;

        private Builder() {}

        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }

        public Builder commandTimeout(Duration v) { commandTimeout = v; return this; }

        public Builder maxRetries(int v) { maxRetries = v; return this; }

        public Builder retryBackoff(RetryBackoff v) { retryBackoff = v; return this; }

        public Builder autoReconnect(boolean v) { autoReconnect = v; return this; }

        /** Runs {@code command} whenever the session has been idle for {@code interval} (zero: never). */
        public Builder keepalive(Duration interval, Supplier<? extends Command<?>> command) {
            keepaliveInterval = interval;
            keepaliveCommand = command;
            return this;
        }

        /** No keepalive. */
        public Builder noKeepalive() {
            keepaliveInterval = Duration.ZERO;
            keepaliveCommand = null;
            return this;
        }

        public SessionConfig build() {
            return new SessionConfig(connectTimeout, commandTimeout, maxRetries, retryBackoff, autoReconnect, keepaliveInterval,
                    keepaliveCommand);
        }
    }
}
