package org.caliptra.util.protocol;

/**
 * The SoC-side register seam: 32-bit word reads and writes at absolute SoC bus addresses.
 *
 * <p>The emulator implements it; host drivers (such as a register-level mailbox driver) accept any
 * implementation, in process or over a socket. Addresses must be word aligned.
 */
public interface RegisterBus {
    int read32(int address);

    void write32(int address, int value);
}
