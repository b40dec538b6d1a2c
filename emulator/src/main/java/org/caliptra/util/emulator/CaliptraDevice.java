package org.caliptra.util.emulator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.RegisterBus;

/**
 * One emulated Caliptra device.
 *
 * <p>All device state lives on one thread owned by this object (an actor): register accesses,
 * mailbox transactions and steps from any caller are submitted to it and run one at a time, so
 * no device state is ever shared between threads. A mailbox transaction is one submission, which
 * keeps its register sequence atomic with respect to other callers.
 *
 * <p>Time advances only through {@link #step()} (and the steps a mailbox transaction takes while
 * it waits for the firmware), so behaviour is deterministic for a given configuration.
 */
public final class CaliptraDevice implements RegisterBus, MailboxPort, AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final DeviceConfig config;
    private final DeviceActor actor;

    private CaliptraDevice(DeviceConfig config) {
        this.config = config;
        this.actor = new DeviceActor(new DeviceCore(config), "caliptra-device-" + INSTANCES.incrementAndGet());
    }

    public static CaliptraDevice create(DeviceConfig config) {
        return new CaliptraDevice(config);
    }

    public static CaliptraDevice createDefault() {
        return create(DeviceConfig.defaults());
    }

    public DeviceConfig config() {
        return config;
    }

    /** SoC bus address of MCU mailbox 0 (its SRAM window; the CSRs are 0x20_0000 above). */
    public int mcuMailboxBase() {
        return config.mciBase() + DeviceCore.MCU_MBOX0_OFFSET;
    }

    @Override
    public int read32(int address) {
        return onDevice(core -> core.read32(address));
    }

    @Override
    public void write32(int address, int value) {
        onDevice(core -> {
            core.write32(address, value);
            return null;
        });
    }

    /** The AXI USER that subsequent register accesses present (like caliptra_model_set_axi_user). */
    public void setRequesterUser(int user) {
        onDevice(core -> {
            core.setRequesterUser(user);
            return null;
        });
    }

    /** Advances device time by one step. */
    public void step() {
        onDevice(core -> {
            core.step();
            return null;
        });
    }

    public long steps() {
        return onDevice(DeviceCore::steps);
    }

    /**
     * Steps until {@code done} holds or {@code maxSteps} pass; returns whether it held. The whole
     * poll is one {@linkplain #atomically atomic sequence}.
     */
    public boolean stepUntil(java.util.function.Predicate<CaliptraDevice> done, int maxSteps) {
        return atomically(device -> {
            for (int i = 0; i < maxSteps; i++) {
                if (done.test(device)) {
                    return true;
                }
                device.step();
            }
            return done.test(device);
        });
    }

    /**
     * Runs {@code sequence} (register accesses, steps, mailbox commands on this device) on the
     * device thread with no other caller's access interleaved, like a bus master that holds the
     * interconnect for a burst. Each access inside costs a method call instead of a thread
     * hand-off, which is what makes a word-by-word mailbox upload from a SoC driver fast. The
     * sequence must not wait on other threads: the device serves nobody else until it returns.
     */
    public <T> T atomically(Function<CaliptraDevice, T> sequence) {
        return onDevice(core -> sequence.apply(this));
    }

    /** Whether the emulated firmware has stopped on a fatal error (only a new device recovers). */
    public boolean fatal() {
        return onDevice(core -> core.firmware().fatal());
    }

    /** The image the ROM accepted, once FIRMWARE_LOAD succeeded. */
    public java.util.Optional<org.caliptra.util.image.verify.AcceptedImage> acceptedImage() {
        return java.util.Optional.ofNullable(onDevice(core -> core.firmware().acceptedImage()));
    }

    /** Register writes dropped because they broke the mailbox protocol (wrong owner, wrong phase). */
    public long protocolViolations() {
        return onDevice(DeviceCore::protocolViolations);
    }

    /**
     * The Caliptra core mailbox as a {@link MailboxPort}: one command through the {@code mbox_csr}
     * registers as the current requester. (On caliptra-1.2 and 2.0 {@link #execute} is the same.)
     */
    public MailboxPort coreMailbox() {
        // No defensive copy: the caller waits while the device copies the request into its SRAM.
        return (command, request) -> onDevice(core -> core.executeCoreMailbox(command, request));
    }

    /**
     * One mailbox command as the current requester: MC_* commands through the MCU mailbox on
     * caliptra-2.1 (subsystem mode), Caliptra commands through the core mailbox otherwise.
     */
    @Override
    public MailboxReply execute(int command, byte[] request) {
        return onDevice(core -> core.executeMailbox(command, request));
    }

    @Override
    public void close() {
        actor.close();
    }

    private <T> T onDevice(Function<DeviceCore, T> action) {
        return actor.call(action);
    }
}
