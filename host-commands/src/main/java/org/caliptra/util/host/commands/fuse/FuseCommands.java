package org.caliptra.util.host.commands.fuse;

import java.util.Optional;
import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CryptoSizes;
import org.caliptra.util.protocol.mcu.McAuthorization;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;
import org.caliptra.util.protocol.mcu.McFuseCommands;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseReadRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseWriteRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.KeyType;
import org.caliptra.util.protocol.mcu.McFuseCommands.MinSvnRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.OwnerPkHashRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.PartitionRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.RevokeVendorPkHashRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.RevokeVendorPubKeyRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.VendorPkHashRequest;

/**
 * Fuse commands (spec/hostlib.md §2.1, §2.3): the plain fuse access of the MCU ROM (read, write,
 * lock; the reference numbers them but lays nothing out), the authorization challenge, and the
 * authorization-gated provisioning commands, whose internal structs end with the trailer {@code T}
 * ({@link Trailer}: nonce = the challenge, the verifying public keys, and a hybrid signature over
 * {@link McAuthorization#preImage the command's pre-image}). FuseGetInfo, FuseProvision and
 * FuseGetManifest have no Caliptra command; their layouts are this library's.
 */
public final class FuseCommands {
    public static final int PK_HASH_SIZE = McFuseCommands.PK_HASH_SIZE;
    public static final int CHALLENGE_SIZE = McAuthorization.NONCE_SIZE;
    /** The internal fuse data buffer (the MCU ROM's 128 words). */
    public static final int MAX_FUSE_DATA = McFuseCommands.MAX_FUSE_READ_SIZE;
    public static final int MAX_MANIFEST = 4096;

    private FuseCommands() {}

    /** The fuse commands. */
    public sealed interface FuseCommand<R> extends CatalogCommand<R> permits FuseRead, FuseWrite, FuseLock, FuseGetInfo,
            FuseProvision, FuseGetManifest, GetAuthCmdChallenge, FeProg, ProvisionVendorPkHash, FuseIncreaseCaliptraMinSvn,
            FuseRevokeVendorPubKey, FuseRevokeVendorPkHash, FuseLockPartition, ProvisionOwnerPkHash {}

    /** A sample trailer for examples: zero keys and signature, which any device refuses. */
    public static Trailer sampleTrailer() {
        return new Trailer(Octets.zeros(McAuthorization.NONCE_SIZE), Octets.zeros(48), Octets.zeros(48),
                Octets.zeros(CryptoSizes.MLDSA87_PUBLIC_KEY), new HybridSignature(Octets.zeros(48), Octets.zeros(48),
                        Octets.zeros(CryptoSizes.MLDSA87_SIGNATURE_SLOT)));
    }

    /** Fuse contents: {@code lengthBits} valid bits carried in whole words ({@code ceil(bits / 32) * 4} bytes). */
    public record FuseData(int fipsStatus, int lengthBits, Octets data) {
        public FuseData {
            if (lengthBits < 0 || lengthBits > MAX_FUSE_DATA * 8) {
                throw new IllegalArgumentException("FuseRead: length_bits is 0.." + MAX_FUSE_DATA * 8 + ", got " + lengthBits);
            }
            InternalFields.exactly("FuseRead", "data", data, McFuseCommands.FuseReadData.dataSize(lengthBits));
        }
    }

    /**
     * FuseRead (0x8001): one fuse entry. The MCU ROM answers the bare request; the MCU runtime
     * demands an authorization trailer (take a challenge, sign {@link #preImage}). Layout of this
     * library:
     *
     * <pre>
     * internal request:  partition u32, entry u32, authorized u32 (0 or 1), T (zero when 0)   (7472)
     * internal response: fips_status, length_bits u32, data u8[512]                           (520)
     * </pre>
     */
    public record FuseRead(int partition, int entry, Optional<Trailer> authorization) implements FuseCommand<FuseData> {
        public static final CommandType<FuseRead, FuseData> TYPE = CommandType.of(CommandId.FUSE_READ, FuseRead.class, true,
                "Read a fuse entry (bare for the MCU ROM, authorized for the MCU runtime)",
                InternalFields.optionallySigned(McFuseCommands.MC_FUSE_READ.request(), q -> new FuseReadRequest(q.partition(), q.entry()),
                        FuseRead::authorization, (f, t) -> new FuseRead(f.partition(), f.entry(), t)),
                Codec.fixed(8 + MAX_FUSE_DATA, (v, out) -> out.u32(v.fipsStatus()).u32(v.lengthBits()).padded(v.data(), MAX_FUSE_DATA),
                        in -> {
                            int fips = in.u32("fips_status");
                            int bits = in.u32InRange("length_bits", 0, MAX_FUSE_DATA * 8L);
                            return new FuseData(fips, bits, in.prefixOf("data", MAX_FUSE_DATA, McFuseCommands.FuseReadData.dataSize(bits)));
                        }),
                () -> new FuseRead(0, 0));

