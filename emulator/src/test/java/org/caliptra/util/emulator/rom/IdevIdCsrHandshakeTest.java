package org.caliptra.util.emulator.rom;

import org.caliptra.util.protocol.regs.MboxCsr;

import org.caliptra.util.protocol.regs.SocIfcRegs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.soc.fuses.FuseSet;
import org.junit.jupiter.api.Test;

/**
 * The manufacturing IDevID CSR handshake as libcaliptra drives it (spec/device.md §2.3, §3.5):
 * request (DBG_MANUF_SERVICE_REG[0]) after BOOTFSM_GO, wait for FLOW_STATUS[24], read DLEN and
 * DATAOUT without the lock, clear the request; the ROM then goes on to ready_for_fw.
 */
class IdevIdCsrHandshakeTest {
    static final int MBOX = MboxCsr.BASE;
    static final int SOC = SocIfcRegs.BASE;
    static final int VERSION = 0x4650_5652;

    static CaliptraDevice manufacturingDevice(Profile profile, int udsFirstWord) {
        // Debug locked: an unlocked part's DOE sees all-ones instead of its fuses and obfuscation key.
        var d = CaliptraDevice.create(DeviceConfig.builder().profile(profile).lifecycle(Lifecycle.MANUFACTURING)
                .debugLocked(true).build());
        d.setRequesterUser(1);
        d.write32(SOC + SocIfcRegs.BOOTFSM_GO, 1);
        d.write32(SOC + SocIfcRegs.DBG_MANUF_SERVICE_REG, 1); // caliptra_req_idev_csr_start
        FuseSet.defaults(profile.generation()).writeTo(d); // caliptra_init_fuses with the hw-model's defaults
        d.write32(SOC + 0x200, udsFirstWord); // FUSE_UDS_SEED[0]
        d.write32(SOC + SocIfcRegs.FUSE_WR_DONE, 1);
        return d;
    }

    static byte[] retrieveCsr(CaliptraDevice d) {
        assertTrue(d.stepUntil(x -> (x.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_IDEVID_CSR_READY) != 0, 100),
                "idevid_csr_ready");
        assertEquals(1, d.read32(MBOX + MboxCsr.LOCK), "the uC holds the mailbox");
        int dlen = d.read32(MBOX + MboxCsr.DLEN);
        byte[] csr = new byte[dlen];
        for (int at = 0; at < dlen; at += 4) {
            int word = d.read32(MBOX + MboxCsr.DATAOUT);
            for (int k = 0; k < 4 && at + k < dlen; k++) {
                csr[at + k] = (byte) (word >>> (8 * k));
            }
        }
        return csr;
    }

    static void finishHandshake(CaliptraDevice d) {
        for (int i = 0; i < 50; i++) {
            d.step();
        }
        assertEquals(0, d.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FW, "the ROM waits for the SoC");
        d.write32(SOC + SocIfcRegs.DBG_MANUF_SERVICE_REG, 0); // caliptra_req_idev_csr_complete
        assertTrue(d.stepUntil(x -> (x.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FW) != 0, 100));
        assertEquals(0, d.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_IDEVID_CSR_READY, "dropped at ready_for_fw");
        assertEquals(0, (d.read32(MBOX + MboxCsr.STATUS) >> 6) & 7, "the uC released the mailbox: FSM idle");
        assertInstanceOf(MailboxReply.Data.class, d.coreMailbox().execute(VERSION, MailboxChecksum.seal(VERSION, new byte[0])));
    }

