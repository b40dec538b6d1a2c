package org.caliptra.util.emulator.firmware;

/**
 * The firmware's handler for one command: the decoded request and its requester in, the response
 * record out, or a {@link CommandFailure}.
 */
@FunctionalInterface
public interface CommandHandler<Q, R> {
    R handle(Q request, Requester requester);
}