        public FuseRead {
            InternalFields.present("FuseRead", "authorization", authorization);
        }

        /** The bare request, as the MCU ROM takes it. */
        public FuseRead(int partition, int entry) {
            this(partition, entry, Optional.empty());
        }

        /** The authorized request, as the MCU runtime takes it. */
        public static FuseRead signed(int partition, int entry, Trailer authorization) {
            return new FuseRead(partition, entry, Optional.of(authorization));
        }

        /** What the authorization signs for these fields and a challenge. */
        public static byte[] preImage(int partition, int entry, Octets challenge) {
            return McAuthorization.preImage(McFuseCommands.MC_FUSE_READ, new FuseReadRequest(partition, entry), challenge);
        }

        @Override
        public CommandType<FuseRead, FuseData> type() {
            return TYPE;
        }
    }

    /**
     * FuseWrite (0x8002): program one fuse word under a mask (bits can only be set); bare for the
     * MCU ROM, authorized for the MCU runtime. Layout of this library: request word_addr u32, data
     * u32, mask u32, authorized u32 (0 or 1), T (zero when 0) (7476); response fips_status (4).
     */
    public record FuseWrite(int wordAddress, int data, int mask, Optional<Trailer> authorization) implements FuseCommand<StatusResponse> {
        public static final CommandType<FuseWrite, StatusResponse> TYPE = CommandType.of(CommandId.FUSE_WRITE, FuseWrite.class, false,
                "Program a fuse word under a mask (bare for the MCU ROM, authorized for the MCU runtime)",
                InternalFields.optionallySigned(McFuseCommands.MC_FUSE_WRITE.request(),
                        q -> new FuseWriteRequest(q.wordAddress(), q.data(), q.mask()), FuseWrite::authorization,
                        (f, t) -> new FuseWrite(f.wordAddr(), f.data(), f.mask(), t)),
                StatusResponse.CODEC, () -> new FuseWrite(0, 1, 1));

        public FuseWrite {
            InternalFields.present("FuseWrite", "authorization", authorization);
        }

        /** The bare request, as the MCU ROM takes it. */
        public FuseWrite(int wordAddress, int data, int mask) {
            this(wordAddress, data, mask, Optional.empty());
        }

        /** The authorized request, as the MCU runtime takes it. */
        public static FuseWrite signed(int wordAddress, int data, int mask, Trailer authorization) {
            return new FuseWrite(wordAddress, data, mask, Optional.of(authorization));
        }

        /** What the authorization signs for these fields and a challenge. */
        public static byte[] preImage(int wordAddress, int data, int mask, Octets challenge) {
            return McAuthorization.preImage(McFuseCommands.MC_FUSE_WRITE, new FuseWriteRequest(wordAddress, data, mask), challenge);
        }

        @Override
        public CommandType<FuseWrite, StatusResponse> type() {
            return TYPE;
        }
    }

    /**
     * FuseLock (0x8003): lock a fuse partition, without authorization (the MCU ROM's form of
     * MC_FUSE_LOCK_PARTITION; FuseLockPartition is the authorized runtime form). Layout of this
     * library: request partition u32 (4); response fips_status (4).
     */
    public record FuseLock(int partition) implements FuseCommand<StatusResponse> {
        public static final CommandType<FuseLock, StatusResponse> TYPE = CommandType.of(CommandId.FUSE_LOCK, FuseLock.class, false,
                "Lock a fuse partition (MCU ROM, unauthorized form)",
                Codec.fixed(4, (v, out) -> out.u32(v.partition()), in -> new FuseLock(in.u32("partition"))),
                StatusResponse.CODEC, () -> new FuseLock(14));

