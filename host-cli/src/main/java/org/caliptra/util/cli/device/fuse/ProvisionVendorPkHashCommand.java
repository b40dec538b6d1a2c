package org.caliptra.util.cli.device.fuse;

import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.fuse.FuseCommands;
import org.caliptra.util.host.commands.fuse.FuseCommands.ProvisionVendorPkHash;
import org.caliptra.util.host.commands.fuse.Fuses;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util provision-vendor-pk-hash}: burn a vendor public-key hash into a slot (authorized). */
@Command(name = "provision-vendor-pk-hash", mixinStandardHelpOptions = true,
        description = {"Burn a vendor public-key hash into an empty slot (ProvisionVendorPkHash, MC_PROVISION_VENDOR_PK_HASH; "
                + "authorized); a slot already holding the same hash is left as it is.",
            "The hash is given in standard byte order (as `image fuses` prints a bundle's) and sent in the OTP's "
                + "dword-reversed form, which Caliptra reads back as the standard hash (--otp-form: send it as given)."})
public final class ProvisionVendorPkHashCommand extends DeviceCommand {
    @Option(names = "--slot", paramLabel = "N", required = true, converter = U32Converter.class, description = "The slot, 0..15.")
    int slot;

    @Option(names = "--hash", paramLabel = "HEX", required = true,
            description = "The SHA-384 hash (96 hex digits).")
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
        signer = auth.require("provision-vendor-pk-hash");
    }

    @Override
    protected int run(CaliptraSession session) {
        AuthKeys.authorized(session, signer, c -> ProvisionVendorPkHash.preImage(slot, hash, c), t -> {
            Fuses.provisionVendorPkHash(session, slot, hash, t);
            return null;
        });
        return print(new FieldReport().u32("slot", slot).put("otp_hash", hash).put("provisioned", true));
    }
}
