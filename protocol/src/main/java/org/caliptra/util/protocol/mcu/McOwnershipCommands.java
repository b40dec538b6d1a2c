package org.caliptra.util.protocol.mcu;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCode;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.FieldWriter;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mailbox.FourCc;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;

import static org.caliptra.util.protocol.codec.CryptoSizes.ECC384_SCALAR;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_PUBLIC_KEY;

/**
 * Device ownership transfer, MC_DEVICE_OWNERSHIP_TRANSFER (spec/device.md §4.5, MCU
 * docs/src/external_mailbox_cmds.md): every request is {@code subcommand:u32 (a FourCC, little-endian)
 * ‖ payload}, and the four authorization-gated subcommands append the {@link McAuthorization.Trailer}.
 * {@link #MC_DEVICE_OWNERSHIP_TRANSFER} reads any subcommand as an envelope for dispatch; the
 * {@code DOT_*} codecs give each subcommand's typed layout.
 */
public final class McOwnershipCommands {
    public static final int KEY_HASH_SIZE = 48;
    public static final int BLOB_SIZE = 168;
    public static final int CHALLENGE_SIZE = McAuthorization.NONCE_SIZE;
    /** An ECC P-384 X and Y coordinate and an ML-DSA-87 public key: 48 + 48 + 2592. */
    static final int PUBLIC_KEYS_SIZE = 2 * ECC384_SCALAR + MLDSA87_PUBLIC_KEY;

    private McOwnershipCommands() {}

    /** The DOT FourCCs, each with its payload size (without trailer) and response size after the header. */
    public enum DotSubcommand {
        LOCK("MDLK", 2 * KEY_HASH_SIZE, true, 4),
        DISABLE("MDDS", KEY_HASH_SIZE, true, 4),
        ROTATE("MDRT", 4 + 2 * KEY_HASH_SIZE, true, 4),
        GET_BACKUP_BLOB("MDBB", 0, true, BLOB_SIZE),
        UNLOCK_CHALLENGE("MDUC", 0, false, CHALLENGE_SIZE),
        UNLOCK("MDUL", PUBLIC_KEYS_SIZE + HybridSignature.SIZE, false, 4),
        STATUS("MDST", 0, false, 4),
        RECOVERY("MDRC", BLOB_SIZE, false, 4),
        OVERRIDE_CHALLENGE("DOTW", PUBLIC_KEYS_SIZE, false, CHALLENGE_SIZE),
        OVERRIDE("DOTX", PUBLIC_KEYS_SIZE + HybridSignature.SIZE, false, 4);

        private final String mnemonic;
        private final int code;
        private final int payloadSize;
        private final boolean authorized;
        private final int responseSize;

        DotSubcommand(String mnemonic, int payloadSize, boolean authorized, int responseSize) {
            this.mnemonic = mnemonic;
            this.code = FourCc.of(mnemonic);
            this.payloadSize = payloadSize;
            this.authorized = authorized;
            this.responseSize = responseSize;
        }

        public String mnemonic() {
            return mnemonic;
        }

        /** The u32 whose big-endian reading is the mnemonic; sent little-endian like every field. */
        public int code() {
            return code;
        }

        public int payloadSize() {
            return payloadSize;
        }

        /** Whether the subcommand is authorization-gated (and its payload may carry the trailer). */
        public boolean authorized() {
            return authorized;
        }

        public int responseSize() {
            return responseSize;
        }

        /** A payload of {@code length} bytes is the bare payload or, when gated, the payload and the trailer. */
        public boolean acceptsPayload(int length) {
            return length == payloadSize || authorized && length == payloadSize + McAuthorization.Trailer.SIZE;
        }

        public static Optional<DotSubcommand> fromCode(int code) {
            return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
        }
    }

    /** The CommandCode of one subcommand: MC_DEVICE_OWNERSHIP_TRANSFER's code, named with the FourCC in errors. */
    public record DotCommand(DotSubcommand subcommand) implements CommandCode {
        public DotCommand {
            Objects.requireNonNull(subcommand, "subcommand");
        }

        @Override
        public int code() {
            return McCommand.MC_DEVICE_OWNERSHIP_TRANSFER.code();
        }

        @Override
        public String name() {
            return McCommand.MC_DEVICE_OWNERSHIP_TRANSFER.name() + "/" + subcommand.mnemonic();
        }
    }

    /** Any DOT request as a subcommand and its payload bytes (trailer included), for dispatch. */
    public record DotRequest(DotSubcommand subcommand, Octets payload) {
        public DotRequest {
            Objects.requireNonNull(subcommand, "subcommand");
            Objects.requireNonNull(payload, "payload");
            if (!subcommand.acceptsPayload(payload.length())) {
                throw new IllegalArgumentException("payload of " + subcommand.mnemonic() + " is " + subcommand.payloadSize()
                        + (subcommand.authorized() ? " or " + (subcommand.payloadSize() + McAuthorization.Trailer.SIZE) : "")
                        + " bytes, got " + payload.length());
            }
        }
    }

