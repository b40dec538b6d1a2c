package org.caliptra.util.emulator.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.protocol.MailboxCommandException;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.boot.BootStage;
import org.caliptra.util.soc.boot.Outcome;
import org.caliptra.util.soc.fuses.FuseSet;
import org.junit.jupiter.api.Test;

/**
 * soc-driver's {@link BootFlow} requesting the manufacturing IDevID CSR (spec/device.md §3.5): the
 * ROM hands it over before ready_for_fw, the boot goes on to runtime, and the runtime's
 * GET_IDEV_*_CSR returns the same CSR afterwards.
 */
class BootFlowIdevIdCsrTest {
    static CaliptraDevice device(Profile profile, Lifecycle lifecycle) {
        var d = CaliptraDevice.create(DeviceConfig.builder().profile(profile).lifecycle(lifecycle).debugLocked(true).build());
        d.setRequesterUser(1);
        return d;
    }

    /**
     * The hw-model's default fuses with the bundle's vendor key hash: past unprovisioned the ROM
     * checks it (spec/device.md §3: 1.x over bytes [8, 1928), 2.x over [12, 1748)).
     */
    static FuseSet fuses(Profile profile, byte[] bundle) throws Exception {
        boolean v1 = profile.generation() == org.caliptra.util.protocol.Generation.V1;
        var sha = java.security.MessageDigest.getInstance("SHA-384");
        sha.update(bundle, v1 ? 8 : 12, v1 ? 1920 : 1736);
        return FuseSet.defaults(profile.generation()).toBuilder().vendorPkHash(Octets.of(sha.digest())).build();
    }

    static BootPlan plan(Profile profile, byte[] bundle) throws Exception {
        return BootPlan.firmwareOnly(fuses(profile, bundle), Octets.of(bundle)).withIdevidCsrRequest();
    }

    @Test
    void a1xPartHandsOverItsDerCsrAndBootsOn() throws Exception {
        try (var d = device(Profile.CALIPTRA_1_2, Lifecycle.MANUFACTURING)) {
            var report = new BootFlow(d).run(plan(Profile.CALIPTRA_1_2, TestFirmware.bundle()));
            assertTrue(report.booted(), report.toString());
            assertEquals(List.of(BootStage.FUSES, BootStage.IDEVID_CSR, BootStage.ROM, BootStage.FIRMWARE_LOAD, BootStage.RUNTIME),
                    report.stages().stream().map(s -> s.stage()).toList());
            byte[] csr = report.idevidCsr().orElseThrow().toByteArray();
            IdevIdCsrHandshakeTest.verifiedCsr(csr, "Caliptra 1.0 IDevID", 5,
                    new PKCS10CertificationRequest(csr).getSubjectPublicKeyInfo().getPublicKeyData().getBytes());
            assertArrayEquals(csr, d.coreMailbox().call(CertificateCommands.GET_IDEV_ECC384_CSR_V1, NoFields.INSTANCE).data().toByteArray(),
                    "the runtime keeps the CSR the ROM made");
        }
    }

    @Test
    void a2xPartHandsOverTheEnvelope() throws Exception {
        byte[] bundle = TestFirmware.bundleV2(TestFirmware.randomBytes(2048), TestFirmware.randomBytes(4096), 0);
        try (var d = device(Profile.CALIPTRA_2_1, Lifecycle.MANUFACTURING)) {
            var report = new BootFlow(d).run(plan(Profile.CALIPTRA_2_1, bundle));
            assertTrue(report.booted(), report.toString());
            byte[] envelope = report.idevidCsr().orElseThrow().toByteArray();
            assertEquals(8784, envelope.length);
            var b = ByteBuffer.wrap(envelope).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0x0043_5352, b.getInt(0), "marker");
            byte[] ecc = Arrays.copyOfRange(envelope, 12, 12 + b.getInt(8));
            byte[] mldsa = Arrays.copyOfRange(envelope, 528, 528 + b.getInt(524));
            assertArrayEquals(ecc, d.coreMailbox().call(CertificateCommands.GET_IDEV_ECC384_CSR_V2, NoFields.INSTANCE).data().toByteArray());
            assertArrayEquals(mldsa, d.coreMailbox().call(CertificateCommands.GET_IDEV_MLDSA87_CSR, NoFields.INSTANCE).data().toByteArray());
        }
    }

    @Test
    void aProductionPartMakesNoCsrAndTheStageSaysWhy() throws Exception {
        try (var d = device(Profile.CALIPTRA_1_2, Lifecycle.PRODUCTION)) {
            var report = new BootFlow(d).run(plan(Profile.CALIPTRA_1_2, TestFirmware.bundle()));
            assertFalse(report.booted());
            var stage = report.stages().get(1);
            assertEquals(BootStage.IDEVID_CSR, stage.stage());
            assertInstanceOf(Outcome.NotReady.class, stage.outcome());
            assertTrue(stage.detail().contains("only in the manufacturing lifecycle"), stage.detail());
            assertTrue(report.idevidCsr().isEmpty());
        }
    }

    @Test
    void withoutTheRequestTheRuntimeHasNoCsr() throws Exception {
        try (var d = device(Profile.CALIPTRA_1_2, Lifecycle.MANUFACTURING)) {
            byte[] bundle = TestFirmware.bundle();
            var report = new BootFlow(d).run(BootPlan.firmwareOnly(fuses(Profile.CALIPTRA_1_2, bundle), Octets.of(bundle)));
            assertTrue(report.booted(), report.toString());
            assertTrue(report.idevidCsr().isEmpty());
            var e = org.junit.jupiter.api.Assertions.assertThrows(MailboxCommandException.class,
                    () -> d.coreMailbox().call(CertificateCommands.GET_IDEV_ECC384_CSR_V1, NoFields.INSTANCE));
            assertEquals(0x000E_0051, assertInstanceOf(MailboxReply.Failure.class, e.reply()).errorCode());
        }
    }
}
