package org.caliptra.util.emulator.mcu;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_FE_PROG_ILLEGAL_LIFECYCLE_STATE;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_FE_PROG_INVALID_PARTITION;
import static org.caliptra.util.protocol.mctp.VdmCompletionCode.INVALID_PARAMETER;
import static org.caliptra.util.protocol.mctp.VdmCompletionCode.OPERATION_FAILED;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.mcu.fuse.FuseMap;
import org.caliptra.util.emulator.mcu.fuse.OtpException;
import org.caliptra.util.emulator.mcu.fuse.OtpPartition;
import org.caliptra.util.emulator.mcu.fuse.SubsystemFuses;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands;
import org.caliptra.util.protocol.mcu.McFuseCommands;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseReadRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.KeyType;
import org.caliptra.util.protocol.mcu.McFuseCommands.RuntimeFuseReadData;
import org.caliptra.util.protocol.regs.Lifecycle;

/**
 * The MCU runtime's fuse commands (caliptra-mcu-sw cmd_interface.rs, device_ops.rs,
 * docs/src/fuse_api_cmd.md): MC_GET_AUTH_CMD_CHALLENGE, and — each only with a valid
 * authorization trailer, as the reference MCU runtime demands of all of them on the mailbox —
 * MC_FUSE_READ / WRITE / LOCK_PARTITION, vendor and owner PK hash provisioning, the Caliptra
 * minimum SVN, field entropy programming and vendor key and PK hash revocation.
 *
 * <p>A request whose size fits neither the bare fields nor the fields and the trailer fails as
 * the reference's authorizer fails it: UNAUTHORIZED_COMMAND.
 */
final class FuseHandlers implements CommandTable.CommandFamily {
    private static final int MAX_SVN = 128;
    /** Bytes of seed FE_PROG burns into a field entropy partition. */
    private static final int FIELD_ENTROPY_BYTES = 8;

    private final AuthorizationGate gate;
    private final SubsystemFuses fuses;
    private final CoreState core;

