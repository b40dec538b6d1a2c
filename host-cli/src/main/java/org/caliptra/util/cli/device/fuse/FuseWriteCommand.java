package org.caliptra.util.cli.device.fuse;

import java.util.Set;
import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseWrite;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util fuse-write}: burn bits of one fuse word. */
@Command(name = "fuse-write", mixinStandardHelpOptions = true,
        description = {"Burn the bits of --data that --mask selects into one OTP word (FuseWrite, MC_FUSE_WRITE): a write "
                + "ORs bits in and never clears one; clearing a burnt bit is refused.",
            "The MCU runtime takes only an authorized write: give the authorization keys; without them the request is the "
                + "MCU ROM's bare form."})
public final class FuseWriteCommand extends DeviceCommand {
    @Option(names = "--addr", paramLabel = "WORD", required = true, converter = U32Converter.class,
            description = "The OTP word address (byte offset / 4).")
    int address;

    @Option(names = "--data", paramLabel = "VALUE", required = true, converter = U32Converter.class, description = "The word's bits to burn.")
    int data;

    @Option(names = "--mask", paramLabel = "MASK", defaultValue = "0xFFFFFFFF", converter = U32Converter.class,
            description = "Which bits of --data to burn (default ${DEFAULT-VALUE}).")
    int mask;

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
            Commands.execute(session, new FuseWrite(address, data, mask));
        } else {
            AuthKeys.authorized(session, signer, c -> FuseWrite.preImage(address, data, mask, c),
                    t -> Commands.execute(session, FuseWrite.signed(address, data, mask, t)));
        }
        return print(new FieldReport(Set.of("addr", "data", "mask")).u32("addr", address).u32("data", data).u32("mask", mask)
                .put("written", true));
    }
}
