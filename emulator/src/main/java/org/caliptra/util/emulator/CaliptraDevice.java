package org.caliptra.util.emulator;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.image.verify.AcceptedImage;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.mctp.VdmPort;
import org.caliptra.util.protocol.regs.MciRegs;

/**
 * One emulated Caliptra device.
 *
 * <p>All device state lives on one thread owned by this object (an actor): register accesses,
 * mailbox transactions and steps from any caller are submitted to it and run one at a time, so
 * no device state is ever shared between threads. An {@linkplain #exclusive exclusive} sequence —
 * a whole mailbox transaction, a boot stage — is one submission, which keeps it atomic with
 * respect to other callers and makes each access inside it a plain method call.
 *
 * <p>Time advances only through {@link #step()} — which is what {@link #idle()} does, so a driver
 * polling a status register lets the firmware run — and behaviour is deterministic for a given
 * configuration.
 */
public final class CaliptraDevice implements RegisterBus, MailboxPort, VdmPort, AutoCloseable {
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

    /**
     * The SRAM of the mailbox {@link #execute} uses, which bounds a command's request and response:
     * MCU mailbox 0's on caliptra-2.1, the core mailbox's otherwise.
     */
    public int commandMailboxBytes() {
        return config.profile().subsystemMode() ? DeviceCore.MCU_MBOX_SRAM_BYTES : config.profile().mailboxBytes();
    }

    /** SoC bus address of MCU mailbox 0 (its SRAM window; the CSRs are 0x20_0000 above). */
    public int mcuMailboxBase() {
        return config.mciBase() + MciRegs.MBOX0_OFFSET;
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

    /** One step: the emulated device's time passes only when asked. */
    @Override
    public void idle() {
        step();
    }

    @Override
    public void writeFifo(int address, byte[] data, int offset, int length) {
        onDevice(core -> {
            core.writeFifo(address, data, offset, length);
            return null;
        });
    }

    @Override
    public void readFifo(int address, byte[] into, int offset, int length) {
        onDevice(core -> {
            core.readFifo(address, into, offset, length);
            return null;
        });
    }

    @Override
    public void writeBlock(int address, byte[] data, int offset, int length) {
        onDevice(core -> {
            core.writeBlock(address, data, offset, length);
            return null;
        });
    }

    @Override
    public void readBlock(int address, byte[] into, int offset, int length) {
        onDevice(core -> {
            core.readBlock(address, into, offset, length);
            return null;
        });
    }

    /**
     * Runs {@code sequence} on the device thread with no other caller's access interleaved, like a
     * bus master that holds the interconnect for a burst. The bus it is given is the device's own
     * view, where each access costs a method call instead of a thread hand-off; it is valid only
     * inside the call. The sequence must not wait on other threads: the device serves nobody else
     * until it returns.
     */
    @Override
    public <T> T exclusive(Function<RegisterBus, T> sequence) {
        return onDevice(sequence::apply);
    }

    /**
     * An executor whose tasks run on the device thread, one at a time, in submission order, among
     * the device's other calls; inside a task every method of this device (and of its
     * {@linkplain #asUser bus masters}) runs inline. For servers: an event loop hands a request to
     * the device without waiting for it, and the task writes the answer. A task must not wait for
     * other threads, and handles its own failures (nobody waits for its outcome).
     *
     * @throws DeviceClosedException from {@code execute} once the device is closed
     */
    public Executor executor() {
        return actor::post;
    }

    /** The AXI USER that subsequent register accesses present (like caliptra_model_set_axi_user). */
    public void setRequesterUser(int user) {
        onDevice(core -> {
            core.setRequesterUser(user);
            return null;
        });
    }

    /**
     * A bus master of its own: every access and mailbox command through the view presents
     * {@code user} as its AXI USER, whatever {@link #setRequesterUser} says, so several SoC agents
     * can share one device.
     */
    public BusMaster asUser(int user) {
        return new BusMaster(user);
    }

    /** One SoC agent's view of the device (see {@link #asUser}). */
    public final class BusMaster implements RegisterBus, MailboxPort {
        private final int user;

        private BusMaster(int user) {
            this.user = user;
        }

        public int user() {
            return user;
        }

        @Override
        public int read32(int address) {
            return as(core -> core.read32(address));
        }

        @Override
        public void write32(int address, int value) {
            as(core -> {
                core.write32(address, value);
                return null;
            });
        }

        @Override
        public void idle() {
            CaliptraDevice.this.step();
        }

        @Override
        public <T> T exclusive(Function<RegisterBus, T> sequence) {
            return as(sequence::apply);
        }

        @Override
        public MailboxReply execute(int command, byte[] request) {
            return as(core -> core.commandMailboxPort().execute(command, request));
        }

        /** The core mailbox as this agent. */
        public MailboxPort coreMailbox() {
            return (command, request) -> as(core -> core.coreMailboxPort().execute(command, request));
        }

        private <T> T as(Function<DeviceCore, T> action) {
            return onDevice(core -> core.withUser(user, action));
        }
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
     * poll is one exclusive sequence.
     */
    public boolean stepUntil(Predicate<RegisterBus> done, int maxSteps) {
        return exclusive(bus -> {
            for (int i = 0; i < maxSteps; i++) {
                if (done.test(bus)) {
                    return true;
                }
                bus.idle();
            }
            return done.test(bus);
        });
    }

    /** What the emulated Caliptra uC is doing. */
    public CaliptraFirmware.Phase phase() {
        return onDevice(core -> core.firmware().phase());
    }

    /** Whether the emulated firmware has stopped on a fatal error (only a new device recovers). */
    public boolean fatal() {
        return onDevice(core -> core.firmware().halted());
    }

    /** The image the ROM accepted, once FIRMWARE_LOAD succeeded. */
    public Optional<AcceptedImage> acceptedImage() {
        return Optional.ofNullable(onDevice(core -> core.firmware().acceptedImage()));
    }

    /** MCI mailbox register writes dropped because they broke the mailbox protocol (wrong owner, wrong phase). */
    public long protocolViolations() {
        return onDevice(DeviceCore::protocolViolations);
    }

    /**
     * The Caliptra core mailbox as a {@link MailboxPort}: one command through the {@code mbox_csr}
     * registers as the current requester. (On caliptra-1.2 and 2.0 {@link #execute} is the same.)
     */
    public MailboxPort coreMailbox() {
        // No defensive copy: the caller waits while the device copies the request into its SRAM.
        return (command, request) -> onDevice(core -> core.coreMailboxPort().execute(command, request));
    }

    /**
     * One mailbox command as the current requester: MC_* commands through MCI mailbox 0 on
     * caliptra-2.1 (subsystem mode), Caliptra commands through the core mailbox otherwise. The
     * transaction is the SoC driver's ({@code soc-driver}'s RegisterMailboxDriver) run on the
     * device thread; an unanswered command ends as {@link MailboxReply.Timeout}.
     */
    @Override
    public MailboxReply execute(int command, byte[] request) {
        return onDevice(core -> core.commandMailboxPort().execute(command, request));
    }

    /**
     * One exchange with the MCU's MCTP-VDM responder (caliptra-2.1), on the device thread like
     * every other access: FirmwareVersion, DeviceCapabilities, GetDebugLog, ClearDebugLog.
     *
     * @throws IllegalStateException on a profile without an MCU
     */
    @Override
    public byte[] exchangeVdm(byte[] request) {
        byte[] copy = request.clone();
        return onDevice(core -> core.exchangeVdm(copy));
    }

    @Override
    public void close() {
        actor.close();
    }

    private <T> T onDevice(Function<DeviceCore, T> action) {
        return actor.call(action);
    }
}
