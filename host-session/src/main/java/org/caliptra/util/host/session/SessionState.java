package org.caliptra.util.host.session;

/** Session states (reference SessionState values). */
public enum SessionState {
    DISCONNECTED,
    CONNECTING,
    CONNECTED,
    /** The transport failed while connecting; {@link CaliptraSession#connect()} may be retried. */
    ERROR
}
