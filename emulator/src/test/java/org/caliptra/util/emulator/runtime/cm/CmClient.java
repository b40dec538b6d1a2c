package org.caliptra.util.emulator.runtime.cm;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAesCommands;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.fuses.FuseSet;

/** A host's view of the CM_* commands: typed requests through a device's real mailbox, and JCA references. */
record CmClient(MailboxPort port) {
    private static byte[] bundle;

    /** One signed 2.x bundle per run: booting is the slow part. */
    static synchronized byte[] bundleV2() {
        if (bundle == null) {
            bundle = TestFirmware.bundleV2(TestFirmware.randomBytes(1024), TestFirmware.randomBytes(1024), 1);
        }
        return bundle;
    }

    static CaliptraDevice booted() {
        return TestFirmware.bootedDevice(Profile.CALIPTRA_2_1, bundleV2());
    }

    /** A caliptra-2.1 device whose ROM waits for firmware (serving its CM commands). */
    static CaliptraDevice atRom(DeviceConfig config) {
        var d = CaliptraDevice.create(config);
        d.setRequesterUser(1);
        FuseSet.defaults(org.caliptra.util.protocol.Generation.V2).writeTo(d);
        d.write32(SocIfcRegs.BASE + SocIfcRegs.FUSE_WR_DONE, 1);
        d.write32(SocIfcRegs.BASE + SocIfcRegs.BOOTFSM_GO, 1);
        assertTrue(d.stepUntil(x -> (x.read32(SocIfcRegs.BASE + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FW) != 0, 200));
        return d;
    }

    static DeviceConfig config() {
        return DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).build();
    }

    MailboxReply raw(int command, byte[] fields) {
        return port.execute(command, MailboxChecksum.seal(command, fields));
    }

    <Q, R> R call(CommandCodec<Q, R> codec, Q request) {
        var reply = raw(codec.code(), codec.encodeRequest(request));
        byte[] frame = assertInstanceOf(MailboxReply.Data.class, reply, codec.name() + ": " + reply).bytes();
        return codec.decodeResponse(MailboxFrame.openResponse(frame, codec.name()).fields());
    }

    /** The error code a refused command leaves in CPTRA_FW_ERROR_NON_FATAL. */
    <Q, R> int error(CommandCodec<Q, R> codec, Q request) {
        return error(codec.code(), codec.encodeRequest(request));
    }

    int error(int command, byte[] fields) {
        var reply = raw(command, fields);
        return assertInstanceOf(MailboxReply.Failure.class, reply, String.format("0x%08X: %s", command, reply)).errorCode();
    }

    Cmk importKey(KeyUsage usage, byte[] key) {
        return call(CmKeyCommands.CM_IMPORT, CmKeyCommands.ImportRequest.of(usage, Octets.of(key)));
    }

    byte[] hmac(Cmk cmk, HashAlgorithm algorithm, byte[] data) {
        return call(CmHashCommands.CM_HMAC, CmHashCommands.HmacRequest.of(cmk, algorithm, Octets.of(data))).value().toByteArray();
    }

    int status() {
        return call(CmKeyCommands.CM_STATUS, org.caliptra.util.protocol.codec.NoFields.INSTANCE).usedUsageStorage();
    }

    /** GCM encryption in one INIT and one FINAL: (iv, ciphertext ‖ tag). */
    byte[][] gcmEncrypt(Cmk key, byte[] aad, byte[] plaintext) {
        var init = call(CmAesCommands.CM_AES_GCM_ENCRYPT_INIT, new CmAesCommands.GcmEncryptInitRequest(0, key, Octets.of(aad)));
        var fin = call(CmAesCommands.CM_AES_GCM_ENCRYPT_FINAL, new CmAesCommands.GcmUpdateRequest(init.context(), Octets.of(plaintext)));
        return new byte[][] {init.iv().toByteArray(), concat(fin.ciphertext().toByteArray(), fin.tag().toByteArray())};
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    static byte[] jcaHmac(String algorithm, byte[] key, byte[] data) {
        try {
            var mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] jcaGcm(int mode, byte[] key, byte[] iv, byte[] aad, byte[] data) {
        try {
            var gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            gcm.updateAAD(aad);
            return gcm.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] repeat(char c, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    static byte[] hex(String h) {
        return java.util.HexFormat.of().parseHex(h);
    }
}
