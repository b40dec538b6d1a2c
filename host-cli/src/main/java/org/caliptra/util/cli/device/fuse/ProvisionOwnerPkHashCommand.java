package org.caliptra.util.cli.device.fuse;

import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.fuse.FuseCommands;
import org.caliptra.util.host.commands.fuse.FuseCommands.ProvisionOwnerPkHash;
import org.caliptra.util.host.commands.fuse.Fuses;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util provision-owner-pk-hash}: burn the owner public-key hash (authorized). */
@Command(name = "provision-owner-pk-hash", mixinStandardHelpOptions = true,
        description = {"Burn the owner public-key hash (ProvisionOwnerPkHash, MC_PROVISION_OWNER_PK_HASH; authorized); once "
                + "burnt only the same hash is accepted again.",
            "The hash is given in standard byte order and sent in the OTP's dword-reversed form the command takes "
                + "(--otp-form: send it as given)."})
public final class ProvisionOwnerPkHashCommand extends DeviceCommand {
    @Option(names = "--hash", paramLabel = "HEX", required = true, description = "The SHA-384 hash (96 hex digits).")
    String hashHex;

    @Option(names = "--otp-form", description = "The hash is already dword-reversed, as the OTP holds it: send it unchanged.")
    boolean otpForm;

    @Mixin
    AuthKeys auth;

    private HybridSigner signer;
    private Octets hash;

    @Override
    protected void prepare() {
        Octets given = HexOption.parse("--hash", hashHex, FuseCommands.PK_HASH_SIZE, "a SHA-384 hash");
        hash = otpForm ? given : Octets.of(HwFormat.reverseEach4(given.toByteArray()));
        signer = auth.require("provision-owner-pk-hash");
    }

    @Override
    protected int run(CaliptraSession session) {
        AuthKeys.authorized(session, signer, c -> ProvisionOwnerPkHash.preImage(hash, c), t -> {
            Fuses.provisionOwnerPkHash(session, hash, t);
            return null;
        });
        return print(new FieldReport().put("otp_hash", hash).put("provisioned", true));
    }
}
