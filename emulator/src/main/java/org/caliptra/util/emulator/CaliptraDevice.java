package org.caliptra.util.emulator;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
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
 * <p>A device made by {@link #createOnCallerThread} has no thread of its own: each call runs on the
 * caller's thread while it holds the device's lock, so calls still run one at a time and each sees
 * the previous one's effects, but a register access costs a method call and an uncontended lock
 * instead of a thread hand-off. That suits a device driven almost entirely by one thread that
 * makes millions of tiny calls (the hw-model C binding's {@code caliptra_model_step}); callers
 * blocked on the lock wait as long as the call in progress takes.
 *
 * <p>Time advances only through {@link #step()} — which is what {@link #idle()} does, so a driver
 * polling a status register lets the firmware run — and behaviour is deterministic for a given
 * configuration.
 */
public final class CaliptraDevice implements RegisterBus, MailboxPort, VdmPort, AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final DeviceConfig config;
    /** The device thread; null for a device that runs on its callers' threads. */
    private final DeviceActor actor;
    /** Held by the caller a call runs on; null for a device with its own thread. */
    private final ReentrantLock lock;
    /** Touched only under {@link #lock}; the actor owns its own reference. */
    private final DeviceCore core;
    private boolean closed;

    private CaliptraDevice(DeviceConfig config, boolean ownThread) {
        this.config = config;
        var state = new DeviceCore(config);
        if (ownThread) {
            this.actor = new DeviceActor(state, "caliptra-device-" + INSTANCES.incrementAndGet());
            this.lock = null;
            this.core = null;
        } else {
            this.actor = null;
            this.lock = new ReentrantLock();
            this.core = state;
        }
    }

    /** A device with its own thread, which every call is handed to. */
    public static CaliptraDevice create(DeviceConfig config) {
        return new CaliptraDevice(config, true);
    }

    /**
     * A device without a thread of its own: every call runs on the thread that makes it, one at a
     * time under the device's lock (see the class description).
     */
    public static CaliptraDevice createOnCallerThread(DeviceConfig config) {
        return new CaliptraDevice(config, false);
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
        if (lock != null) {
            // The common calls skip the lambda a hand-off needs: no allocation per access.
            lock.lock();
            try {
                return open().read32(address);
            } finally {
                lock.unlock();
            }
        }
        return onDevice(core -> core.read32(address));
    }

    @Override
    public void write32(int address, int value) {
        if (lock != null) {
            lock.lock();
            try {
                open().write32(address, value);
            } finally {
                lock.unlock();
            }
            return;
        }
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
     * other threads, and handles its own failures (nobody waits for its outcome). On a device made by
     * {@link #createOnCallerThread}, {@code execute} runs the task itself, on the calling thread under
     * the device's lock, before it returns.
     *
     * @throws DeviceClosedException from {@code execute} once the device is closed
     */
    public Executor executor() {
        if (lock == null) {
            return actor::post;
        }
        // A device without a thread of its own runs a task on the thread that hands it over, under
        // its lock, as it runs every other call: for a server, the event loop itself, with no hand-off.
        return task -> onDevice(core -> {
            task.run();
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
        if (lock != null) {
            lock.lock();
            try {
                open().step();
            } finally {
                lock.unlock();
            }
            return;
        }
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

    /**
     * Whether the ROM has set ready_for_fw (ready_for_mb_processing) since power-on: a latch that
     * stays set after FIRMWARE_LOAD clears the flag, as the reference hw-model's ready_for_fw.
     */
    public boolean readyForFwSeen() {
        return onDevice(DeviceCore::readyForFwSeen);
    }

    /** The length of the firmware's debug UART output so far (see {@link #output}). */
    public int outputLength() {
        return onDevice(core -> core.firmware().uart().length());
    }

    /**
     * The firmware's debug UART output from byte {@code offset} on: one line per boot milestone,
     * mailbox command and fatal error. Append-only and bounded, so earlier bytes never change.
     */
    public byte[] output(int offset) {
        return onDevice(core -> core.firmware().uart().bytesFrom(offset));
    }

    /** The most bytes the debug UART output can reach; later lines are dropped. */
    public int outputCapacity() {
        return onDevice(core -> core.firmware().uart().capacity());
    }

    /** The whole debug UART output as text. */
    public String outputText() {
        return onDevice(core -> core.firmware().uart().text());
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
        if (lock == null) {
            actor.close();
            return;
        }
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private <T> T onDevice(Function<DeviceCore, T> action) {
        if (lock == null) {
            return actor.call(action);
        }
        lock.lock();
        try {
            return action.apply(open());
        } finally {
            lock.unlock();
        }
    }

    /** The state, if the device is still open; call with {@link #lock} held. */
    private DeviceCore open() {
        if (closed) {
            throw new DeviceClosedException("the device is closed");
        }
        return core;
    }
}
