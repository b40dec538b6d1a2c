package org.caliptra.util.cli.device.fuse;

import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.fuse.FuseCommands.FeProg;
import org.caliptra.util.host.commands.fuse.Fuses;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util fe-prog}: program field entropy (authorized). */
@Command(name = "fe-prog", mixinStandardHelpOptions = true,
        description = "Program field entropy into a partition (FeProg, MC_FE_PROG; authorized): the Caliptra core burns "
                + "fresh random bits and locks the partition; production parts only.")
public final class FeProgCommand extends DeviceCommand {
    @Option(names = "--partition", paramLabel = "N", required = true, converter = U32Converter.class,
            description = "The field entropy partition, 0..3.")
    int partition;

    @Mixin
    AuthKeys auth;

    private HybridSigner signer;

    @Override
    protected void prepare() {
        signer = auth.require("fe-prog");
    }

    @Override
    protected int run(CaliptraSession session) {
        AuthKeys.authorized(session, signer, c -> FeProg.preImage(partition, c), t -> {
            Fuses.feProg(session, partition, t);
            return null;
        });
        return print(new FieldReport().u32("partition", partition).put("programmed", true));
    }
}
