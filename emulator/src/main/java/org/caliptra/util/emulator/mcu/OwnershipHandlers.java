package org.caliptra.util.emulator.mcu;

import java.util.function.Supplier;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_UNSUPPORTED_COMMAND;
import static org.caliptra.util.protocol.mctp.VdmCompletionCode.ACCESS_DENIED;
import static org.caliptra.util.protocol.mctp.VdmCompletionCode.INVALID_PARAMETER;
import static org.caliptra.util.protocol.mctp.VdmCompletionCode.INVALID_STATE;
import static org.caliptra.util.protocol.mctp.VdmCompletionCode.OPERATION_FAILED;
import static org.caliptra.util.protocol.mctp.VdmCompletionCode.RESOURCE_UNAVAILABLE;

import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.caliptra.util.emulator.dice.DiceIdentity;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.mcu.fuse.FuseStore;
import org.caliptra.util.emulator.mcu.fuse.OtpException;
import org.caliptra.util.emulator.mcu.fuse.SubsystemFuses;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.Words;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.FourCc;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McCommand;
import org.caliptra.util.protocol.mcu.McOwnershipCommands;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotBackupBlob;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotChallenge;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotStatus;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotSubcommand;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotTransition;

/**
 * Device ownership transfer, MC_DEVICE_OWNERSHIP_TRANSFER (caliptra-mcu-sw cmd_interface.rs
 * handle_dot_command and device_ops.rs, docs/src/dot.md). The state is the DOT fuse array's count
 * of burnt bits — even: unlocked (no owner lock), odd: locked — next to the DOT blob in flash,
 * which binds the CAK and LAK hash to that count ({@link DotBlob}). DOT works only on a part whose
 * dot_initialized fuse is burnt.
 * <ul>
 * <li>MDLK lock (even → odd, CAK and LAK hash non-zero), MDDS disable (even → odd with no CAK),
 *     MDRT rotate (two burns, a no-op once the count reaches min_fuse_count) and MDBB backup blob
 *     are authorized like the fuse commands, with {@code BE(0x11) ‖ LE(FourCC) ‖ payload} signed;
 * <li>MDUC issues a challenge for the LAK in the current blob, MDUL proves possession of it
 *     (hybrid signature over {@code BE("MDUL") ‖ challenge}) and goes odd → even;
 * <li>MDST reports enabled, locked and the count; MDRC restores a blob that authenticates in the
 *     current state;
 * <li>DOTW / DOTX let the vendor recovery key (its hash fused in vendor_recovery_pk_hash) take an
 *     odd state back to even, signing the raw challenge.
 * </ul>
 * A transition seals and writes the new blob before it burns the fuse, so the next boot always
 * finds a blob for the state it reads. Each challenge context stays until it is answered
 * successfully. Every refusal of a device operation is MCU_MBOX_COMMON on the mailbox (the
 * completion code the SPDM path would send is in the detail), as in the reference.
 *
 * <p>Not thread-safe: owned by the device thread.
 */
final class OwnershipHandlers implements CommandTable.CommandFamily {
    /** The whole request after the checksum, taken apart by subcommand. */
    private static final CommandCodec<Octets, Octets> ENVELOPE = CommandCodec.of(McCommand.MC_DEVICE_OWNERSHIP_TRANSFER,
            Codec.variable(0, Integer.MAX_VALUE, (v, out) -> out.bytes(v), in -> in.rest("request")),
            Codec.variable(0, Integer.MAX_VALUE, (v, out) -> out.bytes(v), in -> in.rest("response")));
    private static final int RESET_REQUIRED = 1;

    private record Context(byte[] challenge, byte[] keyHash, int fuseCount) {}

    /** One subcommand: its codec, the error its malformed requests earn, and what it does. */
    private record Route<Q, R>(CommandCodec<Q, R> codec, CaliptraError malformed, Function<Q, R> action) {
        byte[] serve(byte[] fields) {
            Q request;
            try {
                request = codec.decodeRequest(fields);
            } catch (ProtocolException e) {
                throw CommandFailure.of(malformed, e.getMessage());
            }
            try {
                return codec.encodeResponse(action.apply(request));
            } catch (DeviceOpFailure e) {
                throw McuFailures.common(e);
            }
        }
    }

