package org.caliptra.util.host.commands.ownership;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.BackupBlob;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.Challenge;
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
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McOwnershipCommands;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotTransition;

import static org.caliptra.util.host.commands.CommandId.*;

/**
 * DOT on an MCU mailbox: every subcommand under MC_DEVICE_OWNERSHIP_TRANSFER (0x11) with its FourCC
 * first (chksum ‖ subcommand ‖ internal request). Neither a Caliptra core mailbox nor MCTP-VDM
 * carries DOT (the reference's other route is SPDM).
 */
public final class OwnershipFamily implements CommandFamily {
    @Override
    public String name() {
        return "ownership";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(DOT_LOCK, DOT_DISABLE, DOT_UNLOCK_CHALLENGE, DOT_UNLOCK, DOT_ROTATE, GET_DOT_BACKUP_BLOB,
                        DOT_STATUS, DOT_RECOVERY, DOT_OVERRIDE_CHALLENGE, DOT_OVERRIDE),
                EnumSet.of(DOT_LOCK, DOT_DISABLE, DOT_UNLOCK_CHALLENGE, DOT_UNLOCK, DOT_ROTATE, GET_DOT_BACKUP_BLOB,
                        DOT_STATUS, DOT_RECOVERY, DOT_OVERRIDE_CHALLENGE, DOT_OVERRIDE),
                EnumSet.noneOf(CommandId.class),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(DotLock.TYPE, DotDisable.TYPE, DotUnlockChallenge.TYPE, DotUnlock.TYPE, DotRotate.TYPE, GetDotBackupBlob.TYPE,
                DotStatus.TYPE, DotRecovery.TYPE, DotOverrideChallenge.TYPE, DotOverride.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return switch (kind) {
            case MCU -> List.of(
                    CodecMailboxMapping.of(DotLock.TYPE, McOwnershipCommands.DOT_LOCK,
                            q -> Authorized.signed(new McOwnershipCommands.DotLock(q.cak(), q.lakHash()), q.authorization()),
                            OwnershipFamily::transition),
                    CodecMailboxMapping.of(DotDisable.TYPE, McOwnershipCommands.DOT_DISABLE,
                            q -> Authorized.signed(new McOwnershipCommands.DotDisable(q.lakHash()), q.authorization()),
                            OwnershipFamily::transition),
                    CodecMailboxMapping.of(DotUnlockChallenge.TYPE, McOwnershipCommands.DOT_UNLOCK_CHALLENGE, q -> NoFields.INSTANCE,
                            (fips, c) -> new Challenge(fips, c.challenge())),
                    CodecMailboxMapping.of(DotUnlock.TYPE, McOwnershipCommands.DOT_UNLOCK,
                            q -> new McOwnershipCommands.DotUnlock(q.lakEccPubX(), q.lakEccPubY(), q.lakMldsaPub(), q.signature()),
                            OwnershipFamily::transition),
                    CodecMailboxMapping.of(DotRotate.TYPE, McOwnershipCommands.DOT_ROTATE,
                            q -> Authorized.signed(new McOwnershipCommands.DotRotate(q.minFuseCount(), q.cak(), q.lakHash()),
                                    q.authorization()),
                            OwnershipFamily::transition),
                    CodecMailboxMapping.of(GetDotBackupBlob.TYPE, McOwnershipCommands.DOT_GET_BACKUP_BLOB,
                            q -> Authorized.signed(NoFields.INSTANCE, q.authorization()), (fips, b) -> new BackupBlob(fips, b.blob())),
                    CodecMailboxMapping.of(DotStatus.TYPE, McOwnershipCommands.DOT_STATUS, q -> NoFields.INSTANCE,
                            (fips, s) -> new Status(fips, s.enabled(), s.locked(), s.burned())),
                    CodecMailboxMapping.of(DotRecovery.TYPE, McOwnershipCommands.DOT_RECOVERY,
                            q -> new McOwnershipCommands.DotRecovery(q.blob()), OwnershipFamily::transition),
                    CodecMailboxMapping.of(DotOverrideChallenge.TYPE, McOwnershipCommands.DOT_OVERRIDE_CHALLENGE,
                            q -> new McOwnershipCommands.DotOverrideChallenge(q.recoveryEccPubX(), q.recoveryEccPubY(),
                                    q.recoveryMldsaPub()),
                            (fips, c) -> new Challenge(fips, c.challenge())),
                    CodecMailboxMapping.of(DotOverride.TYPE, McOwnershipCommands.DOT_OVERRIDE,
                            q -> new McOwnershipCommands.DotOverride(q.recoveryEccPubX(), q.recoveryEccPubY(), q.recoveryMldsaPub(),
                                    q.signature()),
                            OwnershipFamily::transition));
            case CALIPTRA_CORE -> List.of();
        };
    }

    /** reset_required 0 or 1, as the device sends it; anything else is not a DOT answer. */
    private static Transition transition(int fips, DotTransition t) {
        if (t.resetRequired() != 0 && t.resetRequired() != 1) {
            throw new IllegalArgumentException("reset_required is " + Integer.toUnsignedString(t.resetRequired()) + ", expected 0 or 1");
        }
        return new Transition(fips, t.resetRequired() == 1);
    }
}
