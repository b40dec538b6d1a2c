package org.caliptra.util.host.commands.ownership;

import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.host.commands.fuse.FuseCommands;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CryptoSizes;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McAuthorization;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;
import org.caliptra.util.protocol.mcu.McOwnershipCommands;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotSubcommand;

/**
 * Device ownership transfer, DOT (spec/hostlib.md §2.3): lock ownership to a key, rotate, disable,
 * back up and recover it, and unlock or override it with a signed challenge. Each internal request
 * is the DOT subcommand's payload (the wire form less its leading subcommand word), the four
 * authorization-gated ones ending with the trailer {@code T}.
 */
public final class OwnershipCommands {
    public static final int KEY_HASH_SIZE = McOwnershipCommands.KEY_HASH_SIZE;
    public static final int BLOB_SIZE = McOwnershipCommands.BLOB_SIZE;
    public static final int CHALLENGE_SIZE = McOwnershipCommands.CHALLENGE_SIZE;
    private static final int ECC = CryptoSizes.ECC384_SCALAR;
    private static final int MLDSA_PUB = CryptoSizes.MLDSA87_PUBLIC_KEY;

    private OwnershipCommands() {}

    /** The DOT commands. */
    public sealed interface OwnershipCommand<R> extends CatalogCommand<R> permits DotLock, DotDisable, DotUnlockChallenge,
            DotUnlock, DotRotate, GetDotBackupBlob, DotStatus, DotRecovery, DotOverrideChallenge, DotOverride {}

    static Octets subcommand(DotSubcommand sub) {
        return InternalFields.u32Bytes(sub.code());
    }

    /** A state change's answer: whether it takes effect only at the next reset. */
    public record Transition(int fipsStatus, boolean resetRequired) {}

    /** fips_status, reset_required u32: 8 bytes. */
    static final Codec<Transition> TRANSITION = Codec.fixed(8, (v, out) -> out.u32(v.fipsStatus()).u32(v.resetRequired() ? 1 : 0),
            in -> new Transition(in.u32("fips_status"), in.u32InRange("reset_required", 0, 1) == 1));

    /** A one-use 48-byte challenge (DotUnlockChallenge, DotOverrideChallenge). */
    public record Challenge(int fipsStatus, Octets challenge) {
        public Challenge {
            InternalFields.exactly("DOT", "challenge", challenge, CHALLENGE_SIZE);
        }
    }

    /** fips_status, challenge u8[48]: 52 bytes. */
    static final Codec<Challenge> CHALLENGE = Codec.fixed(4 + CHALLENGE_SIZE, (v, out) -> out.u32(v.fipsStatus()).bytes(v.challenge()),
            in -> new Challenge(in.u32("fips_status"), in.bytes("challenge", CHALLENGE_SIZE)));

    private static Octets hash(String command, String field, Octets value) {
        return InternalFields.exactly(command, field, value, KEY_HASH_SIZE);
    }

    /** ECC P-384 X, Y and an ML-DSA-87 public key, checked for {@code command}. */
    private static void keys(String command, String prefix, Octets x, Octets y, Octets mldsa) {
        InternalFields.exactly(command, prefix + "ecc_pub_x", x, ECC);
        InternalFields.exactly(command, prefix + "ecc_pub_y", y, ECC);
        InternalFields.exactly(command, prefix + "mldsa_pub", mldsa, MLDSA_PUB);
    }

    private static HybridSignature sampleSignature() {
        return FuseCommands.sampleTrailer().signature();
    }

    /**
     * DotLock (0x8020): lock ownership to the LAK whose hash is given, with the CAK. Internal request
     * cak u8[48], lak_hash u8[48], T (7556); response fips_status, reset_required (8).
     */
    public record DotLock(Octets cak, Octets lakHash, Trailer authorization) implements OwnershipCommand<Transition> {
        public static final CommandType<DotLock, Transition> TYPE = CommandType.of(CommandId.DOT_LOCK, DotLock.class, false,
                "Lock device ownership to a LAK (authorized)",
                InternalFields.signed(McOwnershipCommands.DOT_LOCK.request(), subcommand(DotSubcommand.LOCK),
                        q -> new McOwnershipCommands.DotLock(q.cak(), q.lakHash()), DotLock::authorization,
                        (f, t) -> new DotLock(f.cak(), f.lakHash(), t)),
                TRANSITION, () -> new DotLock(Octets.fromHex("a5".repeat(KEY_HASH_SIZE)), Octets.zeros(KEY_HASH_SIZE),
                        FuseCommands.sampleTrailer()));

        public DotLock {
            hash("DotLock", "cak", cak);
            hash("DotLock", "lak_hash", lakHash);
            InternalFields.present("DotLock", "authorization", authorization);
        }

