package org.caliptra.util.cli.device.fuse;

import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseRevokeVendorPubKey;
import org.caliptra.util.host.commands.fuse.Fuses;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.mcu.McFuseCommands.KeyType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util revoke-vendor-pub-key}: revoke one vendor key of a slot (authorized). */
@Command(name = "revoke-vendor-pub-key", mixinStandardHelpOptions = true,
        description = "Revoke one vendor public key of a vendor PK hash slot (FuseRevokeVendorPubKey, "
                + "MC_FUSE_REVOKE_VENDOR_PUB_KEY; authorized); never the key that verified the running firmware, nor the "
                + "last key of its type.")
public final class RevokeVendorPubKeyCommand extends DeviceCommand {
    @Option(names = "--slot", paramLabel = "N", required = true, converter = U32Converter.class, description = "The vendor PK hash slot.")
    int slot;

    @Option(names = "--key-type", paramLabel = "TYPE", required = true, description = "ecc, lms or mldsa.")
    String keyType;

    @Option(names = "--key-index", paramLabel = "N", required = true, converter = U32Converter.class,
            description = "Which key of that type in the slot.")
    int keyIndex;

    @Mixin
    AuthKeys auth;

    private HybridSigner signer;
    private KeyType type;

    @Override
    protected void prepare() {
        type = switch (keyType) {
            case "ecc" -> KeyType.ECDSA_P384;
            case "lms" -> KeyType.LMS;
            case "mldsa" -> KeyType.MLDSA87;
            default -> throw new UsageException("--key-type '" + keyType + "': expected ecc, lms or mldsa");
        };
        signer = auth.require("revoke-vendor-pub-key");
    }

    @Override
    protected int run(CaliptraSession session) {
        AuthKeys.authorized(session, signer, c -> FuseRevokeVendorPubKey.preImage(slot, type, keyIndex, c), t -> {
            Fuses.revokeVendorPubKey(session, slot, type, keyIndex, t);
            return null;
        });
        return print(new FieldReport().u32("slot", slot).put("key_type", keyType).u32("key_index", keyIndex).put("revoked", true));
    }
}
