package org.caliptra.util.cli.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.soc.CoreMailbox;
import org.caliptra.util.emulator.soc.FuseMap;
import org.caliptra.util.emulator.soc.SocIfc;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.mailbox.MailboxStatus;

/**
 * The SoC side of a boot, as libcaliptra performs it, through nothing but 32-bit register reads
 * and writes and the passage of time: fuses, FUSE_WR_DONE, BOOTFSM_GO, ready_for_fw, mailbox
 * transactions word by word. Each of those sequences runs {@linkplain CaliptraDevice#atomically
 * atomically}, as a SoC's boot code owns the bus while it runs.
 */
final class SocDriver {
    static final int MBOX = CoreMailbox.BASE;
    static final int SOC = SocIfc.BASE;

    private final CaliptraDevice device;
    private final Generation generation;
    private long steps;

    SocDriver(CaliptraDevice device, Generation generation) {
        this.device = device;
        this.generation = generation;
    }

    long steps() {
        return steps;
    }

    int read(int address) {
        return device.read32(address);
    }

    private void step() {
        device.step();
        steps++;
    }

    /** Waits up to {@code limit} steps for {@code flowBits} in CPTRA_FLOW_STATUS. */
    boolean waitFlow(int flowBits, int limit) {
        return device.atomically(d -> waitFlowOnDevice(flowBits, limit));
    }

    private boolean waitFlowOnDevice(int flowBits, int limit) {
        for (int i = 0; i < limit; i++) {
            if ((read(SOC + SocIfc.FLOW_STATUS) & flowBits) == flowBits) {
                return true;
            }
            step();
        }
        return (read(SOC + SocIfc.FLOW_STATUS) & flowBits) == flowBits;
    }

    /** caliptra_init_fuses: every fuse register, then FUSE_WR_DONE; false if ready_for_fuses did not drop. */
    boolean writeFuses(Fuses fuses) {
        return device.atomically(d -> writeFusesOnDevice(fuses));
    }

    private boolean writeFusesOnDevice(Fuses fuses) {
        var map = FuseMap.of(generation);
        boolean v1 = generation == Generation.V1;
        writeHash(map.byName(v1 ? "FUSE_KEY_MANIFEST_PK_HASH" : "FUSE_VENDOR_PK_HASH").offset(), fuses.vendorPkHash());
        writeHash(v1 ? map.byName("FUSE_OWNER_PK_HASH").offset() : SocIfc.OWNER_PK_HASH, fuses.ownerPkHash());
        device.write32(SOC + map.byName(v1 ? "FUSE_KEY_MANIFEST_PK_HASH_MASK" : "FUSE_ECC_REVOCATION").offset(), fuses.eccRevocation());
        device.write32(SOC + map.byName("FUSE_LMS_REVOCATION").offset(), fuses.lmsRevocation());
        if (v1) {
            device.write32(SOC + map.byName("FUSE_LMS_VERIFY").offset(), fuses.lmsVerify() ? 1 : 0);
        } else {
            device.write32(SOC + map.byName("FUSE_MLDSA_REVOCATION").offset(), fuses.mldsaRevocation());
            device.write32(SOC + map.byName("FUSE_PQC_KEY_TYPE").offset(), fuses.pqcKeyType());
        }
        device.write32(SOC + map.byName("FUSE_FMC_KEY_MANIFEST_SVN").offset(), (int) ((1L << fuses.fmcSvn()) - 1));
        int svnBase = map.byName("FUSE_RUNTIME_SVN").offset();
        for (int w = 0; w < 4; w++) {
            int bits = Math.max(0, Math.min(32, fuses.runtimeSvn() - 32 * w));
            device.write32(SOC + svnBase + 4 * w, bits == 32 ? -1 : (1 << bits) - 1);
        }
        device.write32(SOC + map.byName("FUSE_ANTI_ROLLBACK_DISABLE").offset(), fuses.antiRollbackDisable() ? 1 : 0);
        device.write32(SOC + SocIfc.FUSE_WR_DONE, 1);
        return (read(SOC + SocIfc.FLOW_STATUS) & SocIfc.FLOW_READY_FOR_FUSES) == 0;
    }

    /** Hash fuses hold big-endian words: word i = digest bytes 4i..4i+3. */
    private void writeHash(int offset, Octets hash) {
        byte[] b = hash.toByteArray();
        for (int w = 0; w < 12; w++) {
            device.write32(SOC + offset + 4 * w, ByteBuffer.wrap(b, 4 * w, 4).getInt());
        }
    }

    void go() {
        device.write32(SOC + SocIfc.BOOTFSM_GO, 1);
    }

    /** The outcome of one mailbox transaction. */
    record Result(MailboxStatus status, byte[] response, int fwErrorNonFatal) {}

    /**
     * One transaction through the mailbox registers as the current requester, polling STATUS for up
     * to {@code limit} steps; a command the firmware never answers ends as CMD_BUSY.
     */
    Result transact(int command, byte[] payload, int limit) {
        return device.atomically(d -> transactOnDevice(command, payload, limit));
    }

    private Result transactOnDevice(int command, byte[] payload, int limit) {
        if (read(MBOX + CoreMailbox.LOCK) != 0) {
            return new Result(null, new byte[0], 0);
        }
        device.write32(MBOX + CoreMailbox.CMD, command);
        device.write32(MBOX + CoreMailbox.DLEN, payload.length);
        var words = ByteBuffer.wrap(java.util.Arrays.copyOf(payload, (payload.length + 3) & ~3)).order(ByteOrder.LITTLE_ENDIAN);
        while (words.hasRemaining()) {
            device.write32(MBOX + CoreMailbox.DATAIN, words.getInt());
        }
        device.write32(MBOX + CoreMailbox.EXECUTE, 1);
        MailboxStatus status = MailboxStatus.CMD_BUSY;
        for (int i = 0; i < limit && status == MailboxStatus.CMD_BUSY; i++) {
            step();
            status = MailboxStatus.fromField(read(MBOX + CoreMailbox.STATUS));
        }
        byte[] response = new byte[0];
        if (status == MailboxStatus.DATA_READY) {
            int dlen = read(MBOX + CoreMailbox.DLEN);
            response = new byte[dlen];
            for (int at = 0; at < dlen; at += 4) {
                int w = read(MBOX + CoreMailbox.DATAOUT);
                for (int k = 0; k < 4 && at + k < dlen; k++) {
                    response[at + k] = (byte) (w >>> (8 * k));
                }
            }
        }
        device.write32(MBOX + CoreMailbox.EXECUTE, 0);
        step();
        return new Result(status, response, read(SOC + SocIfc.FW_ERROR_NON_FATAL));
    }
}