    static PKCS10CertificationRequest verifiedCsr(byte[] der, String commonName, int pathLength, byte[] publicKeyForSerial)
            throws Exception {
        var csr = new PKCS10CertificationRequest(der);
        assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(new BouncyCastleProvider())
                .build(csr.getSubjectPublicKeyInfo())), commonName + " signature");
        assertEquals(commonName, IETFUtils.valueToString(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue()));
        String serial = IETFUtils.valueToString(csr.getSubject().getRDNs(BCStyle.SERIALNUMBER)[0].getFirst().getValue());
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(publicKeyForSerial);
        assertEquals(HexFormat.of().withUpperCase().formatHex(expected), serial, "serialNumber = SHA-256(public key)");
        var extensions = Extensions.getInstance(
                csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0].getAttrValues().getObjectAt(0));
        var constraints = BasicConstraints.fromExtensions(extensions);
        assertTrue(constraints.isCA());
        assertEquals(pathLength, constraints.getPathLenConstraint().intValue());
        assertTrue(extensions.getExtension(Extension.keyUsage).isCritical());
        return csr;
    }

    @Test
    void caliptra12HandsOverARawDerCsrAndWaitsForTheSoc() throws Exception {
        byte[] first;
        try (var d = manufacturingDevice(Profile.CALIPTRA_1_2, 0x0001_0203)) {
            first = retrieveCsr(d);
            assertEquals(0x30, first[0] & 0xFF, "DER SEQUENCE");
            d.write32(MBOX + MboxCsr.EXECUTE, 0); // the SoC cannot end the uC's transaction
            assertEquals(SocIfcRegs.HW_ERR_MBOX_PROT_NO_LOCK, d.read32(SOC + SocIfcRegs.HW_ERROR_NON_FATAL));
            var csr = new PKCS10CertificationRequest(first);
            byte[] point = csr.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
            assertEquals(97, point.length);
            verifiedCsr(first, "Caliptra 1.0 IDevID", 5, point);
            // The hw-model's default fuses and obfuscation key: caliptra-1.2 smoke_testdata/idevid_csr.der.
            assertEquals("dd5289162dcb5d95c4755a0086410afcc5f8492d7f0ba2588506f1bc1b1b3b79",
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first)));
            finishHandshake(d);
        }
        try (var again = manufacturingDevice(Profile.CALIPTRA_1_2, 0x0001_0203)) {
            assertArrayEquals(first, retrieveCsr(again), "same fuses, same CSR");
        }
        try (var other = manufacturingDevice(Profile.CALIPTRA_1_2, 0x0001_0204)) {
            var a = new PKCS10CertificationRequest(first).getSubjectPublicKeyInfo();
            var b = new PKCS10CertificationRequest(retrieveCsr(other)).getSubjectPublicKeyInfo();
            assertFalse(a.equals(b), "another UDS, another IDevID key");
        }
    }

    @Test
    void caliptra2xHandsOverTheEnvelopeWithBothCsrs() throws Exception {
        try (var d = manufacturingDevice(Profile.CALIPTRA_2_1, 0x0001_0203)) {
            byte[] envelope = retrieveCsr(d);
            assertEquals(8784, envelope.length);
            var b = ByteBuffer.wrap(envelope).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0x0043_5352, b.getInt(0), "marker");
            assertEquals(8784, b.getInt(4), "size");
            byte[] ecc = Arrays.copyOfRange(envelope, 12, 12 + b.getInt(8));
            byte[] mldsa = Arrays.copyOfRange(envelope, 528, 528 + b.getInt(524));
            // retrieve_csr_test on caliptra-sw main: smoke_testdata/idevid_csr_ecc.der and _mldsa.der.
            assertEquals("3b8e101b6d3c3a45eb06ba7370d8dfa32919c9afc81647c054a8bb99b9fcf87f",
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ecc)));
            assertEquals("3cc979bf04d5149df6557abaa83eaf9c06bebf3f4ea389c418ff7de270a313ac",
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mldsa)));
            var eccCsr = new PKCS10CertificationRequest(ecc);
            verifiedCsr(ecc, "Caliptra 2.1 Ecc384 IDevID", 7, eccCsr.getSubjectPublicKeyInfo().getPublicKeyData().getBytes());
            var mldsaCsr = new PKCS10CertificationRequest(mldsa);
            byte[] rawMldsa = mldsaCsr.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
            assertEquals(2592, rawMldsa.length);
            verifiedCsr(mldsa, "Caliptra 2.1 MlDsa87 IDevID", 7, rawMldsa);
            assertFalse(Arrays.equals(new byte[64], Arrays.copyOfRange(envelope, 8720, 8784)), "csr_mac present");
            finishHandshake(d);
            // The 2.x ROM serves the LDevID certificates before any firmware: smoke_testdata/ldevid_cert_ecc.der.
            var reply = assertInstanceOf(MailboxReply.Data.class, d.coreMailbox().execute(0x4C44_4556,
                    MailboxChecksum.seal(0x4C44_4556, new byte[0])));
            byte[] fields = Arrays.copyOfRange(reply.bytes(), 12, reply.length());
            assertEquals("3e123d61da5be740183f61e6e33124e5e8030e42f3bf7b2261544a9f38d221b4",
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fields)));
        }
    }

    @Test
    void productionPartsIgnoreTheRequest() {
        try (var d = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).lifecycle(Lifecycle.PRODUCTION).build())) {
            d.setRequesterUser(1);
            d.write32(SOC + SocIfcRegs.BOOTFSM_GO, 1);
            d.write32(SOC + SocIfcRegs.DBG_MANUF_SERVICE_REG, 1);
            d.write32(SOC + SocIfcRegs.FUSE_WR_DONE, 1);
            assertTrue(d.stepUntil(x -> (x.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FW) != 0, 100));
            assertEquals(0, d.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_IDEVID_CSR_READY);
            assertEquals(0, d.read32(MBOX + MboxCsr.LOCK), "no transaction left behind: the SoC gets the lock");
        }
    }
}
