package org.caliptra.util.emulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.caliptra.util.image.build.BundleOptions;
import org.caliptra.util.image.build.FirmwareImage;
import org.caliptra.util.image.build.FwBundleBuilder;
import org.caliptra.util.image.build.OwnerKeys;
import org.caliptra.util.image.build.VendorKeys;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.fuses.FuseSet;

/** A small signed 1.x ECC-only bundle and a device booted with it (unprovisioned: no fuses needed). */
public final class TestFirmware {
    private TestFirmware() {}

    public static byte[] bundle() {
        var random = new SecureRandom();
        var vendor = new ArrayList<EccPrivateKey>();
        for (int i = 0; i < 4; i++) {
            vendor.add(EccPrivateKey.generate(random));
        }
        List<EccPublicKey> pubs = vendor.stream().map(EccPrivateKey::publicKey).toList();
        var owner = EccPrivateKey.generate(random);
        byte[] fmc = new byte[2048];
        byte[] rt = new byte[4096];
        random.nextBytes(fmc);
        random.nextBytes(rt);
        return FwBundleBuilder.buildV1(FirmwareImage.of(fmc, 0x4000_0000, 0x4000_0000), FirmwareImage.of(rt, 0x4000_1000, 0x4000_1000),
                new VendorKeys(pubs, 0, vendor.get(0).signer(), List.of(), 0, null), new OwnerKeys(owner.signer(), null),
                BundleOptions.defaults().withPl0Pauser(1)).toBytes();
    }

    /**
     * A small signed 2.x bundle (ECC + ML-DSA-87 vendor and owner keys) with firmware SVN {@code svn}
     * and the given FMC and runtime contents.
     */
    public static byte[] bundleV2(byte[] fmc, byte[] rt, int svn) {
        return bundleV2(FirmwareImage.of(fmc, 0x4000_0000, 0x4000_0000), FirmwareImage.of(rt, 0x4000_1000, 0x4000_1000), svn);
    }

    /** As {@link #bundleV2(byte[], byte[], int)}, with the FMC and runtime as given (versions, revisions). */
    public static byte[] bundleV2(FirmwareImage fmc, FirmwareImage rt, int svn) {
        var vendor = new VendorKeys(List.of(vendorEcc.publicKey()), 0, vendorEcc.signer(), List.of(vendorMldsa.publicKey().bytes()),
                0, new org.caliptra.util.image.build.PqcSigning.Mldsa(vendorMldsa.signer()));
        var owner = new OwnerKeys(ownerEcc.signer(), new org.caliptra.util.image.build.PqcSigning.Mldsa(ownerMldsa.signer()));
        return FwBundleBuilder.buildV2(fmc, rt, vendor, owner, BundleOptions.defaults().withPl0Pauser(1).withFirmwareSvn(svn)).toBytes();
    }

    // One set of 2.x keys per run: bundles built from them can replace each other in an update reset.
    private static final EccPrivateKey vendorEcc = EccPrivateKey.generate(new SecureRandom());
    private static final org.caliptra.util.image.keys.MldsaPrivateKey vendorMldsa =
            org.caliptra.util.image.keys.MldsaPrivateKey.generate(new SecureRandom());
    private static final EccPrivateKey ownerEcc = EccPrivateKey.generate(new SecureRandom());
    private static final org.caliptra.util.image.keys.MldsaPrivateKey ownerMldsa =
            org.caliptra.util.image.keys.MldsaPrivateKey.generate(new SecureRandom());

    public static byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** A device of {@code profile} at runtime booted with {@code bundle} (default fuses, unprovisioned); requester 1 is PL0. */
    public static CaliptraDevice bootedDevice(Profile profile, byte[] bundle) {
        var d = CaliptraDevice.create(DeviceConfig.builder().profile(profile).build());
        d.setRequesterUser(1);
        var report = new BootFlow(d).run(BootPlan.firmwareOnly(FuseSet.defaults(profile.generation()), Octets.of(bundle)));
        assertTrue(report.booted(), report.toString());
        return d;
    }

    /** A caliptra-1.2 device at runtime, booted through its registers by the SoC boot flow; requester 1 is PL0. */
    public static CaliptraDevice bootedDevice() {
        return bootedDevice(bundle());
    }

    /** A caliptra-1.2 device at runtime booted with {@code bundle}; requester 1 is PL0. */
    public static CaliptraDevice bootedDevice(byte[] bundle) {
        return bootedDevice(Profile.CALIPTRA_1_2, bundle);
    }
}