    private final AuthorizationGate gate;
    private final SubsystemFuses fuses;
    private final FuseStore store;
    private final CoreState core;
    private final Supplier<DiceIdentity> dice;
    private final Map<DotSubcommand, Route<?, ?>> routes = new EnumMap<>(DotSubcommand.class);
    private Context unlock;
    private Context override;

    OwnershipHandlers(AuthorizationGate gate, FuseStore store, CoreState core, Supplier<DiceIdentity> dice) {
        this.gate = gate;
        this.fuses = new SubsystemFuses(store.otp());
        this.store = store;
        this.core = core;
        this.dice = dice;
        authorized(DotSubcommand.LOCK, McOwnershipCommands.DOT_LOCK, q -> {
            lock(q.cak().toByteArray(), q.lakHash().toByteArray());
            return new DotTransition(RESET_REQUIRED);
        });
        authorized(DotSubcommand.DISABLE, McOwnershipCommands.DOT_DISABLE, q -> {
            disable(q.lakHash().toByteArray());
            return new DotTransition(RESET_REQUIRED);
        });
        authorized(DotSubcommand.ROTATE, McOwnershipCommands.DOT_ROTATE, q -> {
            rotate(q.minFuseCount(), q.cak().toByteArray(), q.lakHash().toByteArray());
            return new DotTransition(RESET_REQUIRED);
        });
        authorized(DotSubcommand.GET_BACKUP_BLOB, McOwnershipCommands.DOT_GET_BACKUP_BLOB, q -> backupBlob());
        routes.put(DotSubcommand.UNLOCK_CHALLENGE, new Route<>(McOwnershipCommands.DOT_UNLOCK_CHALLENGE, MCU_MBOX_INVALID_PARAMS,
                q -> unlockChallenge()));
        routes.put(DotSubcommand.UNLOCK, new Route<>(McOwnershipCommands.DOT_UNLOCK, MCU_MBOX_INVALID_PARAMS, q -> {
            unlock(q.lakEccPubX(), q.lakEccPubY(), q.lakMldsaPub(), q.signature());
            return new DotTransition(RESET_REQUIRED);
        }));
        routes.put(DotSubcommand.STATUS, new Route<>(McOwnershipCommands.DOT_STATUS, MCU_MBOX_INVALID_PARAMS, q -> status()));
        routes.put(DotSubcommand.RECOVERY, new Route<>(McOwnershipCommands.DOT_RECOVERY, MCU_MBOX_INVALID_PARAMS, q -> {
            recovery(q.blob().toByteArray());
            return new DotTransition(RESET_REQUIRED);
        }));
        routes.put(DotSubcommand.OVERRIDE_CHALLENGE, new Route<>(McOwnershipCommands.DOT_OVERRIDE_CHALLENGE, MCU_MBOX_INVALID_PARAMS,
                q -> overrideChallenge(q.recoveryEccPubX(), q.recoveryEccPubY(), q.recoveryMldsaPub())));
        routes.put(DotSubcommand.OVERRIDE, new Route<>(McOwnershipCommands.DOT_OVERRIDE, MCU_MBOX_INVALID_PARAMS, q -> {
            override(q.recoveryEccPubX(), q.recoveryEccPubY(), q.recoveryMldsaPub(), q.signature());
            return new DotTransition(RESET_REQUIRED);
        }));
    }

    private <Q, R> void authorized(DotSubcommand sub, CommandCodec<Authorized<Q>, R> codec, Function<Q, R> action) {
        routes.put(sub, new Route<>(codec, MCU_MBOX_UNAUTHORIZED_COMMAND, request -> action.apply(gate.admit(codec, request))));
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(ENVELOPE, MCU_MBOX_INVALID_PARAMS, (request, requester) -> Octets.of(dispatch(request.toByteArray())));
    }

    private byte[] dispatch(byte[] fields) {
        if (fields.length < 4) {
            throw CommandFailure.of(MCU_MBOX_INVALID_PARAMS, "MC_DEVICE_OWNERSHIP_TRANSFER carries no subcommand");
        }
        int code = Words.littleEndian(fields, 0, 4);
        var sub = DotSubcommand.fromCode(code).orElseThrow(() -> CommandFailure.of(MCU_MBOX_UNSUPPORTED_COMMAND,
                "MC_DEVICE_OWNERSHIP_TRANSFER subcommand " + FourCc.describe(code) + " is not a DOT subcommand"));
        return routes.get(sub).serve(fields);
    }