        /** What the authorization signs: {@code 0x00000011 (BE) ‖ MDLK (LE) ‖ cak ‖ lak_hash ‖ challenge}. */
        public static byte[] preImage(Octets cak, Octets lakHash, Octets challenge) {
            return McAuthorization.preImage(McOwnershipCommands.DOT_LOCK, new McOwnershipCommands.DotLock(cak, lakHash), challenge);
        }

        @Override
        public CommandType<DotLock, Transition> type() {
            return TYPE;
        }
    }

    /** DotDisable (0x8021): end DOT. Internal request lak_hash u8[48], T (7508); response (8). */
    public record DotDisable(Octets lakHash, Trailer authorization) implements OwnershipCommand<Transition> {
        public static final CommandType<DotDisable, Transition> TYPE = CommandType.of(CommandId.DOT_DISABLE, DotDisable.class, false,
                "Disable device ownership transfer (authorized)",
                InternalFields.signed(McOwnershipCommands.DOT_DISABLE.request(), subcommand(DotSubcommand.DISABLE),
                        q -> new McOwnershipCommands.DotDisable(q.lakHash()), DotDisable::authorization,
                        (f, t) -> new DotDisable(f.lakHash(), t)),
                TRANSITION, () -> new DotDisable(Octets.zeros(KEY_HASH_SIZE), FuseCommands.sampleTrailer()));

        public DotDisable {
            hash("DotDisable", "lak_hash", lakHash);
            InternalFields.present("DotDisable", "authorization", authorization);
        }

        public static byte[] preImage(Octets lakHash, Octets challenge) {
            return McAuthorization.preImage(McOwnershipCommands.DOT_DISABLE, new McOwnershipCommands.DotDisable(lakHash), challenge);
        }

        @Override
        public CommandType<DotDisable, Transition> type() {
            return TYPE;
        }
    }

    /** DotUnlockChallenge (0x8022): a challenge for DotUnlock. Empty request; response challenge (52). */
    public record DotUnlockChallenge() implements OwnershipCommand<Challenge> {
        public static final CommandType<DotUnlockChallenge, Challenge> TYPE = CommandType.of(CommandId.DOT_UNLOCK_CHALLENGE,
                DotUnlockChallenge.class, false, "A one-use challenge for DotUnlock",
                InternalFields.mapped(InternalFields.withoutPrefix(McOwnershipCommands.DOT_UNLOCK_CHALLENGE.request(),
                        subcommand(DotSubcommand.UNLOCK_CHALLENGE), 0), q -> NoFields.INSTANCE, n -> new DotUnlockChallenge()),
                CHALLENGE, DotUnlockChallenge::new);

        @Override
        public CommandType<DotUnlockChallenge, Challenge> type() {
            return TYPE;
        }
    }

    /**
     * DotUnlock (0x8023): unlock with the LAK's public keys and its hybrid signature over the unlock
     * challenge. Internal request lak_ecc_pub_x u8[48], lak_ecc_pub_y u8[48], lak_mldsa_pub u8[2592],
     * HybridSignature (7412); response (8).
     */
    public record DotUnlock(Octets lakEccPubX, Octets lakEccPubY, Octets lakMldsaPub, HybridSignature signature)
            implements OwnershipCommand<Transition> {
        public static final CommandType<DotUnlock, Transition> TYPE = CommandType.of(CommandId.DOT_UNLOCK, DotUnlock.class, false,
                "Unlock ownership with the LAK's signature over the unlock challenge",
                InternalFields.mapped(InternalFields.withoutPrefix(McOwnershipCommands.DOT_UNLOCK.request(),
                        subcommand(DotSubcommand.UNLOCK), DotSubcommand.UNLOCK.payloadSize()),
                        q -> new McOwnershipCommands.DotUnlock(q.lakEccPubX(), q.lakEccPubY(), q.lakMldsaPub(), q.signature()),
                        w -> new DotUnlock(w.lakEccPubX(), w.lakEccPubY(), w.lakMldsaPub(), w.signature())),
                TRANSITION, () -> new DotUnlock(Octets.zeros(ECC), Octets.zeros(ECC), Octets.zeros(MLDSA_PUB), sampleSignature()));

        public DotUnlock {
            keys("DotUnlock", "lak_", lakEccPubX, lakEccPubY, lakMldsaPub);
            InternalFields.present("DotUnlock", "signature", signature);
        }

        @Override
        public CommandType<DotUnlock, Transition> type() {
            return TYPE;
        }
    }