    /** Any DOT response's fields, whose layout the request's subcommand decides. */
    public record DotResponse(Octets fields) {
        public DotResponse {
            Objects.requireNonNull(fields, "fields");
            if (Arrays.stream(DotSubcommand.values()).noneMatch(s -> s.responseSize() == fields.length())) {
                throw new IllegalArgumentException("a DOT response is 4, 48 or 168 bytes, got " + fields.length());
            }
        }
    }

    private static final int MAX_PAYLOAD = Arrays.stream(DotSubcommand.values())
            .mapToInt(s -> s.payloadSize() + (s.authorized() ? McAuthorization.Trailer.SIZE : 0)).max().orElseThrow();
    private static final int MIN_RESPONSE = Arrays.stream(DotSubcommand.values()).mapToInt(DotSubcommand::responseSize).min()
            .orElseThrow();
    private static final int MAX_RESPONSE = Arrays.stream(DotSubcommand.values()).mapToInt(DotSubcommand::responseSize).max()
            .orElseThrow();

    public static final CommandCodec<DotRequest, DotResponse> MC_DEVICE_OWNERSHIP_TRANSFER = CommandCodec.of(
            McCommand.MC_DEVICE_OWNERSHIP_TRANSFER,
            Codec.variable(4, 4 + MAX_PAYLOAD, (v, out) -> out.u32(v.subcommand().code()).bytes(v.payload()), in -> {
                DotSubcommand sub = readSubcommand(in);
                if (!sub.acceptsPayload(in.remaining())) {
                    throw in.error("payload", in.position(), "is " + in.remaining() + " bytes; " + sub.mnemonic() + " takes "
                            + sub.payloadSize() + (sub.authorized() ? " or " + (sub.payloadSize() + McAuthorization.Trailer.SIZE) : ""));
                }
                return new DotRequest(sub, in.rest("payload"));
            }),
            Codec.variable(MIN_RESPONSE, MAX_RESPONSE, (v, out) -> out.bytes(v.fields()), in -> {
                if (Arrays.stream(DotSubcommand.values()).noneMatch(s -> s.responseSize() == in.remaining())) {
                    throw in.error("fields", 0, "are " + in.remaining() + " bytes; a DOT response is 4, 48 or 168");
                }
                return new DotResponse(in.rest("fields"));
            }));

    private static DotSubcommand readSubcommand(FieldReader in) {
        int at = in.position();
        int code = in.u32("subcommand");
        return DotSubcommand.fromCode(code).orElseThrow(
                () -> in.error("subcommand", at, "is " + FourCc.describe(code) + ", not a DOT subcommand"));
    }

    /** DOT_LOCK (MDLK): the CAK and the hash of the LAK to lock ownership to. */
    public record DotLock(Octets cak, Octets lakHash) {
        public DotLock {
            Fields.exactly("cak", cak, KEY_HASH_SIZE);
            Fields.exactly("lak_hash", lakHash, KEY_HASH_SIZE);
        }
    }

    /** DOT_DISABLE (MDDS): the hash of the current LAK. */
    public record DotDisable(Octets lakHash) {
        public DotDisable {
            Fields.exactly("lak_hash", lakHash, KEY_HASH_SIZE);
        }
    }

    /** DOT_ROTATE (MDRT): the burned-fuse count below which the rotation burns, and the new CAK and LAK hash. */
    public record DotRotate(int minFuseCount, Octets cak, Octets lakHash) {
        public DotRotate {
            Fields.exactly("cak", cak, KEY_HASH_SIZE);
            Fields.exactly("lak_hash", lakHash, KEY_HASH_SIZE);
        }
    }

