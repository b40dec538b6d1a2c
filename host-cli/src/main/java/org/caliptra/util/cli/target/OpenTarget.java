package org.caliptra.util.cli.target;

import java.util.Objects;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.host.transport.Transport;

/**
 * A target that has been opened: the transport to it plus whatever backs it (an embedded device,
 * a socket). Closing it releases both.
 */
public final class OpenTarget implements AutoCloseable {
    private final String uri;
    private final Transport transport;
    private final AutoCloseable backing;

    OpenTarget(String uri, Transport transport, AutoCloseable backing) {
        this.uri = Objects.requireNonNull(uri);
        this.transport = Objects.requireNonNull(transport);
        this.backing = backing;
    }

    public String uri() {
        return uri;
    }

    public Transport transport() {
        return transport;
    }

    /** A new session over this target's transport, already connected. */
    public CaliptraSession connect() {
        var session = new CaliptraSession(transport);
        session.connect();
        return session;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } finally {
            if (backing != null) {
                try {
                    backing.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + uri + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
