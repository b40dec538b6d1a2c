package org.caliptra.util.host.session;

/**
 * Session states (the reference's, without AUTHENTICATED: the reference reaches it through a
 * handshake stub that authenticates nothing, and neither the mailbox nor MCTP-VDM has a session
 * handshake to give it meaning).
 */
public enum SessionState {
    /** Not connected: new, disconnected by the user, or closed. Commands are refused. */
    DISCONNECTED,
    /** A connect or an automatic reconnect is under way. */
    CONNECTING,
    /** Connected; commands run. */
    CONNECTED,
    /**
     * The transport failed to connect or broke (a timeout, a dropped link) and was disconnected.
     * With auto-reconnect the next command (or keepalive) reconnects first; without it, only
     * {@link CaliptraSession#connect()} leaves this state.
     */
    ERROR
}
