package org.caliptra.util.protocol.dpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest;
import org.junit.jupiter.api.Test;

/**
 * The DPE frame and message codecs against the bytes caliptra-sw's runtime and caliptra-dpe
 * produce: GET_PROFILE as 1.2 and main configure it (runtime/src/dpe_platform.rs, lib.rs), the
 * request sizes of each revision, and every refusal naming what is wrong.
 */
class DpeProfileCommandsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void getProfileIsFramedAsTheReferenceFrames() {
        assertEquals("434550440100000004000000",
                HEX.formatHex(DpeFrame.command(DpeProfileCommands.GET_PROFILE.id(), DpeProfile.P384_SHA384, new byte[0])));
        // caliptra-1.2's runtime: DPE 0.12, vendor and SKU "CTRA", 24 TCI nodes, every support flag (0xEE6C0000).
        byte[] v12 = HEX.parseHex("52455044" + "00000000" + "04000000" + "0000" + "0c00" + "41525443" + "41525443" + "18000000"
                + "00006cee");
        var response = DpeFrame.openResponse(v12);
        assertEquals(0, response.status());
        var profile = DpeProfileCommands.GET_PROFILE.decodeResponse(response.body());
        assertEquals(new DpeProfileCommands.Profile(0, 12, 0x4354_5241, 0x4354_5241, 24, 0xEE6C_0000), profile);
        assertArrayEquals(v12, DpeFrame.response(0, DpeProfile.P384_SHA384, DpeProfileCommands.GET_PROFILE.response().encode(profile)));
        // main: DPE 0.13 with 64 nodes.
        var main = DpeProfileCommands.GET_PROFILE.decodeResponse(DpeFrame.openResponse(HEX.parseHex(
                "52455044000000000400000000000d00415254434152544340000000" + "00006cee")).body());
        assertEquals(13, main.minorVersion());
        assertEquals(64, main.maxTciNodes());
    }

    @Test
    void deriveContextGrewAnSvnIn2x() {
        var request = new DeriveContextRequest(ContextHandle.DEFAULT, Octets.zeros(48),
                DeriveContextRequest.MAKE_DEFAULT | DeriveContextRequest.INPUT_ALLOW_X509, 0x5254_4A4D, 1, 9);
        assertEquals(76, DpeProfileCommands.DERIVE_CONTEXT_V1.request().encode(request.withoutSvn()).length);
        byte[] v2 = DpeProfileCommands.deriveContext(Generation.V2).request().encode(request);
        assertEquals(80, v2.length);
        assertEquals(request, DpeProfileCommands.DERIVE_CONTEXT_V2.decodeRequest(v2));
        // DPE ignores bytes past the structure and refuses a short one.
        byte[] longer = java.util.Arrays.copyOf(v2, 100);
        assertEquals(request, DpeProfileCommands.DERIVE_CONTEXT_V2.decodeRequest(longer));
        assertThrows(ProtocolException.class, () -> DpeProfileCommands.DERIVE_CONTEXT_V2.decodeRequest(java.util.Arrays.copyOf(v2, 79)));
    }

    @Test
    void certifyKeyAnswersTheWholeBufferOn1xAndTheUsedPartOn2x() {
        var response = new DpeProfileCommands.CertifyKeyResponse(new ContextHandle(Octets.fromHex("01".repeat(16))),
                Octets.fromHex("11".repeat(48)), Octets.fromHex("22".repeat(48)), Octets.fromHex("3082".repeat(100)));
        byte[] v1 = DpeProfileCommands.certifyKey(Generation.V1).response().encode(response);
        assertEquals(6260, v1.length, "6272 with the header: the whole structure");
        assertEquals(response, DpeProfileCommands.CERTIFY_KEY_V1.decodeResponse(v1));
        byte[] v2 = DpeProfileCommands.certifyKey(Generation.V2).response().encode(response);
        assertEquals(116 + 200, v2.length);
        assertEquals(response, DpeProfileCommands.CERTIFY_KEY_V2.decodeResponse(v2));
        byte[] lying = v2.clone();
        lying[112] = (byte) 0xFF; // cert_size far beyond the buffer
        assertThrows(ProtocolException.class, () -> DpeProfileCommands.CERTIFY_KEY_V2.decodeResponse(lying));
    }

    @Test
    void everyRequestRoundTrips() {
        var handle = new ContextHandle(Octets.fromHex("ab".repeat(16)));
        roundTrip(DpeProfileCommands.INITIALIZE_CONTEXT, new DpeProfileCommands.InitializeContextRequest(
                DpeProfileCommands.InitializeContextRequest.DEFAULT), 4);
        roundTrip(DpeProfileCommands.ROTATE_CONTEXT_HANDLE, new DpeProfileCommands.RotateContextHandleRequest(handle, 0), 20);
        roundTrip(DpeProfileCommands.DESTROY_CONTEXT, handle, 16);
        roundTrip(DpeProfileCommands.CERTIFY_KEY_V1, new DpeProfileCommands.CertifyKeyRequest(handle, 0,
                DpeProfileCommands.CertifyKeyRequest.FORMAT_CSR, Octets.zeros(48)), 72);
        roundTrip(DpeProfileCommands.SIGN, new DpeProfileCommands.SignRequest(handle, Octets.zeros(48), 0, Octets.fromHex("cd".repeat(48))), 116);
        roundTrip(DpeProfileCommands.GET_CERTIFICATE_CHAIN, new DpeProfileCommands.GetCertificateChainRequest(0, 2048), 8);
        roundTrip(DpeProfileCommands.GET_PROFILE, NoFields.INSTANCE, 0);
    }

    private static <Q> void roundTrip(DpeProfileCommands.DpeCommand<Q, ?> command, Q request, int size) {
        byte[] body = command.request().encode(request);
        assertEquals(size, body.length, command.name());
        assertEquals(request, command.decodeRequest(body));
        var framed = DpeFrame.openCommand(DpeFrame.command(command.id(), DpeProfile.P384_SHA384, body));
        assertEquals(command.id(), framed.commandId());
        assertEquals(4, framed.profile());
        assertArrayEquals(body, framed.body());
    }

    @Test
    void framesRefuseWhatIsNoDpeMessage() {
        assertEquals("DPE command: 11 bytes, shorter than its 12-byte header",
                assertThrows(ProtocolException.class, () -> DpeFrame.openCommand(new byte[11])).getMessage());
        assertEquals("DPE response: magic 0x44504543, expected 0x44504552", assertThrows(ProtocolException.class,
                () -> DpeFrame.openResponse(DpeFrame.command(1, DpeProfile.P384_SHA384, new byte[0]))).getMessage());
        assertEquals("INVALID_HANDLE (0x1000)", DpeStatus.describe(0x1000));
        assertEquals("crypto error 0x7 (0x02000007)", DpeStatus.describe(0x0200_0007));
        assertEquals(false, DpeStatus.X509_CSR_UNSET.existsIn(Generation.V1));
        assertEquals(DpeProfile.MLDSA87, DpeProfile.fromValue(5).orElseThrow());
    }
}