    /**
     * DotRotate (0x8024): a new CAK and LAK, burning a DOT fuse while fewer than
     * {@code minFuseCount} are burned. Internal request min_fuse_count u32, cak u8[48], lak_hash
     * u8[48], T (7560); response (8).
     */
    public record DotRotate(int minFuseCount, Octets cak, Octets lakHash, Trailer authorization) implements OwnershipCommand<Transition> {
        public static final CommandType<DotRotate, Transition> TYPE = CommandType.of(CommandId.DOT_ROTATE, DotRotate.class, false,
                "Rotate the CAK and LAK (authorized)",
                InternalFields.signed(McOwnershipCommands.DOT_ROTATE.request(), subcommand(DotSubcommand.ROTATE),
                        q -> new McOwnershipCommands.DotRotate(q.minFuseCount(), q.cak(), q.lakHash()), DotRotate::authorization,
                        (f, t) -> new DotRotate(f.minFuseCount(), f.cak(), f.lakHash(), t)),
                TRANSITION, () -> new DotRotate(3, Octets.fromHex("a5".repeat(KEY_HASH_SIZE)), Octets.zeros(KEY_HASH_SIZE),
                        FuseCommands.sampleTrailer()));

        public DotRotate {
            hash("DotRotate", "cak", cak);
            hash("DotRotate", "lak_hash", lakHash);
            InternalFields.present("DotRotate", "authorization", authorization);
        }

        public static byte[] preImage(int minFuseCount, Octets cak, Octets lakHash, Octets challenge) {
            return McAuthorization.preImage(McOwnershipCommands.DOT_ROTATE, new McOwnershipCommands.DotRotate(minFuseCount, cak, lakHash),
                    challenge);
        }

        @Override
        public CommandType<DotRotate, Transition> type() {
            return TYPE;
        }
    }

    /** GetDotBackupBlob's answer: the 168-byte DOT blob. */
    public record BackupBlob(int fipsStatus, Octets blob) {
        public BackupBlob {
            InternalFields.exactly("GetDotBackupBlob", "blob", blob, BLOB_SIZE);
        }
    }

    /** GetDotBackupBlob (0x8025): the current DOT blob. Internal request T (7460); response fips_status, blob u8[168] (172). */
    public record GetDotBackupBlob(Trailer authorization) implements OwnershipCommand<BackupBlob> {
        public static final CommandType<GetDotBackupBlob, BackupBlob> TYPE = CommandType.of(CommandId.GET_DOT_BACKUP_BLOB,
                GetDotBackupBlob.class, false, "The DOT backup blob (authorized)",
                InternalFields.signed(McOwnershipCommands.DOT_GET_BACKUP_BLOB.request(), subcommand(DotSubcommand.GET_BACKUP_BLOB),
                        q -> NoFields.INSTANCE, GetDotBackupBlob::authorization, (f, t) -> new GetDotBackupBlob(t)),
                Codec.fixed(4 + BLOB_SIZE, (v, out) -> out.u32(v.fipsStatus()).bytes(v.blob()),
                        in -> new BackupBlob(in.u32("fips_status"), in.bytes("blob", BLOB_SIZE))),
                () -> new GetDotBackupBlob(FuseCommands.sampleTrailer()));

        public GetDotBackupBlob {
            InternalFields.present("GetDotBackupBlob", "authorization", authorization);
        }

        public static byte[] preImage(Octets challenge) {
            return McAuthorization.preImage(McOwnershipCommands.DOT_GET_BACKUP_BLOB, NoFields.INSTANCE, challenge);
        }

        @Override
        public CommandType<GetDotBackupBlob, BackupBlob> type() {
            return TYPE;
        }
    }

    /** DotStatus's answer: enabled and locked flags and the number of burned DOT fuses. */
    public record Status(int fipsStatus, int enabled, int locked, int burned) {
        public Status {
            if (enabled < 0 || enabled > 0xFF || locked < 0 || locked > 0xFF || burned < 0 || burned > 0xFFFF) {
                throw new IllegalArgumentException("DotStatus: enabled and locked are u8 and burned u16, got " + enabled + ", "
                        + locked + ", " + burned);
            }
        }
    }

    /** DotStatus (0x8026). Empty request; response fips_status, enabled u8, locked u8, burned u16 (8). */
    public record DotStatus() implements OwnershipCommand<Status> {
        public static final CommandType<DotStatus, Status> TYPE = CommandType.of(CommandId.DOT_STATUS, DotStatus.class, true,
                "DOT state: enabled, locked, burned fuse count",
                InternalFields.mapped(InternalFields.withoutPrefix(McOwnershipCommands.DOT_STATUS.request(),
                        subcommand(DotSubcommand.STATUS), 0), q -> NoFields.INSTANCE, n -> new DotStatus()),
                Codec.fixed(8, (v, out) -> out.u32(v.fipsStatus()).u8(v.enabled()).u8(v.locked()).u16(v.burned()),
                        in -> new Status(in.u32("fips_status"), in.u8("enabled"), in.u8("locked"), in.u16("burned"))),
                DotStatus::new);

