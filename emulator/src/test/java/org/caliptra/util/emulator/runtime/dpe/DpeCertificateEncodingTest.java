package org.caliptra.util.emulator.runtime.dpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.dpe.DpeProfileCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The DER of a DPE leaf certificate field by field against the bytes caliptra-dpe's encoders write
 * (x509.rs at 1.2's and main's revisions): 1.2 writes the criticality BOOLEAN of every extension
 * (FALSE too) and marks the DICE extensions critical; main omits FALSE. Variable parts (key ids,
 * the label, names' hex) are computed here from the keys independently of the emulator.
 */
class DpeCertificateEncodingTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String hex(ASN1Encodable e) throws Exception {
        return HEX.formatHex(e.toASN1Primitive().getEncoded());
    }

    private static byte[] digest(String algorithm, byte[] data) throws Exception {
        return MessageDigest.getInstance(algorithm).digest(data);
    }

    private static byte[] point(java.security.PublicKey key) {
        var ec = (ECPublicKey) key;
        byte[] out = new byte[97];
        out[0] = 4;
        byte[] x = ec.getW().getAffineX().toByteArray();
        byte[] y = ec.getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 48), out, 1 + Math.max(0, 48 - x.length), Math.min(48, x.length));
        System.arraycopy(y, Math.max(0, y.length - 48), out, 49 + Math.max(0, 48 - y.length), Math.min(48, y.length));
        return out;
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void theLeafIsTheReferenceEncodersDer(Profile profile) throws Exception {
        boolean v1 = profile.generation() == Generation.V1;
        try (var d = DpeSessionTest.boot(profile)) {
            var dpe = DpeSessionTest.client(d, 1);
            var certified = dpe.call(DpeProfileCommands.certifyKey(profile.generation()),
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(DpeSessionTest.LABEL)));
            var leaf = DpeSessionTest.x509(certified.cert().toByteArray());
            var rt = DpeSessionTest.chain(dpe).get(2);
            byte[] leafPoint = point(leaf.getPublicKey());
            byte[] rtPoint = point(rt.getPublicKey());
            var tbs = ASN1Sequence.getInstance(leaf.getTBSCertificate());

            assertEquals("a003020102", hex(tbs.getObjectAt(0)), "version v3");
            String serialHex = HEX.withUpperCase().formatHex(digest("SHA-384", leafPoint)).substring(0, 64);
            assertEquals("0214" + HEX.formatHex(serialHex.substring(0, 20).getBytes()), hex(tbs.getObjectAt(1)),
                    "serial: the first 20 characters of the subject's serialNumber");
            assertEquals("300a06082a8648ce3d040303", hex(tbs.getObjectAt(2)), "ecdsa-with-SHA384, no parameters");
            String rtCn = v1 ? "Caliptra 1.0 Rt Alias" : "Caliptra 2.1 Ecc384 Rt Alias";
            String rtSerial = HEX.withUpperCase().formatHex(digest("SHA-256", rtPoint));
            assertEquals((v1 ? "306b311e301c06035504030c15" : "3072312530230603550403" + "0c1c") + HEX.formatHex(rtCn.getBytes())
                    + "314930470603550405" + "1340" + HEX.formatHex(rtSerial.getBytes()), hex(tbs.getObjectAt(3)), "issuer");
            assertEquals("3022180f32303233303130313030303030305a180f39393939313233313233353935395a", hex(tbs.getObjectAt(4)),
                    "the default validity");
            assertEquals("305e3111300f06035504031308" + HEX.formatHex("DPE Leaf".getBytes()) + "314930470603550405" + "1340"
                    + HEX.formatHex(serialHex.getBytes()), hex(tbs.getObjectAt(5)), "subject: PrintableString CN and serialNumber");
            assertEquals("3076301006072a8648ce3d020106052b81040022036200" + HEX.formatHex(leafPoint), hex(tbs.getObjectAt(6)));

            var extensions = ASN1Sequence.getInstance(ASN1TaggedObject.getInstance(tbs.getObjectAt(7)).getExplicitBaseObject());
            List<String> ext = new ArrayList<>();
            for (var e : extensions) {
                ext.add(hex(e));
            }
            assertEquals(6, ext.size(), "MultiTcbInfo, UEID, basic constraints, key usage, EKU, AKI: a leaf has no SKI");
            String multiTcb = ext.get(0);
            assertTrue(multiTcb.startsWith(v1 ? "06066781050504050101ff" : "0606678105050405", 8), multiTcb);
            // Each TcbInfo: 1.2 "30 81 8C" (143 bytes with the cumulative FWID); main "30 81 98" (155, SVN 0 and an integrity register).
            var multi = ASN1Sequence.getInstance(ASN1OctetString.getInstance(
                    ASN1Sequence.getInstance(extensions.getObjectAt(0)).getObjectAt(v1 ? 2 : 1)).getOctets());
            for (var tcb : multi) {
                String t = hex(tcb);
                assertEquals(v1 ? 143 : 155, t.length() / 2, t);
                assertTrue(t.startsWith(v1 ? "30818ca6" : "30819883010" + "0a6"), t);
            }
            assertEquals((v1 ? "304106066781050504040101ff" : "303e0606678105050404") + "0434303204" + "30"
                    + HEX.formatHex(DpeSessionTest.LABEL), ext.get(1), "UEID: the label");
            assertEquals(v1 ? "300f0603551d130101ff04053003010100" : "300c0603551d130101ff04023000", ext.get(2), "not a CA");
            assertEquals("300e0603551d0f0101ff040403020780", ext.get(3), "digitalSignature");
            assertEquals("30150603551d250101ff040b3009060767810505046409", ext.get(4), "tcg-dice-kp-attestLoc, critical");
            String aki = HEX.formatHex(java.util.Arrays.copyOf(digest("SHA-256", rtPoint), 20));
            assertEquals((v1 ? "30220603551d23010100041830168014" : "301f0603551d230418" + "30168014") + aki, ext.get(5),
                    "AKI: the RT alias certificate's key id");
            assertEquals(HEX.formatHex(ASN1OctetString.getInstance(rt.getExtensionValue("2.5.29.14")).getOctets()), "0414" + aki);
        }
    }
}
