package org.caliptra.util.emulator.firmware;

/** Who sent a mailbox command: the AXI USER (1.x: PAUSER) the mailbox latched with the lock. */
public record Requester(int user) {}
