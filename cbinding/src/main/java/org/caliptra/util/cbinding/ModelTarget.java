package org.caliptra.util.cbinding;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.RegisterBus;

/**
 * The device behind one C {@code caliptra_model}: a SoC register bus whose {@link RegisterBus#idle()}
 * advances the device by one step, and what a caller of the hw-model API can ask beyond registers.
 * The embedded emulator is one ({@link EmulatedModelTarget}); a device served over the CPTR register
 * socket ({@code CALIPTRA_EMULATOR=apb+unix:PATH}) is another, built on the same bus seam.
 *
 * <p>Implementations are safe to call from several threads: each call is atomic with respect to the
 * others, as {@link RegisterBus#exclusive} sequences are.
 */
interface ModelTarget extends AutoCloseable {
    /** The SoC bus: word accesses at SoC addresses; {@code idle()} is one device step. */
    RegisterBus bus();

    /** The Caliptra generation of the device's registers. */
    Generation generation();

    /** The requester (APB PAUSER / AXI USER) that later accesses present. */
    void setRequesterUser(int user);

    /** Whether the ROM has set ready_for_fw since power-on (a latch). */
    boolean readyForFwSeen();

    /** Whether the device's firmware has stopped for good (a fatal error, SHUTDOWN). */
    boolean halted();

    /** Bytes of debug UART output so far; append-only. */
    int outputLength();

    /** The most bytes the output can reach. */
    int outputCapacity();

    /** The debug UART output from byte {@code from} on. */
    byte[] output(int from);

    @Override
    void close();
}
