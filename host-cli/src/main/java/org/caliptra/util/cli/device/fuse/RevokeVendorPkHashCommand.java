package org.caliptra.util.cli.device.fuse;

import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseRevokeVendorPkHash;
import org.caliptra.util.host.commands.fuse.Fuses;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util revoke-vendor-pk-hash}: revoke a vendor PK hash slot (authorized). */
@Command(name = "revoke-vendor-pk-hash", mixinStandardHelpOptions = true,
        description = "Revoke a whole vendor public-key hash slot (FuseRevokeVendorPkHash, MC_FUSE_REVOKE_VENDOR_PK_HASH; "
                + "authorized); never the slot the core booted with; a revoked slot stays revoked.")
public final class RevokeVendorPkHashCommand extends DeviceCommand {
    @Option(names = "--slot", paramLabel = "N", required = true, converter = U32Converter.class, description = "The slot, 0..15.")
    int slot;

    @Mixin
    AuthKeys auth;

    private HybridSigner signer;

    @Override
    protected void prepare() {
        signer = auth.require("revoke-vendor-pk-hash");
    }

    @Override
    protected int run(CaliptraSession session) {
        AuthKeys.authorized(session, signer, c -> FuseRevokeVendorPkHash.preImage(slot, c), t -> {
            Fuses.revokeVendorPkHash(session, slot, t);
            return null;
        });
        return print(new FieldReport().u32("slot", slot).put("revoked", true));
    }
}