    // ---- the state ------------------------------------------------------------------------------

    private DotStatus status() {
        int burned = fuses.dotFuseCount();
        return new DotStatus(fuses.dotInitialized() ? 1 : 0, burned & 1, burned);
    }

    private int fuseCount() {
        if (!fuses.dotInitialized()) {
            throw new DeviceOpFailure(INVALID_STATE, "DOT is not enabled on this part (dot_initialized is unburnt)");
        }
        return fuses.dotFuseCount();
    }

    private int oddFuseCount() {
        int count = fuseCount();
        if ((count & 1) == 0) {
            throw new DeviceOpFailure(INVALID_STATE, "DOT fuse count " + count + " is even: ownership is not locked");
        }
        return count;
    }

    private int evenFuseCountBelowLimit() {
        int count = fuseCount();
        if ((count & 1) != 0 || count >= SubsystemFuses.DOT_FUSES) {
            throw new DeviceOpFailure(INVALID_STATE, "DOT fuse count " + count + " is " + ((count & 1) != 0 ? "odd: already locked"
                    : "at the end of the fuse array"));
        }
        return count;
    }

    // ---- authorized transitions -----------------------------------------------------------------

    private void lock(byte[] cak, byte[] lakHash) {
        nonZero("cak", cak);
        nonZero("lak_hash", lakHash);
        int count = evenFuseCountBelowLimit();
        commit(count, cak, lakHash);
    }

    private void disable(byte[] lakHash) {
        nonZero("lak_hash", lakHash);
        int count = evenFuseCountBelowLimit();
        commit(count, new byte[McOwnershipCommands.KEY_HASH_SIZE], lakHash);
    }

    private void rotate(int minFuseCount, byte[] cak, byte[] lakHash) {
        nonZero("cak", cak);
        nonZero("lak_hash", lakHash);
        int count = fuseCount();
        if (Integer.compareUnsigned(count, minFuseCount) >= 0) {
            return; // already rotated this far
        }
        if (count > SubsystemFuses.DOT_FUSES - 2) {
            throw new DeviceOpFailure(INVALID_STATE, "DOT fuse count " + count + " leaves no two fuses to rotate with");
        }
        // As the reference: both burns first, then the blob for the resulting epoch.
        burn(count);
        burn(count + 1);
        writeBlob(DotBlob.seal(dice.get(), count + 2, cak, lakHash));
    }

    private DotBackupBlob backupBlob() {
        return new DotBackupBlob(Octets.of(currentBlob(oddFuseCount()).encode()));
    }

    // ---- unlock ---------------------------------------------------------------------------------

    private DotChallenge unlockChallenge() {
        if (unlock != null) {
            throw new DeviceOpFailure(RESOURCE_UNAVAILABLE, "an unlock challenge is already outstanding");
        }
        int count = oddFuseCount();
        var blob = currentBlob(count);
        if (Octets.of(blob.lakHash()).isZero()) {
            throw new DeviceOpFailure(INVALID_STATE, "the DOT blob holds no LAK hash");
        }
        byte[] challenge = core.trng().draw();
        unlock = new Context(challenge, blob.lakHash(), count);
        return new DotChallenge(Octets.of(challenge));
    }

    private void unlock(Octets x, Octets y, Octets mldsa, HybridSignature signature) {
        var context = unlock;
        if (context == null) {
            throw new DeviceOpFailure(INVALID_STATE, "no unlock challenge is outstanding (MDUC first)");
        }
        int count = oddFuseCount();
        if (count != context.fuseCount()) {
            throw new DeviceOpFailure(INVALID_STATE, "the DOT state changed since the unlock challenge");
        }
        if (!MessageDigest.isEqual(HybridSignatures.dotKeyHash(x, y, mldsa), context.keyHash())) {
            throw new DeviceOpFailure(ACCESS_DENIED, "the keys do not hash to the LAK hash in the DOT blob");
        }
        byte[] transcript = HybridSignatures.concat(bigEndian(DotSubcommand.UNLOCK.code()), context.challenge());
        requireValid(HybridSignatures.verifyMessage(x, y, mldsa, signature, transcript), "BE(\"MDUL\") ‖ challenge");
        commit(count, new byte[McOwnershipCommands.KEY_HASH_SIZE], context.keyHash());
        unlock = null;
    }

    // ---- recovery and override ------------------------------------------------------------------

