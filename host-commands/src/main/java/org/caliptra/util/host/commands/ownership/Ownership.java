package org.caliptra.util.host.commands.ownership;

import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.BackupBlob;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotDisable;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotLock;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotOverride;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotOverrideChallenge;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotRecovery;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotRotate;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotStatus;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotUnlock;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotUnlockChallenge;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.GetDotBackupBlob;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.Status;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.Transition;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;

/**
 * High-level device-ownership-transfer API (the reference's device_ownership_transfer module). The
 * authorized calls take a {@link Trailer} the caller signed over the record's {@code preImage};
 * unlock and override take the LAK's / recovery key's signature over the device's challenge.
 */
public final class Ownership {
    private Ownership() {}

    public static Status status(CaliptraSession session) {
        return Commands.execute(session, new DotStatus());
    }

    public static Transition lock(CaliptraSession session, Octets cak, Octets lakHash, Trailer authorization) {
        return Commands.execute(session, new DotLock(cak, lakHash, authorization));
    }

    public static Transition disable(CaliptraSession session, Octets lakHash, Trailer authorization) {
        return Commands.execute(session, new DotDisable(lakHash, authorization));
    }

    public static Transition rotate(CaliptraSession session, int minFuseCount, Octets cak, Octets lakHash, Trailer authorization) {
        return Commands.execute(session, new DotRotate(minFuseCount, cak, lakHash, authorization));
    }

    public static BackupBlob backupBlob(CaliptraSession session, Trailer authorization) {
        return Commands.execute(session, new GetDotBackupBlob(authorization));
    }

    public static Octets unlockChallenge(CaliptraSession session) {
        return Commands.execute(session, new DotUnlockChallenge()).challenge();
    }

    public static Transition unlock(CaliptraSession session, Octets lakEccPubX, Octets lakEccPubY, Octets lakMldsaPub,
            HybridSignature signature) {
        return Commands.execute(session, new DotUnlock(lakEccPubX, lakEccPubY, lakMldsaPub, signature));
    }

    public static Transition recover(CaliptraSession session, Octets blob) {
        return Commands.execute(session, new DotRecovery(blob));
    }

    public static Octets overrideChallenge(CaliptraSession session, Octets recoveryEccPubX, Octets recoveryEccPubY,
            Octets recoveryMldsaPub) {
        return Commands.execute(session, new DotOverrideChallenge(recoveryEccPubX, recoveryEccPubY, recoveryMldsaPub)).challenge();
    }

    public static Transition override(CaliptraSession session, Octets recoveryEccPubX, Octets recoveryEccPubY, Octets recoveryMldsaPub,
            HybridSignature signature) {
        return Commands.execute(session, new DotOverride(recoveryEccPubX, recoveryEccPubY, recoveryMldsaPub, signature));
    }
}
