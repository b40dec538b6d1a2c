package org.caliptra.util.host.session;

import java.util.Optional;

/**
 * A snapshot of what a session has counted since it was created. Counting starts when the session
 * accepts a command (a command refused because the session is not connected or closed is not
 * counted); from then on each attempt and each outcome is counted exactly once. Keepalive commands
 * are commands like any other and are in every command counter too.
 *
 * @param commandsSent attempts handed to the transport, first tries and retries alike (an attempt
 *     whose automatic reconnect failed was never handed over and is not here)
 * @param commandsSucceeded commands whose response arrived and decoded
 * @param commandsFailed commands that ended in an exception, after whatever retries they had
 * @param retries attempts after a command's first (each made after its backoff); a command whose
 *     request encoded took one attempt plus its retries
 * @param timeouts attempts, connects and reconnects that ended in TIMEOUT, whether the session's
 *     own bound fired or the transport reported one
 * @param reconnects automatic reconnections that succeeded (a user's {@code connect()} is not one)
 * @param keepalives keepalive commands run (each also counted as a command)
 * @param keepaliveFailures keepalive commands that failed (each also in {@code commandsFailed})
 * @param bytesSent internal request bytes of every attempt in {@code commandsSent}
 * @param bytesReceived internal response bytes received
 * @param lastError the message of the most recent failure the session saw — a failed attempt,
 *     connect or reconnect, even one a retry then recovered from
 */
public record SessionStatistics(long commandsSent, long commandsSucceeded, long commandsFailed, long retries, long timeouts,
        long reconnects, long keepalives, long keepaliveFailures, long bytesSent, long bytesReceived, Optional<String> lastError) {}