    private void recovery(byte[] blobBytes) {
        int count = oddFuseCount();
        var blob = DotBlob.parse(blobBytes);
        blob.verify(dice.get(), count);
        store.writeDotBlob(blob.encode());
    }

    private DotChallenge overrideChallenge(Octets x, Octets y, Octets mldsa) {
        if (override != null) {
            throw new DeviceOpFailure(RESOURCE_UNAVAILABLE, "an override challenge is already outstanding");
        }
        int count = oddFuseCount();
        byte[] recovery = recoveryKeyHash();
        if (!MessageDigest.isEqual(recovery, HybridSignatures.dotKeyHash(x, y, mldsa))) {
            throw new DeviceOpFailure(ACCESS_DENIED, "the keys do not hash to vendor_recovery_pk_hash");
        }
        byte[] challenge = core.trng().draw();
        override = new Context(challenge, recovery, count);
        return new DotChallenge(Octets.of(challenge));
    }

    private void override(Octets x, Octets y, Octets mldsa, HybridSignature signature) {
        var context = override;
        if (context == null) {
            throw new DeviceOpFailure(INVALID_STATE, "no override challenge is outstanding (DOTW first)");
        }
        int count = oddFuseCount();
        if (count != context.fuseCount()) {
            throw new DeviceOpFailure(INVALID_STATE, "the DOT state changed since the override challenge");
        }
        if (!MessageDigest.isEqual(recoveryKeyHash(), context.keyHash())) {
            throw new DeviceOpFailure(INVALID_STATE, "vendor_recovery_pk_hash changed since the override challenge");
        }
        if (!MessageDigest.isEqual(HybridSignatures.dotKeyHash(x, y, mldsa), context.keyHash())) {
            throw new DeviceOpFailure(ACCESS_DENIED, "the keys do not hash to vendor_recovery_pk_hash");
        }
        requireValid(HybridSignatures.verifyMessage(x, y, mldsa, signature, context.challenge()), "the challenge");
        burn(count);
        byte[] none = new byte[McOwnershipCommands.KEY_HASH_SIZE];
        writeBlob(DotBlob.seal(dice.get(), count + 1, none, none));
        override = null;
    }

    private byte[] recoveryKeyHash() {
        byte[] hash = fuses.recoveryPkHash();
        if (Octets.of(hash).isZero()) {
            throw new DeviceOpFailure(INVALID_STATE, "vendor_recovery_pk_hash is not provisioned");
        }
        return hash;
    }

    // ---- blob and fuses -------------------------------------------------------------------------

    /** Seals and stores the blob of the next state, then burns the fuse that enters it. */
    private void commit(int count, byte[] cak, byte[] lakHash) {
        writeBlob(DotBlob.seal(dice.get(), count + 1, cak, lakHash));
        burn(count);
    }

    private void writeBlob(DotBlob blob) {
        store.writeDotBlob(blob.encode());
    }

    /** The blob in flash, checked for the (odd) state {@code count}. */
    private DotBlob currentBlob(int count) {
        var blob = DotBlob.parse(store.dotBlob().orElseThrow(() -> new DeviceOpFailure(OPERATION_FAILED, "no DOT blob is in flash")));
        blob.verify(dice.get(), count);
        return blob;
    }

    /** Burns DOT fuse {@code count} and proves the count moved by exactly one. */
    private void burn(int count) {
        try {
            fuses.burnDotFuse(count);
        } catch (OtpException e) {
            throw new DeviceOpFailure(OPERATION_FAILED, e.getMessage());
        }
        if (fuses.dotFuseCount() != count + 1) {
            throw new DeviceOpFailure(OPERATION_FAILED, "DOT fuse " + count + " did not raise the count to " + (count + 1));
        }
    }

    private static void requireValid(HybridSignatures.Check check, String what) {
        if (check != HybridSignatures.Check.VALID) {
            throw new DeviceOpFailure(ACCESS_DENIED, (check == HybridSignatures.Check.ECC_INVALID ? "the ECDSA P-384" : "the ML-DSA-87")
                    + " signature over " + what + " does not verify");
        }
    }

    private static void nonZero(String field, byte[] value) {
        if (Octets.of(value).isZero()) {
            throw new DeviceOpFailure(INVALID_PARAMETER, field + " is all zero");
        }
    }

    private static byte[] bigEndian(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
