package org.caliptra.util.cli.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.host.commands.DeviceErrorException;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.AuthChallengeRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseReadRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseWriteRequest;
import org.junit.jupiter.api.function.Executable;

/**
 * Independent expectations: JCA recomputations, and the few device reads a test makes beside the
 * library under test (authorized fuse reads, the IDevID public key), each encoded here from the
 * protocol codecs and signed by {@link HybridKeys}, never through host-commands.
 */
final class Checks {
    private Checks() {}

    // ---- refusals -------------------------------------------------------------------------------

    /** {@code call} fails with the device's Caliptra error {@code expected}. */
    static DeviceErrorException refused(CaliptraError expected, Executable call) {
        return refused(expected, call, "");
    }

    static DeviceErrorException refused(CaliptraError expected, Executable call, String what) {
        var e = assertThrows(DeviceErrorException.class, call, what + ": expected " + expected.describe());
        assertEquals(expected.code(), e.code(), () -> what + ": expected " + expected.describe() + ", got " + e.getMessage());
        return e;
    }

    /** {@code call} fails over MCTP-VDM with completion code {@code cc}. */
    static TransportException refusedVdm(int cc, Executable call) {
        var e = assertThrows(TransportException.class, call);
        assertEquals(TransportException.Kind.DEVICE_ERROR, e.kind(), e.getMessage());
        assertEquals(cc, e.vdmCompletionCode().orElse(-1), e.getMessage());
        return e;
    }

    // ---- JCA ------------------------------------------------------------------------------------

    static byte[] sha(String algorithm, byte[] data) {
        return HybridKeys.sha(algorithm, data);
    }

    static byte[] hmac(String algorithm, byte[] key, byte[]... parts) throws Exception {
        var mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    static byte[] aes(int mode, String transformation, byte[] key, byte[] iv, byte[] data) throws Exception {
        var c = Cipher.getInstance(transformation);
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return c.doFinal(data);
    }

    /** AES-GCM with a 16-byte tag: ciphertext ‖ tag. */
    static byte[] gcm(int mode, byte[] key, byte[] iv, byte[] aad, byte[] data) throws Exception {
        var c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(aad);
        return c.doFinal(data);
    }

    static ECParameterSpec p384() throws Exception {
        var params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp384r1"));
        return params.getParameterSpec(ECParameterSpec.class);
    }

    static ECPublicKey ecPublicKey(Octets x, Octets y) throws Exception {
        var point = new ECPoint(new BigInteger(1, x.toByteArray()), new BigInteger(1, y.toByteArray()));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, p384()));
    }

    /** The DER ECDSA-Sig-Value of (r, s). */
    static byte[] derSignature(byte[] r, byte[] s) throws Exception {
        var v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(1, r)));
        v.add(new ASN1Integer(new BigInteger(1, s)));
        return new DERSequence(v).getEncoded();
    }

    /** ECDSA P-384 with SHA-384 over {@code message}, the signature as r ‖ s. */
    static boolean verifyEs384(PublicKey key, byte[] message, byte[] rs) throws Exception {
        var v = Signature.getInstance("SHA384withECDSA");
        v.initVerify(key);
        v.update(message);
        return v.verify(derSignature(Arrays.copyOf(rs, 48), Arrays.copyOfRange(rs, 48, 96)));
    }

    /** ECDSA P-384 over a digest the caller made (no hashing by the verifier). */
    static boolean verifyPrehashed(PublicKey key, byte[] digest, byte[] r, byte[] s) throws Exception {
        var v = Signature.getInstance("NONEwithECDSA");
        v.initVerify(key);
        v.update(digest);
        return v.verify(derSignature(r, s));
    }

    static boolean sameKey(PublicKey a, PublicKey b) {
        return MessageDigest.isEqual(a.getEncoded(), b.getEncoded());
    }

    // ---- little-endian fields and hand-built pre-images ---------------------------------------

    static byte[] le(int... words) {
        var b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        return b.array();
    }

    /**
     * An authorized MCI command's pre-image as spec/hostlib.md §6.2 writes it: the command code
     * big-endian, the request fields after the checksum, the 48-byte challenge.
     */
    static byte[] preImage(int commandCode, byte[] fields, Octets challenge) {
        return HybridKeys.concat(ByteBuffer.allocate(4).putInt(commandCode).array(), fields, challenge.toByteArray());
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    // ---- the test's own device reads ----------------------------------------------------------

    private static <Q, R> R call(MailboxPort port, CommandCodec<Q, R> codec, Q request) {
        MailboxReply reply = port.execute(codec.code(), MailboxChecksum.seal(codec.code(), codec.encodeRequest(request)));
        byte[] frame = assertInstanceOf(MailboxReply.Data.class, reply, codec.name() + ": " + reply).bytes();
        return codec.decodeResponse(MailboxFrame.openResponse(frame, codec.name()).fields());
    }

    /**
     * The little-endian fuse word at {@code entry} of {@code partition}, read with an authorized
     * MC_FUSE_READ (the MCU runtime's form) that this class signs with the reference key pair.
     */
    static int fuseWord(CaliptraDevice device, int partition, int entry) {
        return ByteBuffer.wrap(fuseBytes(device, partition, entry).toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** 128 bytes of fuses from {@code entry} of {@code partition} (zero past the partition's end). */
    static Octets fuseBytes(CaliptraDevice device, int partition, int entry) {
        Octets nonce = call(device, McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE, AuthChallengeRequest.DEFAULT).challenge();
        byte[] pre = preImage(0x4946_5052, le(partition, entry), nonce);
        var request = Authorized.signed(new FuseReadRequest(partition, entry), HybridKeys.REFERENCE.trailer(nonce, pre));
        return call(device, McFuseCommands.MC_FUSE_READ_RUNTIME, request).data();
    }

    /** An authorized MC_FUSE_WRITE of one word, signed here; returns whether the device accepted it. */
    static MailboxReply fuseWrite(CaliptraDevice device, int wordAddress, int data, int mask) {
        Octets nonce = call(device, McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE, AuthChallengeRequest.DEFAULT).challenge();
        byte[] pre = preImage(0x4946_5057, le(wordAddress, data, mask), nonce);
        var codec = McFuseCommands.MC_FUSE_WRITE;
        var request = Authorized.signed(new FuseWriteRequest(wordAddress, data, mask), HybridKeys.REFERENCE.trailer(nonce, pre));
        return device.execute(codec.code(), MailboxChecksum.seal(codec.code(), codec.encodeRequest(request)));
    }

    /** The IDevID ECC P-384 public key, as GET_IDEV_ECC384_INFO answers on the core mailbox. */
    static ECPublicKey idevidKey(CaliptraDevice device) throws Exception {
        var info = call(device.asUser(Rig.PL0).coreMailbox(), CertificateCommands.GET_IDEV_ECC384_INFO, NoFields.INSTANCE);
        return ecPublicKey(info.idevPubX(), info.idevPubY());
    }

    static void assertOk(MailboxReply reply) {
        assertTrue(reply instanceof MailboxReply.Data, () -> "expected success, got " + reply);
    }
}
