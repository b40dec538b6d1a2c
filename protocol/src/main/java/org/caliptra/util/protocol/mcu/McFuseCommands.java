package org.caliptra.util.protocol.mcu;

import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;

/**
 * In-field fuse programming and key provisioning over the MCI mailbox (spec/device.md §4.5, MCU
 * docs/src/fuse_api_cmd.md). Every request is the command's fields optionally followed by the
 * {@link McAuthorization.Trailer}; every response is the header alone except MC_FUSE_READ's.
 */
public final class McFuseCommands {
    /** Largest MC_FUSE_READ data the MCU ROM returns (128 words). */
    public static final int MAX_FUSE_READ_SIZE = 512;
    /** The fixed data buffer of the MCU runtime's MC_FUSE_READ response. */
    public static final int RUNTIME_FUSE_READ_SIZE = 128;
    public static final int PK_HASH_SIZE = 48;

    private McFuseCommands() {}

    /** Which fuse entry to read: a partition number and a word-aligned byte offset in it. */
    public record FuseReadRequest(int partition, int entry) {}

    /**
     * Fuse contents as the MCU ROM answers MC_FUSE_READ: {@code length_bits} valid bits, carried in
     * whole 32-bit words, so the data is {@code ceil(length_bits / 32) * 4} bytes.
     */
    public record FuseReadData(int lengthBits, Octets data) {
        public FuseReadData {
            if (lengthBits < 0 || lengthBits > MAX_FUSE_READ_SIZE * 8) {
                throw new IllegalArgumentException("length_bits is 0.." + MAX_FUSE_READ_SIZE * 8 + ", got " + lengthBits);
            }
            Fields.exactly("data", data, dataSize(lengthBits));
        }

        /** Bytes of data that carry {@code lengthBits} bits. */
        public static int dataSize(long lengthBits) {
            return (int) ((lengthBits + 31) / 32 * 4);
        }
    }

    /**
     * The MCU runtime's MC_FUSE_READ answer, which sends its whole response buffer: a
     * {@code data_len} it leaves at zero, {@code length_bits}, and the 128-byte data buffer of which
     * the first {@code ceil(length_bits / 8)} bytes are meaningful.
     */
    public record RuntimeFuseReadData(int dataLen, int lengthBits, Octets data) {
        public RuntimeFuseReadData {
            Fields.exactly("data", data, RUNTIME_FUSE_READ_SIZE);
        }
    }

    /** One fuse word to program under a bit mask; the write is idempotent and cannot clear a 1 bit. */
    public record FuseWriteRequest(int wordAddr, int data, int mask) {}

    /** A fuse partition: the one MC_FUSE_LOCK_PARTITION locks, or MC_FE_PROG fills with field entropy. */
    public record PartitionRequest(int partition) {}

    /** A vendor public-key hash for an empty vendor PK hash slot. */
    public record VendorPkHashRequest(int slot, Octets hash) {
        public VendorPkHashRequest {
            Fields.exactly("hash", hash, PK_HASH_SIZE);
        }
    }

    /**
     * The owner public-key hash in its dword-reversed OTP form, carried verbatim; the device, not this
     * record, refuses the all-zero hash.
     */
    public record OwnerPkHashRequest(Octets hash) {
        public OwnerPkHashRequest {
            Fields.exactly("hash", hash, PK_HASH_SIZE);
        }
    }

    /** The new minimum bootable Caliptra firmware SVN and flags (zero in this revision). */
    public record MinSvnRequest(int flags, int svn) {}

    /** Which key of which vendor PK hash slot to revoke; {@code reserved} must be zero. */
    public record RevokeVendorPubKeyRequest(int reserved, int vendorPkHashSlot, int keyType, int keyIndex) {
        public static RevokeVendorPubKeyRequest of(int vendorPkHashSlot, KeyType keyType, int keyIndex) {
            return new RevokeVendorPubKeyRequest(0, vendorPkHashSlot, keyType.value(), keyIndex);
        }

        public Optional<KeyType> type() {
            return KeyType.fromValue(keyType);
        }
    }

    /** {@code key_type} of MC_FUSE_REVOKE_VENDOR_PUB_KEY. */
    public enum KeyType {
        ECDSA_P384, LMS, MLDSA87;

        public int value() {
            return ordinal();
        }

        public static Optional<KeyType> fromValue(int value) {
            return value >= 0 && value < values().length ? Optional.of(values()[value]) : Optional.empty();
        }
    }

    /** The vendor PK hash slot to revoke, after a reserved zero word. */
    public record RevokeVendorPkHashRequest(int reserved, int vendorPkHashSlot) {
        public static RevokeVendorPkHashRequest of(int vendorPkHashSlot) {
            return new RevokeVendorPkHashRequest(0, vendorPkHashSlot);
        }
    }

    private static final Codec<FuseReadRequest> FUSE_READ_REQUEST = Codec.fixed(8,
            (v, out) -> out.u32(v.partition()).u32(v.entry()), in -> new FuseReadRequest(in.u32("partition"), in.u32("entry")));
    private static final Codec<PartitionRequest> PARTITION = Codec.fixed(4,
            (v, out) -> out.u32(v.partition()), in -> new PartitionRequest(in.u32("partition")));

