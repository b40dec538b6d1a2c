package org.caliptra.util.cbinding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.emulator.DeviceClosedException;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.fuses.FuseSet;
import org.caliptra.util.soc.mailbox.MailboxRegisters;
import org.caliptra.util.soc.mailbox.RegisterMailboxDriver;

/**
 * One C {@code struct caliptra_model}: the object the C shim holds a global reference to and calls
 * instance methods on, so a call needs no handle lookup. Every method returns a
 * {@code caliptra_model.h} status (0, or one of the negative values below; {@link #bootDefault} also
 * a positive Caliptra error code) and never throws; the message of a failure is kept for the
 * calling thread ({@link HwModelBridge#lastError()}).
 *
 * <p>The hot methods ({@link #read32}, {@link #write32}, {@link #step}) allocate nothing.
 * Thread-safe: the target serialises calls.
 */
public final class HwModel {
    /** caliptra_model.h status values. */
    static final int OK = 0;
    static final int INVALID_OBF_KEY_SIZE = -1;
    static final int INVALID_ARGUMENT = -2;
    static final int NO_RUNTIME = -3;
    static final int BUS_FAULT = -4;
    static final int TIMEOUT = -5;
    static final int DEVICE_ERROR = -6;
    static final int INTERNAL = -7;

    /** The reference hw-model's bounds: steps to ready_for_fw, and to a boot status. */
    static final int READY_FOR_FW_STEPS = 20_000_000;
    static final int BOOT_STATUS_STEPS = 30_000_000;

    private static final int FLOW_STATUS = SocIfcRegs.BASE + SocIfcRegs.FLOW_STATUS;
    private static final int BOOT_STATUS = SocIfcRegs.BASE + SocIfcRegs.BOOT_STATUS;
    private static final int FUSE_WR_DONE = SocIfcRegs.BASE + SocIfcRegs.FUSE_WR_DONE;
    private static final int FW_ERROR_FATAL = SocIfcRegs.BASE + SocIfcRegs.FW_ERROR_FATAL;
    private static final int FW_ERROR_NON_FATAL = SocIfcRegs.BASE + SocIfcRegs.FW_ERROR_NON_FATAL;

    private final ModelTarget target;
    private final RegisterBus bus;
    private final FuseSet fuses;
    /** Lines the model itself prints before the device's UART output (configuration, ROM digest). */
    private final byte[] prologue;

    HwModel(ModelTarget target, FuseSet fuses, String prologue) {
        this.target = target;
        this.bus = target.bus();
        this.fuses = fuses;
        this.prologue = prologue.getBytes(StandardCharsets.US_ASCII);
    }

    ModelTarget target() {
        return target;
    }

    /** {@code caliptra_model_apb_read_u32}: the word in the low 32 bits, or a negative status. */
    public long read32(int address) {
        try {
            return Integer.toUnsignedLong(bus.read32(address));
        } catch (Throwable t) {
            return fail(t);
        }
    }

