package org.caliptra.util.host.transport.socket;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a socket client waits: to connect, and for each read (a reply that stops arriving).
 *
 * @param connect bound on establishing the connection
 * @param read bound on each wait for bytes of a reply
 */
public record SocketTimeouts(Duration connect, Duration read) {
    public static final SocketTimeouts DEFAULT = new SocketTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

    public SocketTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
            throw new IllegalArgumentException("socket timeouts must be positive: connect " + connect + ", read " + read);
        }
    }
}
