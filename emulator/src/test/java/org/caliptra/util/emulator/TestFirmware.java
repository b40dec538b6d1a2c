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

    /** A caliptra-1.2 device at runtime, booted through its registers by the SoC boot flow; requester 1 is PL0. */
    public static CaliptraDevice bootedDevice() {
        return bootedDevice(bundle());
    }

    /** A caliptra-1.2 device at runtime booted with {@code bundle}; requester 1 is PL0. */
    public static CaliptraDevice bootedDevice(byte[] bundle) {
        var d = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).build());
        d.setRequesterUser(1);
        var report = new BootFlow(d).run(BootPlan.firmwareOnly(FuseSet.defaults(Generation.V1), Octets.of(bundle)));
        assertTrue(report.booted(), report.toString());
        return d;
    }
}