    FuseHandlers(AuthorizationGate gate, SubsystemFuses fuses, CoreState core) {
        this.gate = gate;
        this.fuses = fuses;
        this.core = core;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE, MCU_MBOX_INVALID_PARAMS, (request, requester) -> gate.issue());
        table.add(McFuseCommands.MC_FUSE_READ_RUNTIME, MCU_MBOX_UNAUTHORIZED_COMMAND,
                (request, requester) -> read(gate.admit(McFuseCommands.MC_FUSE_READ_RUNTIME, request)));
        authorized(table, McFuseCommands.MC_FUSE_WRITE, q -> otpValue(() -> fuses.otp().write(q.wordAddr(), q.data(), q.mask())));
        authorized(table, McFuseCommands.MC_FUSE_LOCK_PARTITION, q -> otp(() -> fuses.otp().lock(partition(q.partition()))));
        authorized(table, McFuseCommands.MC_PROVISION_VENDOR_PK_HASH,
                q -> otp(() -> fuses.provisionVendorPkHash(q.slot(), q.hash().toByteArray())));
        authorized(table, McFuseCommands.MC_PROVISION_OWNER_PK_HASH, q -> otp(() -> fuses.provisionOwnerPkHash(q.hash().toByteArray())));
        authorized(table, McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN, q -> mapped(() -> increaseMinSvn(q.svn())));
        authorized(table, McFuseCommands.MC_FE_PROG, q -> programFieldEntropy(q.partition()));
        authorized(table, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY, q -> {
            if (q.reserved() != 0) {
                // fuse_api_cmd.md: "Reserved; must be zero".
                throw CommandFailure.of(MCU_MBOX_INVALID_PARAMS, "MC_FUSE_REVOKE_VENDOR_PUB_KEY reserved is 0x"
                        + Integer.toHexString(q.reserved()) + ", must be zero");
            }
            mapped(() -> revokeVendorPubKey(q.vendorPkHashSlot(), q.keyType(), q.keyIndex()));
        });
        authorized(table, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PK_HASH, q -> mapped(() -> revokeVendorPkHash(q.vendorPkHashSlot())));
    }

    private <Q> void authorized(CommandTable.Builder table, CommandCodec<Authorized<Q>, NoFields> codec, Consumer<Q> action) {
        table.add(codec, MCU_MBOX_UNAUTHORIZED_COMMAND, (request, requester) -> {
            action.accept(gate.admit(codec, request));
            return NoFields.INSTANCE;
        });
    }

    // ---- MC_FUSE_READ ---------------------------------------------------------------------------

    /** Up to 32 words from a byte offset in a non-secret partition (the reference's fuse_read_dai_params). */
    private RuntimeFuseReadData read(FuseReadRequest request) {
        return otpValue(() -> {
            var p = partition(request.partition());
            if (p.secret()) {
                throw new OtpException(OtpException.Kind.SECRET, p + " is secret: MC_FUSE_READ does not read it");
            }
            int entry = request.entry();
            if (entry < 0 || entry >= p.byteSize() || entry % 4 != 0) {
                throw new OtpException(OtpException.Kind.OUT_OF_RANGE, "entry 0x" + Integer.toHexString(entry) + " is not a word offset inside "
                        + p + " (" + p.byteSize() + " bytes)");
            }
            int remaining = p.byteSize() - entry;
            int words = Math.min((remaining + 3) / 4, McFuseCommands.RUNTIME_FUSE_READ_SIZE / 4);
            byte[] data = new byte[McFuseCommands.RUNTIME_FUSE_READ_SIZE];
            for (int i = 0; i < words; i++) {
                int w = fuses.otp().readWord((p.byteOffset() + entry) / 4 + i);
                data[4 * i] = (byte) w;
                data[4 * i + 1] = (byte) (w >>> 8);
                data[4 * i + 2] = (byte) (w >>> 16);
                data[4 * i + 3] = (byte) (w >>> 24);
            }
            return new RuntimeFuseReadData(0, Math.min(remaining, 4 * words) * 8, Octets.of(data));
        });
    }

    private static OtpPartition partition(int number) {
        return OtpPartition.byNumber(number).filter(OtpPartition::addressable).orElseThrow(() -> new OtpException(
                OtpException.Kind.OUT_OF_RANGE, "partition " + Integer.toUnsignedString(number) + " is not 0..14"));
    }

    // ---- MC_FUSE_INCREASE_CALIPTRA_MIN_SVN ------------------------------------------------------

    private void increaseMinSvn(int svn) {
        if (svn == 0 || Integer.compareUnsigned(svn, MAX_SVN) > 0) {
            throw new DeviceOpFailure(INVALID_PARAMETER, "svn " + Integer.toUnsignedString(svn) + " is not 1.." + MAX_SVN);
        }
        var info = core.fwInfo().orElseThrow(() -> new DeviceOpFailure(OPERATION_FAILED,
                "FW_INFO: the Caliptra runtime is not running"));
        if (svn > info.fwSvn()) {
            throw new DeviceOpFailure(INVALID_PARAMETER, "svn " + svn + " is above the running firmware's SVN " + info.fwSvn());
        }
        int fused = fuses.minimumRuntimeSvn();
        if (svn < fused) {
            throw new DeviceOpFailure(INVALID_PARAMETER, "svn " + svn + " is below the fused minimum " + fused);
        }
        int[] current = fuses.runtimeSvnWords();
        int[] wanted = SubsystemFuses.thermometer(svn);
        for (int i = 0; i < wanted.length; i++) {
            if (current[i] != wanted[i]) {
                int word = FuseMap.RUNTIME_SVN.wordAddress() + i;
                int value = wanted[i];
                try {
                    fuses.otp().write(word, value, -1);
                } catch (OtpException e) {
                    throw new DeviceOpFailure(INVALID_PARAMETER, e.getMessage());
                }
            }
        }
    }

    // ---- MC_FE_PROG -----------------------------------------------------------------------------

    /**
     * The core runtime's FE_PROG, which the MCU relays: production parts only, partitions 0–3; it
     * burns eight TRNG bytes and locks the partition. Like caliptra-sw's UdsFeProgrammingFlow it
     * does not look at the fuse controller's answers, so a partition programmed before stays as it is.
     */
    private void programFieldEntropy(int partition) {
        if (core.lifecycle() != Lifecycle.PRODUCTION) {
            throw coreRefusal(RUNTIME_FE_PROG_ILLEGAL_LIFECYCLE_STATE, "FE_PROG needs a production part, this one is " + core.lifecycle());
        }
        if (Integer.compareUnsigned(partition, FuseMap.FIELD_ENTROPY_PARTITIONS) >= 0) {
            throw coreRefusal(RUNTIME_FE_PROG_INVALID_PARTITION, "FE_PROG partition " + Integer.toUnsignedString(partition) + " is not 0..3");
        }
        byte[] seed = core.trng().bytes(64);
        var entry = FuseMap.fieldEntropy(partition);
        try {
            for (int i = 0; i < FIELD_ENTROPY_BYTES / 4; i++) {
                int w = (seed[4 * i] & 0xFF) | (seed[4 * i + 1] & 0xFF) << 8 | (seed[4 * i + 2] & 0xFF) << 16 | (seed[4 * i + 3] & 0xFF) << 24;
                int word = entry.wordAddress() + i;
                ignoringControllerErrors(() -> fuses.otp().write(word, w, -1));
            }
            ignoringControllerErrors(() -> fuses.otp().lock(entry.partition()));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static void ignoringControllerErrors(Runnable dai) {
        try {
            dai.run();
        } catch (OtpException ignored) {
            // The core's programming flow polls for DAI idle but never reads the error status.
        }
    }

    private CommandFailure coreRefusal(CaliptraError error, String detail) {
        core.reportCoreError(error.code());
        return CommandFailure.of(error, detail);
    }

    // ---- revocation -----------------------------------------------------------------------------

    private void revokeVendorPubKey(int slot, int keyTypeValue, int keyIndex) {
        KeyType type = KeyType.fromValue(keyTypeValue).orElseThrow(() -> new DeviceOpFailure(INVALID_PARAMETER,
                "key_type " + Integer.toUnsignedString(keyTypeValue) + " is not 0 (ECDSA), 1 (LMS) or 2 (ML-DSA)"));
        if (!fuses.vendorPkHashSlotValid(slot)) {
            throw new DeviceOpFailure(INVALID_PARAMETER, "vendor_pk_hash_slot " + Integer.toUnsignedString(slot) + " is not a valid slot");
        }
        byte[] slotHash = fuses.vendorPkHash(slot);
        if (Octets.of(slotHash).isZero()) {
            throw new DeviceOpFailure(INVALID_PARAMETER, "vendor_pk_hash_slot " + slot + " is not provisioned");
        }
        var info = core.fwInfo().orElseThrow(() -> new DeviceOpFailure(OPERATION_FAILED,
                "FW_INFO: the Caliptra runtime is not running"));
        if (MessageDigest.isEqual(core.bootedVendorPkHash(), slotHash)) {
            boolean inUse = switch (type) {
                case ECDSA_P384 -> keyIndex == info.vendorEccKeyIndex();
                case LMS -> CoreState.lms(info) && keyIndex == info.vendorPqcKeyIndex();
                case MLDSA87 -> !CoreState.lms(info) && info.pqcKeyType() != 0 && keyIndex == info.vendorPqcKeyIndex();
            };
            if (inUse) {
                throw new DeviceOpFailure(INVALID_PARAMETER, type + " key " + keyIndex + " of slot " + slot
                        + " verified the running firmware");
            }
        }
        try {
            fuses.revokeVendorPubKey(slot, type, keyIndex);
        } catch (OtpException e) {
            throw new DeviceOpFailure(OPERATION_FAILED, e.getMessage());
        }
    }

    private void revokeVendorPkHash(int slot) {
        if (Integer.compareUnsigned(slot, FuseMap.VENDOR_PK_HASH_SLOTS) >= 0) {
            throw new DeviceOpFailure(INVALID_PARAMETER, "vendor_pk_hash_slot " + Integer.toUnsignedString(slot) + " is not 0..15");
        }
        if (!fuses.vendorPkHashSlotValid(slot)) {
            return; // revoked before: the burnt validity bit says so
        }
        if (MessageDigest.isEqual(core.bootedVendorPkHash(), fuses.vendorPkHash(slot))) {
            throw new DeviceOpFailure(INVALID_PARAMETER, "vendor_pk_hash_slot " + slot + " holds the hash the running firmware booted with");
        }
        try {
            fuses.revokeVendorPkHash(slot);
        } catch (OtpException e) {
            throw new DeviceOpFailure(OPERATION_FAILED, e.getMessage());
        }
    }

    // ---- error mapping --------------------------------------------------------------------------

    private static <T> T otpValue(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (OtpException e) {
            throw McuFailures.fromOtp(e);
        }
    }

    private static void otp(Runnable operation) {
        otpValue(() -> {
            operation.run();
            return null;
        });
    }

    private static void mapped(Runnable operation) {
        try {
            operation.run();
        } catch (DeviceOpFailure e) {
            throw McuFailures.mapped(e);
        }
    }
}
