package org.caliptra.util.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.caliptra.util.emulator.soc.SocIfc;
import org.caliptra.util.image.build.BundleOptions;
import org.caliptra.util.image.build.FirmwareImage;
import org.caliptra.util.image.build.FwBundleBuilder;
import org.caliptra.util.image.build.OwnerKeys;
import org.caliptra.util.image.build.VendorKeys;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.protocol.MailboxReply;

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

    /** A caliptra-1.2 device at runtime, requester 1 (the bundle's PL0 user). */
    public static CaliptraDevice bootedDevice() {
        var d = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).build());
        d.setRequesterUser(1);
        d.write32(SocIfc.BASE + SocIfc.FUSE_WR_DONE, 1);
        d.write32(SocIfc.BASE + SocIfc.BOOTFSM_GO, 1);
        assertTrue(d.stepUntil(x -> (x.read32(SocIfc.BASE + SocIfc.FLOW_STATUS) & SocIfc.FLOW_READY_FOR_FW) != 0, 100));
        assertEquals(new MailboxReply.Complete(), d.execute(0x4657_4C44, bundle()));
        assertTrue(d.stepUntil(x -> (x.read32(SocIfc.BASE + SocIfc.FLOW_STATUS) & SocIfc.FLOW_READY_FOR_RUNTIME) != 0, 100));
        return d;
    }
}
