package org.caliptra.util.emulator;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private final DeviceCore core;
    private final ExecutorService actor;
    private volatile Thread actorThread;

    private CaliptraDevice(DeviceConfig config) {
        this.core = new DeviceCore(config);
        String name = "caliptra-device-" + INSTANCES.incrementAndGet();
        this.actor = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            actorThread = t;
            return t;
        });
    }

    public static CaliptraDevice create(DeviceConfig config) {
        return new CaliptraDevice(config);
    }

    public static CaliptraDevice createDefault() {
        return create(DeviceConfig.defaults());
    }

    public DeviceConfig config() {
        return core.config();
    }

    /** SoC bus address of MCU mailbox 0 (its SRAM window; the CSRs are 0x20_0000 above). */
    public int mcuMailboxBase() {
        return core.mcuMailboxBase();
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

    /** Register writes dropped because they broke the mailbox protocol (wrong owner, wrong phase). */
    public long protocolViolations() {
        return onDevice(DeviceCore::protocolViolations);
    }

    /** One MC_* command through the MCU mailbox registers, as the current requester. */
    @Override
    public MailboxReply execute(int command, byte[] request) {
        byte[] copy = request.clone();
        return onDevice(core -> core.executeMailbox(command, copy));
    }

    @Override
    public void close() {
        actor.shutdownNow();
    }

    private <T> T onDevice(Function<DeviceCore, T> action) {
        if (Thread.currentThread() == actorThread) {
            return action.apply(core);
        }
        try {
            return actor.submit(() -> action.apply(core)).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceClosedException("interrupted while waiting for the device thread");
        } catch (CancellationException | java.util.concurrent.RejectedExecutionException e) {
            throw new DeviceClosedException("the device is closed");
        }
    }
}
