package org.caliptra.util.host.commands.fuse;

import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.fuse.FuseCommands.FeProg;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseData;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseIncreaseCaliptraMinSvn;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseLock;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseLockPartition;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseRead;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseRevokeVendorPkHash;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseRevokeVendorPubKey;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseWrite;
import org.caliptra.util.host.commands.fuse.FuseCommands.GetAuthCmdChallenge;
import org.caliptra.util.host.commands.fuse.FuseCommands.ProvisionOwnerPkHash;
import org.caliptra.util.host.commands.fuse.FuseCommands.ProvisionVendorPkHash;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;
import org.caliptra.util.protocol.mcu.McFuseCommands.KeyType;

/**
 * High-level fuse API (the reference's fuse module). An authorized command is signed by the caller:
 * take a challenge ({@link #authChallenge}), sign the record's {@code preImage(…, challenge)} with
 * the vendor's ECDSA P-384 and ML-DSA-87 keys, and pass the resulting {@link Trailer}. A refused
 * command is a {@link org.caliptra.util.host.commands.DeviceErrorException} with the device's code.
 */
public final class Fuses {
    private Fuses() {}

    public static FuseData read(CaliptraSession session, int partition, int entry) {
        return Commands.execute(session, new FuseRead(partition, entry));
    }

    public static void write(CaliptraSession session, int wordAddress, int data, int mask) {
        Commands.execute(session, new FuseWrite(wordAddress, data, mask));
    }

    /** The MCU ROM's unauthorized lock; {@link #lockPartition} is the runtime's authorized one. */
    public static void lock(CaliptraSession session, int partition) {
        Commands.execute(session, new FuseLock(partition));
    }

    /** {@code get_auth_challenge}: 48 bytes, valid for one authorized command. */
    public static Octets authChallenge(CaliptraSession session) {
        return Commands.execute(session, new GetAuthCmdChallenge()).challenge();
    }

    public static void feProg(CaliptraSession session, int partition, Trailer authorization) {
        Commands.execute(session, new FeProg(partition, authorization));
    }

    public static void provisionVendorPkHash(CaliptraSession session, int slot, Octets hash, Trailer authorization) {
        Commands.execute(session, new ProvisionVendorPkHash(slot, hash, authorization));
    }

    public static void increaseCaliptraMinSvn(CaliptraSession session, int svn, Trailer authorization) {
        Commands.execute(session, new FuseIncreaseCaliptraMinSvn(0, svn, authorization));
    }

    public static void revokeVendorPubKey(CaliptraSession session, int slot, KeyType keyType, int keyIndex, Trailer authorization) {
        Commands.execute(session, new FuseRevokeVendorPubKey(slot, keyType, keyIndex, authorization));
    }

    public static void revokeVendorPkHash(CaliptraSession session, int slot, Trailer authorization) {
        Commands.execute(session, new FuseRevokeVendorPkHash(slot, authorization));
    }

    public static void lockPartition(CaliptraSession session, int partition, Trailer authorization) {
        Commands.execute(session, new FuseLockPartition(partition, authorization));
    }

    public static void provisionOwnerPkHash(CaliptraSession session, Octets hash, Trailer authorization) {
        Commands.execute(session, new ProvisionOwnerPkHash(hash, authorization));
    }
}