    /**
     * The spec's layout, which the MCU ROM answers (bare request only):
     * {@code length_bits:u32, data[ceil(length_bits / 32) * 4]}.
     */
    public static final CommandCodec<Authorized<FuseReadRequest>, FuseReadData> MC_FUSE_READ = CommandCodec.of(
            McCommand.MC_FUSE_READ, McAuthorization.authorized(FUSE_READ_REQUEST),
            Codec.variable(4, 4 + MAX_FUSE_READ_SIZE, (v, out) -> out.u32(v.lengthBits()).bytes(v.data()), in -> {
                int at = in.position();
                long bits = Integer.toUnsignedLong(in.u32("length_bits"));
                if (bits > MAX_FUSE_READ_SIZE * 8) {
                    throw in.error("length_bits", at, "is " + bits + ", at most " + MAX_FUSE_READ_SIZE * 8);
                }
                if (FuseReadData.dataSize(bits) != in.remaining()) {
                    throw in.error("length_bits", at, "is " + bits + ", which takes " + FuseReadData.dataSize(bits)
                            + " bytes of data, but " + in.remaining() + " bytes follow");
                }
                return new FuseReadData((int) bits, in.bytes("data", in.remaining()));
            }));

    /** The same request as the MCU runtime answers it (with the trailer its authorizer demands). */
    public static final CommandCodec<Authorized<FuseReadRequest>, RuntimeFuseReadData> MC_FUSE_READ_RUNTIME = CommandCodec.of(
            McCommand.MC_FUSE_READ, McAuthorization.authorized(FUSE_READ_REQUEST),
            Codec.fixed(8 + RUNTIME_FUSE_READ_SIZE, (v, out) -> out.u32(v.dataLen()).u32(v.lengthBits()).bytes(v.data()),
                    in -> new RuntimeFuseReadData(in.u32("data_len"), in.u32("length_bits"),
                            in.bytes("data", RUNTIME_FUSE_READ_SIZE))));

    public static final CommandCodec<Authorized<FuseWriteRequest>, NoFields> MC_FUSE_WRITE = CommandCodec.of(
            McCommand.MC_FUSE_WRITE, McAuthorization.authorized(Codec.fixed(12,
                    (v, out) -> out.u32(v.wordAddr()).u32(v.data()).u32(v.mask()),
                    in -> new FuseWriteRequest(in.u32("word_addr"), in.u32("data"), in.u32("mask")))),
            NoFields.CODEC);

    public static final CommandCodec<Authorized<PartitionRequest>, NoFields> MC_FUSE_LOCK_PARTITION = CommandCodec.of(
            McCommand.MC_FUSE_LOCK_PARTITION, McAuthorization.authorized(PARTITION), NoFields.CODEC);

    public static final CommandCodec<Authorized<VendorPkHashRequest>, NoFields> MC_PROVISION_VENDOR_PK_HASH = CommandCodec.of(
            McCommand.MC_PROVISION_VENDOR_PK_HASH, McAuthorization.authorized(Codec.fixed(52,
                    (v, out) -> out.u32(v.slot()).bytes(v.hash()),
                    in -> new VendorPkHashRequest(in.u32("slot"), in.bytes("hash", PK_HASH_SIZE)))),
            NoFields.CODEC);

    public static final CommandCodec<Authorized<OwnerPkHashRequest>, NoFields> MC_PROVISION_OWNER_PK_HASH = CommandCodec.of(
            McCommand.MC_PROVISION_OWNER_PK_HASH, McAuthorization.authorized(Codec.fixed(PK_HASH_SIZE,
                    (v, out) -> out.bytes(v.hash()), in -> new OwnerPkHashRequest(in.bytes("hash", PK_HASH_SIZE)))),
            NoFields.CODEC);

    public static final CommandCodec<Authorized<MinSvnRequest>, NoFields> MC_FUSE_INCREASE_CALIPTRA_MIN_SVN = CommandCodec.of(
            McCommand.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN, McAuthorization.authorized(Codec.fixed(8,
                    (v, out) -> out.u32(v.flags()).u32(v.svn()), in -> new MinSvnRequest(in.u32("flags"), in.u32("svn")))),
            NoFields.CODEC);

    public static final CommandCodec<Authorized<PartitionRequest>, NoFields> MC_FE_PROG = CommandCodec.of(
            McCommand.MC_FE_PROG, McAuthorization.authorized(PARTITION), NoFields.CODEC);

    public static final CommandCodec<Authorized<RevokeVendorPubKeyRequest>, NoFields> MC_FUSE_REVOKE_VENDOR_PUB_KEY =
            CommandCodec.of(McCommand.MC_FUSE_REVOKE_VENDOR_PUB_KEY, McAuthorization.authorized(Codec.fixed(16,
                    (v, out) -> out.u32(v.reserved()).u32(v.vendorPkHashSlot()).u32(v.keyType()).u32(v.keyIndex()),
                    in -> new RevokeVendorPubKeyRequest(in.u32("reserved"), in.u32("vendor_pk_hash_slot"), in.u32("key_type"),
                            in.u32("key_index")))),
                    NoFields.CODEC);

    /** The MCU's docs list only the slot; its code and the host library send a reserved word first. */
    public static final CommandCodec<Authorized<RevokeVendorPkHashRequest>, NoFields> MC_FUSE_REVOKE_VENDOR_PK_HASH =
            CommandCodec.of(McCommand.MC_FUSE_REVOKE_VENDOR_PK_HASH, McAuthorization.authorized(Codec.fixed(8,
                    (v, out) -> out.u32(v.reserved()).u32(v.vendorPkHashSlot()),
                    in -> new RevokeVendorPkHashRequest(in.u32("reserved"), in.u32("vendor_pk_hash_slot")))),
                    NoFields.CODEC);
}
