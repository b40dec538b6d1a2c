package org.caliptra.util.cli.device.fuse;

import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseData;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseRead;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util fuse-read}: fuse words from a partition of the subsystem's OTP. */
@Command(name = "fuse-read", mixinStandardHelpOptions = true,
        description = {"Read fuse words from a word-aligned byte offset of an OTP partition (FuseRead, MC_FUSE_READ): up to "
                + "128 bytes from the MCU runtime, 512 from the MCU ROM; secret partitions are refused.",
            "The MCU runtime answers only an authorized read: give the authorization keys; without them the request is "
                + "the MCU ROM's bare form."})
public final class FuseReadCommand extends DeviceCommand {
    @Option(names = "--partition", paramLabel = "N", required = true, converter = U32Converter.class,
            description = "The OTP partition (0..14 on caliptra-2.1).")
    int partition;

    @Option(names = "--entry", paramLabel = "OFFSET", defaultValue = "0", converter = U32Converter.class,
            description = "Word-aligned byte offset in the partition (default ${DEFAULT-VALUE}).")
    int entry;

    @Mixin
    AuthKeys auth;

    private HybridSigner signer;

    @Override
    protected void prepare() {
        signer = auth.optional().orElse(null);
    }

    @Override
    protected int run(CaliptraSession session) {
        FuseData data = signer == null ? Commands.execute(session, new FuseRead(partition, entry))
                : AuthKeys.authorized(session, signer, c -> FuseRead.preImage(partition, entry, c),
                        t -> Commands.execute(session, FuseRead.signed(partition, entry, t)));
        return print(new FieldReport().u32("partition", partition).u32("entry", entry).u32("length_bits", data.lengthBits())
                .put("data", data.data()));
    }
}
