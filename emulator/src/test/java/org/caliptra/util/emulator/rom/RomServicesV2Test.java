package org.caliptra.util.emulator.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.fuses.FuseSet;
import org.junit.jupiter.api.Test;

/**
 * The 2.x ROM's identity and verify services before firmware (caliptra-sw main
 * rom/dev/src/flow/cold_reset/fw_processor): ECDSA384 and ML-DSA-87 signature verify, whose
 * failure is not fatal; GET_IDEV_*_CSR, fatal without a CSR; the LDevID certificates.
 */
class RomServicesV2Test {
    static final int SOC = SocIfcRegs.BASE;
    static final int ECV2 = 0x4543_5632;
    static final int MLV2 = 0x4D4C_5632;
    static final int GET_IDEV_CSR = 0x4944_4352;

    private static CaliptraDevice readyForFirmware() {
        var d = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).lifecycle(Lifecycle.PRODUCTION)
                .debugLocked(true).build());
        d.setRequesterUser(1);
        FuseSet.defaults(org.caliptra.util.protocol.Generation.V2).writeTo(d);
        d.write32(SOC + SocIfcRegs.FUSE_WR_DONE, 1);
        d.write32(SOC + SocIfcRegs.BOOTFSM_GO, 1);
        assertTrue(d.stepUntil(x -> (x.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FW) != 0, 200));
        return d;
    }

    private static MailboxReply send(CaliptraDevice d, int command, byte[] fields) {
        return d.coreMailbox().execute(command, MailboxChecksum.seal(command, fields));
    }

    @Test
    void verifyFailuresAreReportedNotFatal() {
        try (var d = readyForFirmware()) {
            var key = EccPrivateKey.generate(new SecureRandom());
            byte[] digest = Sha384.of("SoC firmware".getBytes()).toByteArray();
            var sig = key.signer().signDigest(Sha384Digest.fromBytes(digest));
            byte[] request = ByteBuffer.allocate(240).put(key.publicKey().x().toByteArray()).put(key.publicKey().y().toByteArray())
                    .put(sig.r().toByteArray()).put(sig.s().toByteArray()).put(digest).array();
            var ok = assertInstanceOf(MailboxReply.Data.class, send(d, ECV2, request));
            assertEquals(0x5553_5244, MailboxFrame.openResponse(ok.bytes(), "ECV2").fipsStatus(), "user-supplied digest");
            byte[] wrong = request.clone();
            wrong[200] ^= 1;
            assertEquals(new MailboxReply.Failure(0x0103_0002), send(d, ECV2, wrong), "ROM_ECDSA_VERIFY_FAILED");
            assertFalse(d.fatal(), "the ROM goes on");

            var mldsa = MldsaPrivateKey.generate(new SecureRandom());
            byte[] message = "a message".getBytes();
            byte[] mldsaSig = Arrays.copyOf(mldsa.signer().sign(message).fips204(), 4628);
            byte[] mlv2 = ByteBuffer.allocate(2592 + 4628 + 4 + message.length).order(ByteOrder.LITTLE_ENDIAN)
                    .put(mldsa.publicKey().bytes().toByteArray()).put(mldsaSig).putInt(message.length).put(message).array();
            assertInstanceOf(MailboxReply.Data.class, send(d, MLV2, mlv2));
            mlv2[mlv2.length - 1] ^= 1;
            assertEquals(new MailboxReply.Failure(0x0103_0003), send(d, MLV2, mlv2), "ROM_MLDSA_VERIFY_FAILED");
            assertFalse(d.fatal());
            assertEquals(0x0103_0003, d.read32(SOC + SocIfcRegs.FW_ERROR_NON_FATAL));
        }
    }

    @Test
    void withoutAManufacturingCsrTheRomsCsrRequestIsFatal() {
        try (var d = readyForFirmware()) {
            assertEquals(new MailboxReply.Failure(0x0102_000A), send(d, GET_IDEV_CSR, new byte[0]),
                    "FW_PROC_MAILBOX_GET_IDEV_CSR_UNPROVISIONED_CSR");
            assertTrue(d.fatal());
        }
    }

    @Test
    void afterTheManufacturingHandOffTheRomGivesTheCsrAgain() throws Exception {
        try (var d = IdevIdCsrHandshakeTest.manufacturingDevice(Profile.CALIPTRA_2_1, 0x0001_0203)) {
            IdevIdCsrHandshakeTest.retrieveCsr(d);
            IdevIdCsrHandshakeTest.finishHandshake(d);
            var reply = assertInstanceOf(MailboxReply.Data.class, send(d, GET_IDEV_CSR, new byte[0]));
            byte[] fields = MailboxFrame.openResponse(reply.bytes(), "CSR").fields();
            int size = ByteBuffer.wrap(fields).order(ByteOrder.LITTLE_ENDIAN).getInt();
            // main smoke_testdata/idevid_csr_ecc.der
            assertEquals("3b8e101b6d3c3a45eb06ba7370d8dfa32919c9afc81647c054a8bb99b9fcf87f", HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(fields, 4, 4 + size))));
        }
    }
}
