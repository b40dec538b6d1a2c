package org.caliptra.util.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.caliptra.util.image.build.BundleOptions;
import org.caliptra.util.image.build.FirmwareImage;
import org.caliptra.util.image.build.FwBundleBuilder;
import org.caliptra.util.image.build.OwnerKeys;
import org.caliptra.util.image.build.PqcSigning;
import org.caliptra.util.image.build.VendorKeys;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.boot.BootReport;
import org.caliptra.util.soc.fuses.FuseSet;

/**
 * The firmware an embedded device boots when the user gives none: a bundle signed with fixed,
 * publicly derivable development keys (each key from SHA-256 of a label), whose FMC and runtime
 * are placeholder bytes — the emulator's runtime behaviour does not depend on them, but the DICE
 * identity does, so the same device gets the same identity in every run.
 *
 * <p>It boots only an unprovisioned part (no vendor key hash fused), exactly as a real ROM would
 * accept any correctly signed bundle there; it is never meant for a provisioned device.
 */
public final class DevelopmentFirmware {
    /** The PL0 PAUSER the bundle names: the requester that boots the device and may run PL0-only commands. */
    public static final int PL0_REQUESTER = 1;

    private static final class V1 {
        static final Octets BUNDLE = build(Generation.V1);
    }

    private static final class V2 {
        static final Octets BUNDLE = build(Generation.V2);
    }

    private DevelopmentFirmware() {}

    /** The development bundle for {@code generation} (built once per process). */
    public static Octets bundle(Generation generation) {
        return generation == Generation.V1 ? V1.BUNDLE : V2.BUNDLE;
    }

    /**
     * Fuses {@code device} with its profile's default (unprovisioned) fuses and boots it to runtime
     * with the development bundle, as requester {@link #PL0_REQUESTER}.
     */
    public static BootReport boot(CaliptraDevice device) {
        Generation generation = device.config().profile().generation();
        return new BootFlow(device.asUser(PL0_REQUESTER))
                .run(BootPlan.firmwareOnly(FuseSet.defaults(generation), bundle(generation)));
    }

    private static Octets build(Generation generation) {
        EccPrivateKey vendorEcc = EccPrivateKey.fromScalar(scalar("vendor ecc"));
        EccPrivateKey ownerEcc = EccPrivateKey.fromScalar(scalar("owner ecc"));
        var fmc = FirmwareImage.of(placeholder("fmc", 2048), 0x4000_0000, 0x4000_0000);
        var rt = FirmwareImage.of(placeholder("runtime", 4096), 0x4000_1000, 0x4000_1000);
        var options = BundleOptions.defaults().withPl0Pauser(PL0_REQUESTER);
        if (generation == Generation.V1) {
            return Octets.of(FwBundleBuilder.buildV1(fmc, rt, new VendorKeys(List.of(vendorEcc.publicKey()), 0, vendorEcc.signer(),
                    List.of(), 0, null), new OwnerKeys(ownerEcc.signer(), null), options).toBytes());
        }
        MldsaPrivateKey vendorMldsa = MldsaPrivateKey.fromBytes(label("vendor mldsa"));
        MldsaPrivateKey ownerMldsa = MldsaPrivateKey.fromBytes(label("owner mldsa"));
        return Octets.of(FwBundleBuilder.buildV2(fmc, rt, new VendorKeys(List.of(vendorEcc.publicKey()), 0, vendorEcc.signer(),
                List.of(vendorMldsa.publicKey().bytes()), 0, new PqcSigning.Mldsa(vendorMldsa.signer())),
                new OwnerKeys(ownerEcc.signer(), new PqcSigning.Mldsa(ownerMldsa.signer())), options).toBytes());
    }

    /** A valid P-384 scalar: SHA-384 of the label is below the group order with overwhelming odds, checked anyway. */
    private static byte[] scalar(String what) {
        byte[] s = digest("SHA-384", "caliptra-util development " + what);
        if (!EccPrivateKey.isValidScalar(s)) {
            throw new IllegalStateException("development key label '" + what + "' gives no valid P-384 scalar");
        }
        return s;
    }

    private static byte[] label(String what) {
        return digest("SHA-256", "caliptra-util development " + what);
    }

    private static byte[] placeholder(String what, int size) {
        byte[] out = new byte[size];
        byte[] text = ("caliptra-util development " + what + " image; the emulator does not execute it. ").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            out[i] = text[i % text.length];
        }
        return out;
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
