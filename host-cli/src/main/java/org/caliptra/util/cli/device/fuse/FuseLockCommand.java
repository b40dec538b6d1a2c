package org.caliptra.util.cli.device.fuse;

import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseLock;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseLockPartition;
import org.caliptra.util.host.commands.fuse.Fuses;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util fuse-lock}: lock an OTP partition. */
@Command(name = "fuse-lock", mixinStandardHelpOptions = true,
        description = {"Lock an OTP partition by writing its digest (MC_FUSE_LOCK_PARTITION): no bit of it can be burnt after.",
            "With the authorization keys this is the MCU runtime's authorized FuseLockPartition; without them the MCU ROM's "
                + "bare FuseLock."})
public final class FuseLockCommand extends DeviceCommand {
    @Option(names = "--partition", paramLabel = "N", required = true, converter = U32Converter.class, description = "The OTP partition.")
    int partition;

    @Mixin
    AuthKeys auth;

    private HybridSigner signer;

    @Override
    protected void prepare() {
        signer = auth.optional().orElse(null);
    }

    @Override
    protected int run(CaliptraSession session) {
        if (signer == null) {
            Commands.execute(session, new FuseLock(partition));
        } else {
            AuthKeys.authorized(session, signer, c -> FuseLockPartition.preImage(partition, c), t -> {
                Fuses.lockPartition(session, partition, t);
                return null;
            });
        }
        return print(new FieldReport().u32("partition", partition).put("locked", true));
    }
}