    /** DOT_UNLOCK (MDUL): the LAK's public keys and its hybrid signature over the unlock challenge. */
    public record DotUnlock(Octets lakEccPubX, Octets lakEccPubY, Octets lakMldsaPub, HybridSignature signature) {
        public DotUnlock {
            Fields.exactly("lak_ecc_pub_x", lakEccPubX, ECC384_SCALAR);
            Fields.exactly("lak_ecc_pub_y", lakEccPubY, ECC384_SCALAR);
            Fields.exactly("lak_mldsa_pub", lakMldsaPub, MLDSA87_PUBLIC_KEY);
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** DOT_RECOVERY (MDRC): a backup blob to restore. */
    public record DotRecovery(Octets blob) {
        public DotRecovery {
            Fields.exactly("blob", blob, BLOB_SIZE);
        }
    }

    /** DOT_OVERRIDE_CHALLENGE (DOTW): the recovery key whose fused hash authorizes the override. */
    public record DotOverrideChallenge(Octets recoveryEccPubX, Octets recoveryEccPubY, Octets recoveryMldsaPub) {
        public DotOverrideChallenge {
            Fields.exactly("recovery_ecc_pub_x", recoveryEccPubX, ECC384_SCALAR);
            Fields.exactly("recovery_ecc_pub_y", recoveryEccPubY, ECC384_SCALAR);
            Fields.exactly("recovery_mldsa_pub", recoveryMldsaPub, MLDSA87_PUBLIC_KEY);
        }
    }

    /** DOT_OVERRIDE (DOTX): the recovery key and its hybrid signature over the override challenge. */
    public record DotOverride(Octets recoveryEccPubX, Octets recoveryEccPubY, Octets recoveryMldsaPub,
            HybridSignature signature) {
        public DotOverride {
            Fields.exactly("recovery_ecc_pub_x", recoveryEccPubX, ECC384_SCALAR);
            Fields.exactly("recovery_ecc_pub_y", recoveryEccPubY, ECC384_SCALAR);
            Fields.exactly("recovery_mldsa_pub", recoveryMldsaPub, MLDSA87_PUBLIC_KEY);
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** A state transition's answer: {@code reset_required} is 1 when the change takes effect at the next reset. */
    public record DotTransition(int resetRequired) {}

    /** A one-use 48-byte challenge (MDUC, DOTW). */
    public record DotChallenge(Octets challenge) {
        public DotChallenge {
            Fields.exactly("challenge", challenge, CHALLENGE_SIZE);
        }
    }

    /** DOT_STATUS (MDST): enabled and locked flags (u8) and the count of burned DOT fuses (u16). */
    public record DotStatus(int enabled, int locked, int burned) {
        public DotStatus {
            Fields.u8("enabled", enabled);
            Fields.u8("locked", locked);
            Fields.u16("burned", burned);
        }
    }

    /** The current DOT blob, an opaque 168 bytes. */
    public record DotBackupBlob(Octets blob) {
        public DotBackupBlob {
            Fields.exactly("blob", blob, BLOB_SIZE);
        }
    }

    /** {@code subcommand ‖ payload} of one subcommand, the subcommand checked on read. */
    private static <Q> Codec<Q> body(DotSubcommand sub, BiConsumer<Q, FieldWriter> payload, Function<FieldReader, Q> reader) {
        return Codec.fixed(4 + sub.payloadSize(), (v, out) -> {
            out.u32(sub.code());
            payload.accept(v, out);
        }, in -> {
            int at = in.position();
            int code = in.u32("subcommand");
            if (code != sub.code()) {
                throw in.error("subcommand", at, "is " + FourCc.describe(code) + ", expected " + FourCc.describe(sub.code()));
            }
            return reader.apply(in);
        });
    }

    private static final Codec<DotTransition> TRANSITION = Codec.fixed(4, (v, out) -> out.u32(v.resetRequired()),
            in -> new DotTransition(in.u32("reset_required")));
    private static final Codec<DotChallenge> CHALLENGE = Codec.fixed(CHALLENGE_SIZE, (v, out) -> out.bytes(v.challenge()),
            in -> new DotChallenge(in.bytes("challenge", CHALLENGE_SIZE)));

    private static void writeKeys(FieldWriter out, Octets x, Octets y, Octets mldsa) {
        out.bytes(x).bytes(y).bytes(mldsa);
    }

    public static final CommandCodec<Authorized<DotLock>, DotTransition> DOT_LOCK = CommandCodec.of(
            new DotCommand(DotSubcommand.LOCK), McAuthorization.authorized(body(DotSubcommand.LOCK,
                    (DotLock v, FieldWriter out) -> out.bytes(v.cak()).bytes(v.lakHash()),
                    in -> new DotLock(in.bytes("cak", KEY_HASH_SIZE), in.bytes("lak_hash", KEY_HASH_SIZE)))),
            TRANSITION);

    public static final CommandCodec<Authorized<DotDisable>, DotTransition> DOT_DISABLE = CommandCodec.of(
            new DotCommand(DotSubcommand.DISABLE), McAuthorization.authorized(body(DotSubcommand.DISABLE,
                    (DotDisable v, FieldWriter out) -> out.bytes(v.lakHash()),
                    in -> new DotDisable(in.bytes("lak_hash", KEY_HASH_SIZE)))),
            TRANSITION);

    public static final CommandCodec<Authorized<DotRotate>, DotTransition> DOT_ROTATE = CommandCodec.of(
            new DotCommand(DotSubcommand.ROTATE), McAuthorization.authorized(body(DotSubcommand.ROTATE,
                    (DotRotate v, FieldWriter out) -> out.u32(v.minFuseCount()).bytes(v.cak()).bytes(v.lakHash()),
                    in -> new DotRotate(in.u32("min_fuse_count"), in.bytes("cak", KEY_HASH_SIZE), in.bytes("lak_hash", KEY_HASH_SIZE)))),
            TRANSITION);

    public static final CommandCodec<Authorized<NoFields>, DotBackupBlob> DOT_GET_BACKUP_BLOB = CommandCodec.of(
            new DotCommand(DotSubcommand.GET_BACKUP_BLOB), McAuthorization.authorized(
                    body(DotSubcommand.GET_BACKUP_BLOB, (NoFields v, FieldWriter out) -> { }, in -> NoFields.INSTANCE)),
            Codec.fixed(BLOB_SIZE, (v, out) -> out.bytes(v.blob()), in -> new DotBackupBlob(in.bytes("blob", BLOB_SIZE))));

    public static final CommandCodec<NoFields, DotChallenge> DOT_UNLOCK_CHALLENGE = CommandCodec.of(
            new DotCommand(DotSubcommand.UNLOCK_CHALLENGE),
            body(DotSubcommand.UNLOCK_CHALLENGE, (NoFields v, FieldWriter out) -> { }, in -> NoFields.INSTANCE), CHALLENGE);

    public static final CommandCodec<DotUnlock, DotTransition> DOT_UNLOCK = CommandCodec.of(
            new DotCommand(DotSubcommand.UNLOCK), body(DotSubcommand.UNLOCK, (DotUnlock v, FieldWriter out) -> {
                writeKeys(out, v.lakEccPubX(), v.lakEccPubY(), v.lakMldsaPub());
                v.signature().write(out);
            }, in -> new DotUnlock(in.bytes("lak_ecc_pub_x", ECC384_SCALAR),
                    in.bytes("lak_ecc_pub_y", ECC384_SCALAR),
                    in.bytes("lak_mldsa_pub", MLDSA87_PUBLIC_KEY), HybridSignature.read(in))),
            TRANSITION);

    public static final CommandCodec<NoFields, DotStatus> DOT_STATUS = CommandCodec.of(
            new DotCommand(DotSubcommand.STATUS),
            body(DotSubcommand.STATUS, (NoFields v, FieldWriter out) -> { }, in -> NoFields.INSTANCE),
            Codec.fixed(4, (v, out) -> out.u8(v.enabled()).u8(v.locked()).u16(v.burned()),
                    in -> new DotStatus(in.u8("enabled"), in.u8("locked"), in.u16("burned"))));

    public static final CommandCodec<DotRecovery, DotTransition> DOT_RECOVERY = CommandCodec.of(
            new DotCommand(DotSubcommand.RECOVERY), body(DotSubcommand.RECOVERY, (DotRecovery v, FieldWriter out) -> out.bytes(v.blob()),
                    in -> new DotRecovery(in.bytes("blob", BLOB_SIZE))),
            TRANSITION);

    public static final CommandCodec<DotOverrideChallenge, DotChallenge> DOT_OVERRIDE_CHALLENGE = CommandCodec.of(
            new DotCommand(DotSubcommand.OVERRIDE_CHALLENGE), body(DotSubcommand.OVERRIDE_CHALLENGE,
                    (DotOverrideChallenge v, FieldWriter out) -> writeKeys(out, v.recoveryEccPubX(), v.recoveryEccPubY(),
                            v.recoveryMldsaPub()),
                    in -> new DotOverrideChallenge(in.bytes("recovery_ecc_pub_x", ECC384_SCALAR),
                            in.bytes("recovery_ecc_pub_y", ECC384_SCALAR),
                            in.bytes("recovery_mldsa_pub", MLDSA87_PUBLIC_KEY))),
            CHALLENGE);

    public static final CommandCodec<DotOverride, DotTransition> DOT_OVERRIDE = CommandCodec.of(
            new DotCommand(DotSubcommand.OVERRIDE), body(DotSubcommand.OVERRIDE, (DotOverride v, FieldWriter out) -> {
                writeKeys(out, v.recoveryEccPubX(), v.recoveryEccPubY(), v.recoveryMldsaPub());
                v.signature().write(out);
            }, in -> new DotOverride(in.bytes("recovery_ecc_pub_x", ECC384_SCALAR),
                    in.bytes("recovery_ecc_pub_y", ECC384_SCALAR),
                    in.bytes("recovery_mldsa_pub", MLDSA87_PUBLIC_KEY), HybridSignature.read(in))),
            TRANSITION);
}