    /** {@code caliptra_model_apb_write_u32}. */
    public int write32(int address, int value) {
        try {
            bus.write32(address, value);
            return OK;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    /** {@code caliptra_model_step}: one device step. */
    public int step() {
        try {
            bus.idle();
            return OK;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    /** {@code caliptra_model_ready_for_fuses}: CPTRA_FUSE_WR_DONE not yet set (false on failure). */
    public boolean readyForFuses() {
        try {
            return (bus.read32(FUSE_WR_DONE) & 1) == 0;
        } catch (Throwable t) {
            fail(t);
            return false;
        }
    }

    /** {@code caliptra_model_ready_for_fw}: the latch. */
    public boolean readyForFw() {
        try {
            return target.readyForFwSeen();
        } catch (Throwable t) {
            fail(t);
            return false;
        }
    }

    /**
     * {@code caliptra_model_exit_requested}: the reference model's test firmware asks to exit by a
     * write to a generic output wire, which the production ROM and runtime never make; here the
     * firmware stopping for good (a fatal error, SHUTDOWN) is the exit, so a C loop stepping until
     * an exit ends when nothing more can happen.
     */
    public boolean exitRequested() {
        try {
            return target.halted();
        } catch (Throwable t) {
            fail(t);
            return false;
        }
    }

    /** {@code caliptra_model_set_axi_user} / {@code _set_apb_pauser}. */
    public int setRequesterUser(int user) {
        try {
            target.setRequesterUser(user);
            return OK;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    /**
     * {@code caliptra_model_step_until_boot_status}: steps until CPTRA_BOOT_STATUS reads {@code status},
     * at most {@link #BOOT_STATUS_STEPS} steps; a halted device ends the wait at once with its fatal
     * error code (positive), a wait that runs out with {@link #TIMEOUT}.
     */
    public int stepUntilBootStatus(int status) {
        try {
            return awaitBootStatus(status);
        } catch (Throwable t) {
            return fail(t);
        }
    }

    private int awaitBootStatus(int status) {
        int[] last = new int[1];
        Integer outcome = bus.exclusive(b -> {
            for (int i = 0; i < BOOT_STATUS_STEPS; i++) {
                int now = b.read32(BOOT_STATUS);
                last[0] = now;
                if (now == status) {
                    return OK;
                }
                // A halted device never moves again; checking costs a lock, so not on every step.
                if ((i & 0x3FF) == 0 && target.halted()) {
                    return halted("while waiting for boot status " + hex(status));
                }
                b.idle();
            }
            return null;
        });
        if (outcome != null) {
            return outcome;
        }
        return HwModelBridge.fail(TIMEOUT, String.format("boot status %s not reached in %d steps; it is %s", hex(status),
                BOOT_STATUS_STEPS, hex(last[0])));
    }

    /**
     * ASPEED's {@code caliptra_model_boot_default}: the device configuration's fuses and
     * CPTRA_FUSE_WR_DONE, CPTRA_BOOTFSM_GO, step until ready_for_fw, FIRMWARE_LOAD of {@code firmware}
     * through the mailbox registers, then step until CPTRA_BOOT_STATUS reads {@code bootStatus}.
     * Returns 0, the Caliptra error code the device stopped with (positive: CPTRA_FW_ERROR_FATAL, else
     * the failed FIRMWARE_LOAD's CPTRA_FW_ERROR_NON_FATAL), or a negative status.
     */
    public int bootDefault(byte[] firmware, int bootStatus) {
        try {
            // One sequence: no other caller's access lands between the fuses and the boot status.
            return bus.exclusive(b -> boot(firmware, bootStatus));
        } catch (Throwable t) {
            return fail(t);
        }
    }

    private int boot(byte[] firmware, int bootStatus) {
        if ((bus.read32(FUSE_WR_DONE) & 1) != 0) {
            return HwModelBridge.fail(DEVICE_ERROR, "boot_default needs a model that is not booted yet: CPTRA_FUSE_WR_DONE is already set");
        }
        boolean accepted = bus.exclusive(b -> {
            fuses.writeTo(b);
            b.write32(FUSE_WR_DONE, 1);
            return (b.read32(FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FUSES) == 0;
        });
        if (!accepted) {
            return HwModelBridge.fail(DEVICE_ERROR, "ready_for_fuses is still set after CPTRA_FUSE_WR_DONE");
        }
        bus.write32(SocIfcRegs.BASE + SocIfcRegs.BOOTFSM_GO, 1);
        Integer waited = bus.exclusive(b -> {
            for (int i = 0; i < READY_FOR_FW_STEPS; i++) {
                if (target.readyForFwSeen()) {
                    return OK;
                }
                if (target.halted()) {
                    return halted("before ready_for_fw");
                }
                // As the reference model's boot: a CSR nobody asked this call for must not stop the ROM.
                if ((b.read32(FLOW_STATUS) & SocIfcRegs.FLOW_IDEVID_CSR_READY) != 0) {
                    b.write32(SocIfcRegs.BASE + SocIfcRegs.DBG_MANUF_SERVICE_REG, 0);
                }
                b.idle();
            }
            return null;
        });
        if (waited == null) {
            return HwModelBridge.fail(TIMEOUT, "ready_for_fw not set within " + READY_FOR_FW_STEPS + " steps");
        }
        if (waited != OK) {
            return waited;
        }
        var mailbox = new RegisterMailboxDriver(bus, MailboxRegisters.core(target.generation()));
        MailboxReply reply;
        try {
            reply = mailbox.execute(CaliptraCommand.FIRMWARE_LOAD.code(), firmware);
        } catch (ProtocolException e) {
            return HwModelBridge.fail(INVALID_ARGUMENT, "FIRMWARE_LOAD: " + e.getMessage());
        }
        if (reply instanceof MailboxReply.Failure f) {
            int fatal = bus.read32(FW_ERROR_FATAL);
            int code = fatal != 0 ? fatal : f.errorCode();
            if (code == 0) {
                return HwModelBridge.fail(DEVICE_ERROR, "FIRMWARE_LOAD failed without an error code");
            }
            return HwModelBridge.fail(code, "FIRMWARE_LOAD failed: " + CaliptraError.describe(code));
        }
        if (!(reply instanceof MailboxReply.Complete)) {
            int status = reply instanceof MailboxReply.Timeout ? TIMEOUT : DEVICE_ERROR;
            return HwModelBridge.fail(status, "FIRMWARE_LOAD did not complete: " + reply);
        }
        return awaitBootStatus(bootStatus);
    }

    /** A halted device's status: its fatal error code, positive; the message says where it stopped. */
    private int halted(String where) {
        int code = bus.read32(FW_ERROR_FATAL);
        if (code == 0) {
            code = bus.read32(FW_ERROR_NON_FATAL);
        }
        if (code == 0) {
            return HwModelBridge.fail(DEVICE_ERROR, "the firmware stopped " + where);
        }
        return HwModelBridge.fail(code, "the firmware stopped " + where + ": " + CaliptraError.describe(code));
    }

    /** Bytes of output so far: the model's own lines, then the device's UART. */
    public int outputLength() {
        try {
            return prologue.length + target.outputLength();
        } catch (Throwable t) {
            return fail(t);
        }
    }

    /** The most output bytes there can ever be, so the C side can keep them at one fixed address. */
    public int outputCapacity() {
        return prologue.length + target.outputCapacity();
    }

    /** The output from byte {@code from} on (null on failure). */
    public byte[] output(int from) {
        try {
            if (from < prologue.length) {
                byte[] device = target.output(0);
                byte[] all = Arrays.copyOf(Arrays.copyOfRange(prologue, from, prologue.length), prologue.length - from + device.length);
                System.arraycopy(device, 0, all, prologue.length - from, device.length);
                return all;
            }
            return target.output(from - prologue.length);
        } catch (Throwable t) {
            fail(t);
            return null;
        }
    }

    /** {@code caliptra_model_destroy}. */
    public int close() {
        try {
            target.close();
            return OK;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    private static String hex(int value) {
        return String.format("0x%X", value);
    }

    /** Maps a failure to its status and keeps its message for the calling thread. */
    static int fail(Throwable t) {
        if (t instanceof BusFaultException) {
            return HwModelBridge.fail(BUS_FAULT, t.getMessage());
        }
        if (t instanceof DeviceClosedException) {
            return HwModelBridge.fail(INVALID_ARGUMENT, "the model was destroyed");
        }
        if (t instanceof IllegalArgumentException) {
            return HwModelBridge.fail(INVALID_ARGUMENT, t.getMessage());
        }
        return HwModelBridge.fail(INTERNAL, "unexpected failure in the emulator: " + t);
    }
}