        @Override
        public CommandType<FuseLock, StatusResponse> type() {
            return TYPE;
        }
    }

    /** FuseGetInfo's answer: a partition's size and whether it is locked. */
    public record FuseInfo(int fipsStatus, int sizeBits, boolean locked) {}

    /**
     * FuseGetInfo (0x8004). No Caliptra target carries it. Layout of this library: request
     * partition u32 (4); response fips_status, size_bits u32, locked u32 (12).
     */
    public record FuseGetInfo(int partition) implements FuseCommand<FuseInfo> {
        public static final CommandType<FuseGetInfo, FuseInfo> TYPE = CommandType.of(CommandId.FUSE_GET_INFO, FuseGetInfo.class, true,
                "Size and lock state of a fuse partition (no Caliptra target implements it)",
                Codec.fixed(4, (v, out) -> out.u32(v.partition()), in -> new FuseGetInfo(in.u32("partition"))),
                Codec.fixed(12, (v, out) -> out.u32(v.fipsStatus()).u32(v.sizeBits()).u32(v.locked() ? 1 : 0),
                        in -> new FuseInfo(in.u32("fips_status"), in.u32("size_bits"), in.u32InRange("locked", 0, 1) == 1)),
                () -> new FuseGetInfo(0));

        @Override
        public CommandType<FuseGetInfo, FuseInfo> type() {
            return TYPE;
        }
    }

    /**
     * FuseProvision (0x8005): program a partition's contents. No Caliptra target carries it. Layout
     * of this library: request partition u32, data_size u32, data u8[512] (520); response
     * fips_status (4).
     */
    public record FuseProvision(int partition, Octets data) implements FuseCommand<StatusResponse> {
        public static final CommandType<FuseProvision, StatusResponse> TYPE = CommandType.of(CommandId.FUSE_PROVISION,
                FuseProvision.class, false, "Program a fuse partition's contents (no Caliptra target implements it)",
                Codec.fixed(8 + MAX_FUSE_DATA, (v, out) -> InternalFields.sized(out.u32(v.partition()), v.data(), MAX_FUSE_DATA),
                        in -> new FuseProvision(in.u32("partition"), InternalFields.sized(in, "data_size", "data", MAX_FUSE_DATA))),
                StatusResponse.CODEC, () -> new FuseProvision(0, Octets.fromHex("01000000")));

        public FuseProvision {
            InternalFields.atMost("FuseProvision", "data", data, MAX_FUSE_DATA);
        }

        @Override
        public CommandType<FuseProvision, StatusResponse> type() {
            return TYPE;
        }
    }

    /** FuseGetManifest's answer: the device's description of its fuse map. */
    public record FuseManifest(int fipsStatus, Octets data) {
        public FuseManifest {
            InternalFields.atMost("FuseGetManifest", "data", data, MAX_MANIFEST);
        }
    }

    /**
     * FuseGetManifest (0x8006). No Caliptra target carries it. Layout of this library: empty request;
     * response fips_status, data_len u32, data u8[4096] (4104).
     */
    public record FuseGetManifest() implements FuseCommand<FuseManifest> {
        public static final CommandType<FuseGetManifest, FuseManifest> TYPE = CommandType.of(CommandId.FUSE_GET_MANIFEST,
                FuseGetManifest.class, true, "The device's fuse map description (no Caliptra target implements it)",
                Codec.fixed(0, (v, out) -> { }, in -> new FuseGetManifest()),
                Codec.fixed(8 + MAX_MANIFEST, (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()), v.data(), MAX_MANIFEST),
                        in -> new FuseManifest(in.u32("fips_status"), InternalFields.sized(in, "data_len", "data", MAX_MANIFEST))),
                FuseGetManifest::new);

