package org.caliptra.util.host.commands.fuse;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.host.commands.fuse.FuseCommands.AuthChallenge;
import org.caliptra.util.host.commands.fuse.FuseCommands.FeProg;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseData;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseGetInfo;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseGetManifest;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseIncreaseCaliptraMinSvn;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseLock;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseLockPartition;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseProvision;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseRead;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseRevokeVendorPkHash;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseRevokeVendorPubKey;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseWrite;
import org.caliptra.util.host.commands.fuse.FuseCommands.GetAuthCmdChallenge;
import org.caliptra.util.host.commands.fuse.FuseCommands.ProvisionOwnerPkHash;
import org.caliptra.util.host.commands.fuse.FuseCommands.ProvisionVendorPkHash;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands;
import org.caliptra.util.protocol.mcu.McFuseCommands;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseReadData;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseReadRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.RuntimeFuseReadData;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseWriteRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.MinSvnRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.OwnerPkHashRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.PartitionRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.RevokeVendorPkHashRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.RevokeVendorPubKeyRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.VendorPkHashRequest;

import static org.caliptra.util.host.commands.CommandId.*;

/**
 * Fuses on an MCU mailbox: FuseRead / FuseWrite / FuseLock as the MCU ROM's bare MC_FUSE_READ,
 * MC_FUSE_WRITE and MC_FUSE_LOCK_PARTITION (the reference leaves them unmapped); the challenge as
 * MC_GET_AUTH_CMD_CHALLENGE; the authorized commands as their MC_* codes with the trailer
 * (ProvisionOwnerPkHash as MC_PROVISION_OWNER_PK_HASH, which the reference sends only over SPDM).
 * FuseLock and FuseLockPartition share MC_FUSE_LOCK_PARTITION: bare for the ROM, signed for the
 * runtime. A Caliptra core mailbox carries none of them: its FE_PROG takes no authorization, and
 * sending FeProg's fields without the signature the caller meant to be checked would change what
 * was authorized.
 */
