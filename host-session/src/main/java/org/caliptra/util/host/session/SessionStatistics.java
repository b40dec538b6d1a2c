package org.caliptra.util.host.session;

/** A snapshot of what a session has counted since it was created. */
public record SessionStatistics(
        long commandsSent, long commandsSucceeded, long commandsFailed, long bytesSent, long bytesReceived) {}