        @Override
        public CommandType<DotStatus, Status> type() {
            return TYPE;
        }
    }

    /** DotRecovery (0x8027): restore a backup blob. Internal request blob u8[168] (168); response (8). */
    public record DotRecovery(Octets blob) implements OwnershipCommand<Transition> {
        public static final CommandType<DotRecovery, Transition> TYPE = CommandType.of(CommandId.DOT_RECOVERY, DotRecovery.class, false,
                "Restore DOT state from a backup blob",
                InternalFields.mapped(InternalFields.withoutPrefix(McOwnershipCommands.DOT_RECOVERY.request(),
                        subcommand(DotSubcommand.RECOVERY), BLOB_SIZE), q -> new McOwnershipCommands.DotRecovery(q.blob()),
                        w -> new DotRecovery(w.blob())),
                TRANSITION, () -> new DotRecovery(Octets.zeros(BLOB_SIZE)));

        public DotRecovery {
            InternalFields.exactly("DotRecovery", "blob", blob, BLOB_SIZE);
        }

        @Override
        public CommandType<DotRecovery, Transition> type() {
            return TYPE;
        }
    }

    /**
     * DotOverrideChallenge (0x8028): a challenge for DotOverride, for the recovery key given.
     * Internal request recovery_ecc_pub_x u8[48], recovery_ecc_pub_y u8[48], recovery_mldsa_pub
     * u8[2592] (2688); response challenge (52).
     */
    public record DotOverrideChallenge(Octets recoveryEccPubX, Octets recoveryEccPubY, Octets recoveryMldsaPub)
            implements OwnershipCommand<Challenge> {
        public static final CommandType<DotOverrideChallenge, Challenge> TYPE = CommandType.of(CommandId.DOT_OVERRIDE_CHALLENGE,
                DotOverrideChallenge.class, false, "A one-use challenge for DotOverride with a recovery key",
                InternalFields.mapped(InternalFields.withoutPrefix(McOwnershipCommands.DOT_OVERRIDE_CHALLENGE.request(),
                        subcommand(DotSubcommand.OVERRIDE_CHALLENGE), DotSubcommand.OVERRIDE_CHALLENGE.payloadSize()),
                        q -> new McOwnershipCommands.DotOverrideChallenge(q.recoveryEccPubX(), q.recoveryEccPubY(), q.recoveryMldsaPub()),
                        w -> new DotOverrideChallenge(w.recoveryEccPubX(), w.recoveryEccPubY(), w.recoveryMldsaPub())),
                CHALLENGE, () -> new DotOverrideChallenge(Octets.zeros(ECC), Octets.zeros(ECC), Octets.zeros(MLDSA_PUB)));

        public DotOverrideChallenge {
            keys("DotOverrideChallenge", "recovery_", recoveryEccPubX, recoveryEccPubY, recoveryMldsaPub);
        }

        @Override
        public CommandType<DotOverrideChallenge, Challenge> type() {
            return TYPE;
        }
    }

    /**
     * DotOverride (0x8029): override ownership with the recovery key's hybrid signature over the
     * override challenge. Internal request the three keys and HybridSignature (7412); response (8).
     */
    public record DotOverride(Octets recoveryEccPubX, Octets recoveryEccPubY, Octets recoveryMldsaPub, HybridSignature signature)
            implements OwnershipCommand<Transition> {
        public static final CommandType<DotOverride, Transition> TYPE = CommandType.of(CommandId.DOT_OVERRIDE, DotOverride.class, false,
                "Override ownership with the recovery key's signature over the override challenge",
                InternalFields.mapped(InternalFields.withoutPrefix(McOwnershipCommands.DOT_OVERRIDE.request(),
                        subcommand(DotSubcommand.OVERRIDE), DotSubcommand.OVERRIDE.payloadSize()),
                        q -> new McOwnershipCommands.DotOverride(q.recoveryEccPubX(), q.recoveryEccPubY(), q.recoveryMldsaPub(),
                                q.signature()),
                        w -> new DotOverride(w.recoveryEccPubX(), w.recoveryEccPubY(), w.recoveryMldsaPub(), w.signature())),
                TRANSITION, () -> new DotOverride(Octets.zeros(ECC), Octets.zeros(ECC), Octets.zeros(MLDSA_PUB), sampleSignature()));

        public DotOverride {
            keys("DotOverride", "recovery_", recoveryEccPubX, recoveryEccPubY, recoveryMldsaPub);
            InternalFields.present("DotOverride", "signature", signature);
        }

        @Override
        public CommandType<DotOverride, Transition> type() {
            return TYPE;
        }
    }
}