public final class FuseFamily implements CommandFamily {
    @Override
    public String name() {
        return "fuse";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(FUSE_READ, FUSE_WRITE, FUSE_LOCK, FUSE_GET_INFO, FUSE_PROVISION, FUSE_GET_MANIFEST,
                        GET_AUTH_CMD_CHALLENGE, FE_PROG, PROVISION_VENDOR_PK_HASH, FUSE_INCREASE_CALIPTRA_MIN_SVN,
                        FUSE_REVOKE_VENDOR_PUB_KEY, FUSE_REVOKE_VENDOR_PK_HASH, FUSE_LOCK_PARTITION, PROVISION_OWNER_PK_HASH),
                EnumSet.of(FUSE_READ, FUSE_WRITE, FUSE_LOCK, GET_AUTH_CMD_CHALLENGE, FE_PROG,
                        PROVISION_VENDOR_PK_HASH, FUSE_INCREASE_CALIPTRA_MIN_SVN, FUSE_REVOKE_VENDOR_PUB_KEY,
                        FUSE_REVOKE_VENDOR_PK_HASH, FUSE_LOCK_PARTITION, PROVISION_OWNER_PK_HASH),
                EnumSet.noneOf(CommandId.class),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(FuseRead.TYPE, FuseWrite.TYPE, FuseLock.TYPE, FuseGetInfo.TYPE, FuseProvision.TYPE, FuseGetManifest.TYPE,
                GetAuthCmdChallenge.TYPE, FeProg.TYPE, ProvisionVendorPkHash.TYPE, FuseIncreaseCaliptraMinSvn.TYPE,
                FuseRevokeVendorPubKey.TYPE, FuseRevokeVendorPkHash.TYPE, FuseLockPartition.TYPE, ProvisionOwnerPkHash.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return switch (kind) {
            case MCU -> List.of(
                    CodecMailboxMapping.of(FuseRead.TYPE, FUSE_READ_EITHER,
                            q -> authorized(new FuseReadRequest(q.partition(), q.entry()), q.authorization()),
                            (fips, d) -> new FuseData(fips, d.lengthBits(), d.data())),
                    CodecMailboxMapping.of(FuseWrite.TYPE, McFuseCommands.MC_FUSE_WRITE,
                            q -> authorized(new FuseWriteRequest(q.wordAddress(), q.data(), q.mask()), q.authorization()),
                            FuseFamily::status),
                    CodecMailboxMapping.of(FuseLock.TYPE, McFuseCommands.MC_FUSE_LOCK_PARTITION,
                            q -> Authorized.bare(new PartitionRequest(q.partition())), FuseFamily::status),
                    CodecMailboxMapping.of(GetAuthCmdChallenge.TYPE, McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE,
                            q -> McDebugUnlockCommands.AuthChallengeRequest.DEFAULT, (fips, c) -> new AuthChallenge(fips, c.challenge())),
                    CodecMailboxMapping.of(FeProg.TYPE, McFuseCommands.MC_FE_PROG,
                            q -> Authorized.signed(new PartitionRequest(q.partition()), q.authorization()), FuseFamily::status),
                    CodecMailboxMapping.of(ProvisionVendorPkHash.TYPE, McFuseCommands.MC_PROVISION_VENDOR_PK_HASH,
                            q -> Authorized.signed(new VendorPkHashRequest(q.slot(), q.hash()), q.authorization()), FuseFamily::status),
                    CodecMailboxMapping.of(FuseIncreaseCaliptraMinSvn.TYPE, McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN,
                            q -> Authorized.signed(new MinSvnRequest(q.flags(), q.svn()), q.authorization()), FuseFamily::status),
                    CodecMailboxMapping.of(FuseRevokeVendorPubKey.TYPE, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY,
                            q -> Authorized.signed(RevokeVendorPubKeyRequest.of(q.slot(), q.keyType(), q.keyIndex()), q.authorization()),
                            FuseFamily::status),
                    CodecMailboxMapping.of(FuseRevokeVendorPkHash.TYPE, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PK_HASH,
                            q -> Authorized.signed(RevokeVendorPkHashRequest.of(q.slot()), q.authorization()), FuseFamily::status),
                    CodecMailboxMapping.of(FuseLockPartition.TYPE, McFuseCommands.MC_FUSE_LOCK_PARTITION,
                            q -> Authorized.signed(new PartitionRequest(q.partition()), q.authorization()), FuseFamily::status),
                    CodecMailboxMapping.of(ProvisionOwnerPkHash.TYPE, McFuseCommands.MC_PROVISION_OWNER_PK_HASH,
                            q -> Authorized.signed(new OwnerPkHashRequest(q.hash()), q.authorization()), FuseFamily::status));
            case CALIPTRA_CORE -> List.of();
        };
    }

    /**
     * MC_FUSE_READ with either answer: the MCU ROM's {@code length_bits ‖ data[ceil(bits / 32) * 4]},
     * or the MCU runtime's fixed {@code data_len (0) ‖ length_bits ‖ data[128]}. They cannot be
     * confused: the runtime's is 136 bytes with a zero first word, and a ROM answer of 136 bytes
     * starts with a length_bits of 1025 to 1056.
     */
    static final CommandCodec<Authorized<FuseReadRequest>, FuseReadData> FUSE_READ_EITHER = CommandCodec.of(
            McFuseCommands.MC_FUSE_READ.command(), McFuseCommands.MC_FUSE_READ.request(),
            Codec.variable(4, 4 + McFuseCommands.MAX_FUSE_READ_SIZE, McFuseCommands.MC_FUSE_READ.response()::write, in -> {
                byte[] all = in.rest("response").toByteArray();
                Codec<RuntimeFuseReadData> runtime = McFuseCommands.MC_FUSE_READ_RUNTIME.response();
                if (all.length == runtime.minSize() && all[0] == 0 && all[1] == 0 && all[2] == 0 && all[3] == 0) {
                    RuntimeFuseReadData r = runtime.read(new FieldReader(in.message(), all));
                    long bits = Integer.toUnsignedLong(r.lengthBits());
                    if (bits > McFuseCommands.RUNTIME_FUSE_READ_SIZE * 8L) {
                        throw new FieldReader(in.message(), all).error("length_bits", 4, "is " + bits + ", but the data buffer holds "
                                + McFuseCommands.RUNTIME_FUSE_READ_SIZE * 8 + " bits");
                    }
                    return new FuseReadData((int) bits, r.data().slice(0, FuseReadData.dataSize(bits)));
                }
                return McFuseCommands.MC_FUSE_READ.response().read(new FieldReader(in.message(), all));
            }));

    private static <Q> Authorized<Q> authorized(Q fields, Optional<Trailer> authorization) {
        return authorization.map(t -> Authorized.signed(fields, t)).orElseGet(() -> Authorized.bare(fields));
    }

    private static StatusResponse status(int fips, Object none) {
        return new StatusResponse(fips);
    }
}