        @Override
        public CommandType<FuseGetManifest, FuseManifest> type() {
            return TYPE;
        }
    }

    /** A one-use 48-byte challenge for the next authorization-gated command. */
    public record AuthChallenge(int fipsStatus, Octets challenge) {
        public AuthChallenge {
            InternalFields.exactly("GetAuthCmdChallenge", "challenge", challenge, CHALLENGE_SIZE);
        }
    }

    /**
     * GetAuthCmdChallenge (0x8010): a fresh challenge; each replaces the last.
     *
     * <pre>
     * internal request:  flags u32 (0), reserved u32 (0)                         (8)
     * internal response: fips_status, reserved u32, challenge u8[48]             (56)
     * </pre>
     */
    public record GetAuthCmdChallenge() implements FuseCommand<AuthChallenge> {
        public static final CommandType<GetAuthCmdChallenge, AuthChallenge> TYPE = CommandType.of(CommandId.GET_AUTH_CMD_CHALLENGE,
                GetAuthCmdChallenge.class, false, "A one-use challenge for the next authorized command",
                Codec.fixed(8, (v, out) -> out.u32(0).u32(0), in -> {
                    in.u32Equal("flags", 0);
                    in.u32Equal("reserved", 0);
                    return new GetAuthCmdChallenge();
                }),
                Codec.fixed(8 + CHALLENGE_SIZE, (v, out) -> out.u32(v.fipsStatus()).u32(0).bytes(v.challenge()),
                        in -> {
                            int fips = in.u32("fips_status");
                            in.u32("reserved");
                            return new AuthChallenge(fips, in.bytes("challenge", CHALLENGE_SIZE));
                        }),
                GetAuthCmdChallenge::new);

        @Override
        public CommandType<GetAuthCmdChallenge, AuthChallenge> type() {
            return TYPE;
        }
    }

    /**
     * FeProg (0x8011): program field entropy into a partition. Internal request partition u32, T
     * (7464); response fips_status (4).
     */
    public record FeProg(int partition, Trailer authorization) implements FuseCommand<StatusResponse> {
        public static final CommandType<FeProg, StatusResponse> TYPE = CommandType.of(CommandId.FE_PROG, FeProg.class, false,
                "Program field entropy into a partition (authorized)",
                InternalFields.signed(McFuseCommands.MC_FE_PROG.request(), Octets.zeros(0), q -> new PartitionRequest(q.partition()),
                        FeProg::authorization, (f, t) -> new FeProg(f.partition(), t)),
                StatusResponse.CODEC, () -> new FeProg(0, sampleTrailer()));

        public FeProg {
            InternalFields.present("FeProg", "authorization", authorization);
        }

        /** What the authorization signs for these fields and a challenge. */
        public static byte[] preImage(int partition, Octets challenge) {
            return McAuthorization.preImage(McFuseCommands.MC_FE_PROG, new PartitionRequest(partition), challenge);
        }

        @Override
        public CommandType<FeProg, StatusResponse> type() {
            return TYPE;
        }
    }

    /**
     * ProvisionVendorPkHash (0x8012): a vendor public-key hash into an empty slot. Internal request
     * slot u32, hash u8[48], T (7512); response fips_status (4).
     */
    public record ProvisionVendorPkHash(int slot, Octets hash, Trailer authorization) implements FuseCommand<StatusResponse> {
        public static final CommandType<ProvisionVendorPkHash, StatusResponse> TYPE = CommandType.of(CommandId.PROVISION_VENDOR_PK_HASH,
                ProvisionVendorPkHash.class, false, "Provision a vendor public-key hash slot (authorized)",
                InternalFields.signed(McFuseCommands.MC_PROVISION_VENDOR_PK_HASH.request(), Octets.zeros(0),
                        q -> new VendorPkHashRequest(q.slot(), q.hash()), ProvisionVendorPkHash::authorization,
                        (f, t) -> new ProvisionVendorPkHash(f.slot(), f.hash(), t)),
                StatusResponse.CODEC, () -> new ProvisionVendorPkHash(1, Octets.fromHex("a5".repeat(PK_HASH_SIZE)), sampleTrailer()));

        public ProvisionVendorPkHash {
            InternalFields.exactly("ProvisionVendorPkHash", "hash", hash, PK_HASH_SIZE);
            InternalFields.present("ProvisionVendorPkHash", "authorization", authorization);
        }

        public static byte[] preImage(int slot, Octets hash, Octets challenge) {
            return McAuthorization.preImage(McFuseCommands.MC_PROVISION_VENDOR_PK_HASH, new VendorPkHashRequest(slot, hash), challenge);
        }

        @Override
        public CommandType<ProvisionVendorPkHash, StatusResponse> type() {
            return TYPE;
        }
    }

    /**
     * FuseIncreaseCaliptraMinSvn (0x8013): raise the minimum Caliptra firmware SVN. Internal request
     * flags u32, svn u32, T (7468); response fips_status (4).
     */
    public record FuseIncreaseCaliptraMinSvn(int flags, int svn, Trailer authorization) implements FuseCommand<StatusResponse> {
        public static final CommandType<FuseIncreaseCaliptraMinSvn, StatusResponse> TYPE = CommandType.of(
                CommandId.FUSE_INCREASE_CALIPTRA_MIN_SVN, FuseIncreaseCaliptraMinSvn.class, false,
                "Raise the minimum Caliptra firmware SVN (authorized)",
                InternalFields.signed(McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN.request(), Octets.zeros(0),
                        q -> new MinSvnRequest(q.flags(), q.svn()), FuseIncreaseCaliptraMinSvn::authorization,
                        (f, t) -> new FuseIncreaseCaliptraMinSvn(f.flags(), f.svn(), t)),
                StatusResponse.CODEC, () -> new FuseIncreaseCaliptraMinSvn(0, 7, sampleTrailer()));

        public FuseIncreaseCaliptraMinSvn {
            InternalFields.present("FuseIncreaseCaliptraMinSvn", "authorization", authorization);
        }

        public static byte[] preImage(int flags, int svn, Octets challenge) {
            return McAuthorization.preImage(McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN, new MinSvnRequest(flags, svn), challenge);
        }

        @Override
        public CommandType<FuseIncreaseCaliptraMinSvn, StatusResponse> type() {
            return TYPE;
        }
    }

    /**
     * FuseRevokeVendorPubKey (0x8014): revoke one key of a vendor PK hash slot. Internal request
     * reserved u32 (0), vendor_pk_hash_slot u32, key_type u32, key_index u32, T (7476); response
     * fips_status (4).
     */
    public record FuseRevokeVendorPubKey(int slot, KeyType keyType, int keyIndex, Trailer authorization)
            implements FuseCommand<StatusResponse> {
        public static final CommandType<FuseRevokeVendorPubKey, StatusResponse> TYPE = CommandType.of(
                CommandId.FUSE_REVOKE_VENDOR_PUB_KEY, FuseRevokeVendorPubKey.class, false,
                "Revoke a vendor public key of a slot (authorized)",
                InternalFields.signed(McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY.request(), Octets.zeros(0),
                        q -> RevokeVendorPubKeyRequest.of(q.slot(), q.keyType(), q.keyIndex()), FuseRevokeVendorPubKey::authorization,
                        (f, t) -> {
                            reservedZero("FuseRevokeVendorPubKey", f.reserved());
                            return new FuseRevokeVendorPubKey(f.vendorPkHashSlot(), f.type().orElseThrow(() -> new IllegalArgumentException(
                                    "FuseRevokeVendorPubKey: key_type " + f.keyType() + " is not 0 (ECDSA), 1 (LMS) or 2 (ML-DSA)")),
                                    f.keyIndex(), t);
                        }),
                StatusResponse.CODEC, () -> new FuseRevokeVendorPubKey(1, KeyType.ECDSA_P384, 0, sampleTrailer()));

        public FuseRevokeVendorPubKey {
            InternalFields.present("FuseRevokeVendorPubKey", "key_type", keyType);
            InternalFields.present("FuseRevokeVendorPubKey", "authorization", authorization);
        }

        public static byte[] preImage(int slot, KeyType keyType, int keyIndex, Octets challenge) {
            return McAuthorization.preImage(McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY,
                    RevokeVendorPubKeyRequest.of(slot, keyType, keyIndex), challenge);
        }

        @Override
        public CommandType<FuseRevokeVendorPubKey, StatusResponse> type() {
            return TYPE;
        }
    }

    /**
     * FuseRevokeVendorPkHash (0x8015): revoke a vendor PK hash slot. Internal request reserved u32
     * (0), vendor_pk_hash_slot u32, T (7468); response fips_status (4).
     */
    public record FuseRevokeVendorPkHash(int slot, Trailer authorization) implements FuseCommand<StatusResponse> {
        public static final CommandType<FuseRevokeVendorPkHash, StatusResponse> TYPE = CommandType.of(
                CommandId.FUSE_REVOKE_VENDOR_PK_HASH, FuseRevokeVendorPkHash.class, false,
                "Revoke a vendor public-key hash slot (authorized)",
                InternalFields.signed(McFuseCommands.MC_FUSE_REVOKE_VENDOR_PK_HASH.request(), Octets.zeros(0),
                        q -> RevokeVendorPkHashRequest.of(q.slot()), FuseRevokeVendorPkHash::authorization, (f, t) -> {
                            reservedZero("FuseRevokeVendorPkHash", f.reserved());
                            return new FuseRevokeVendorPkHash(f.vendorPkHashSlot(), t);
                        }),
                StatusResponse.CODEC, () -> new FuseRevokeVendorPkHash(1, sampleTrailer()));

        public FuseRevokeVendorPkHash {
            InternalFields.present("FuseRevokeVendorPkHash", "authorization", authorization);
        }

        public static byte[] preImage(int slot, Octets challenge) {
            return McAuthorization.preImage(McFuseCommands.MC_FUSE_REVOKE_VENDOR_PK_HASH, RevokeVendorPkHashRequest.of(slot), challenge);
        }

        @Override
        public CommandType<FuseRevokeVendorPkHash, StatusResponse> type() {
            return TYPE;
        }
    }

    /**
     * FuseLockPartition (0x8016): lock a fuse partition, authorized. Internal request partition u32,
     * T (7464); response fips_status (4).
     */
    public record FuseLockPartition(int partition, Trailer authorization) implements FuseCommand<StatusResponse> {
        public static final CommandType<FuseLockPartition, StatusResponse> TYPE = CommandType.of(CommandId.FUSE_LOCK_PARTITION,
                FuseLockPartition.class, false, "Lock a fuse partition (authorized)",
                InternalFields.signed(McFuseCommands.MC_FUSE_LOCK_PARTITION.request(), Octets.zeros(0),
                        q -> new PartitionRequest(q.partition()), FuseLockPartition::authorization,
                        (f, t) -> new FuseLockPartition(f.partition(), t)),
                StatusResponse.CODEC, () -> new FuseLockPartition(14, sampleTrailer()));

        public FuseLockPartition {
            InternalFields.present("FuseLockPartition", "authorization", authorization);
        }

        public static byte[] preImage(int partition, Octets challenge) {
            return McAuthorization.preImage(McFuseCommands.MC_FUSE_LOCK_PARTITION, new PartitionRequest(partition), challenge);
        }

        @Override
        public CommandType<FuseLockPartition, StatusResponse> type() {
            return TYPE;
        }
    }

    /**
     * ProvisionOwnerPkHash (0x8017): the owner public-key hash (its dword-reversed OTP form). Internal
     * request hash u8[48], T (7508); response fips_status (4).
     */
    public record ProvisionOwnerPkHash(Octets hash, Trailer authorization) implements FuseCommand<StatusResponse> {
        public static final CommandType<ProvisionOwnerPkHash, StatusResponse> TYPE = CommandType.of(CommandId.PROVISION_OWNER_PK_HASH,
                ProvisionOwnerPkHash.class, false, "Provision the owner public-key hash (authorized)",
                InternalFields.signed(McFuseCommands.MC_PROVISION_OWNER_PK_HASH.request(), Octets.zeros(0),
                        q -> new OwnerPkHashRequest(q.hash()), ProvisionOwnerPkHash::authorization,
                        (f, t) -> new ProvisionOwnerPkHash(f.hash(), t)),
                StatusResponse.CODEC, () -> new ProvisionOwnerPkHash(Octets.fromHex("5a".repeat(PK_HASH_SIZE)), sampleTrailer()));

        public ProvisionOwnerPkHash {
            InternalFields.exactly("ProvisionOwnerPkHash", "hash", hash, PK_HASH_SIZE);
            InternalFields.present("ProvisionOwnerPkHash", "authorization", authorization);
        }

        public static byte[] preImage(Octets hash, Octets challenge) {
            return McAuthorization.preImage(McFuseCommands.MC_PROVISION_OWNER_PK_HASH, new OwnerPkHashRequest(hash), challenge);
        }

        @Override
        public CommandType<ProvisionOwnerPkHash, StatusResponse> type() {
            return TYPE;
        }
    }

    private static void reservedZero(String command, int reserved) {
        if (reserved != 0) {
            throw new IllegalArgumentException(command + ": reserved is " + Integer.toUnsignedString(reserved) + ", must be 0");
        }
    }
}
