package org.caliptra.util.emulator.mcu;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caliptra.util.emulator.eat.Cbor;
import org.caliptra.util.emulator.eat.CoseSign1;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.core.MeasurementCommands;
import org.caliptra.util.protocol.core.MeasurementCommands.QuoteRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.SignRequest;
import org.caliptra.util.protocol.dpe.DpeSession;

/**
 * The MCU's signed OCP EAT (evidence format 1), as caliptra-mcu-sw {@code attestation-evidence}
 * lays it out, built from what the Caliptra core answers the MCU:
 *
 * <pre>
 * 55799(61(18([ h'A1013822' / {1: -35} ES384 /, {4: kid}, payload, signature ])))
 * payload = {10: nonce, 263: dbgstat, 265: 111(h'"1.3.6.1.4.1.42623.1.3"'), 273: [[10571, concise-evidence]]}
 * </pre>
 *
 * The signing key is the DPE leaf key of {@link #LEAF_LABEL} in the MCU's default DPE context
 * (INVOKE_DPE CERTIFY_KEY; the certificate it returns chains to the RT alias), kid is SHA-384 of
 * its public x‖y, and the signature is DPE SIGN over SHA-384 of the Sig_structure, r‖s. dbgstat is
 * 0 with debug unlocked, 1 with debug locked.
 *
 * <p>Where the reference's concise evidence lists the SoC images of its attestation manifest (no
 * attestation manifest is modelled here), the emulator's lists the Caliptra core's two firmware
 * layers from the core's PCR quote: class id 560(h'"CALIPTRA_FMC"') with svn, digests [[7 (SHA-384),
 * PCR0]] and integrity register 0 [[7, PCR1]]; 560(h'"CALIPTRA_RT"') likewise with PCR2 and PCR3;
 * the svn is the firmware SVN of FW_INFO; vendor "Caliptra", model the profile name.
 */
final class OcpEat {
    /** caliptra-mcu-sw spdm-pal DPE_LEAF_LABEL: bytes 0x00..0x2F. */
    static final byte[] LEAF_LABEL = leafLabel();
    static final String EAT_PROFILE = "1.3.6.1.4.1.42623.1.3";
    static final int CLAIM_NONCE = 10;
    static final int CLAIM_DBGSTAT = 263;
    static final int CLAIM_EAT_PROFILE = 265;
    static final int CLAIM_MEASUREMENTS = 273;
    /** CoAP content format application/ce+cbor. */
    static final int CONTENT_FORMAT_CONCISE_EVIDENCE = 10571;
    static final int TAG_CONCISE_EVIDENCE = 571;
    static final int TAG_BYTES = 560;
    static final int TAG_OID = 111;
    /** Named Information hash algorithm 7: SHA-384. */
    static final int SHA384_ALG = 7;
    static final byte[] PROTECTED_ES384 = new Cbor().map(1).integer(CoseSign1.HEADER_ALG).integer(CoseSign1.ALG_ES384).toByteArray();

    private final CoreLink core;
    private final boolean debugLocked;
    private final String model;

    OcpEat(CoreLink core, boolean debugLocked, String model) {
        this.core = core;
        this.debugLocked = debugLocked;
        this.model = model;
    }

    /**
     * @throws org.caliptra.util.emulator.firmware.CommandFailure or a DPE/mailbox exception when the
     *     core refuses one of the commands
     */
    byte[] sign(Octets nonce) {
        var dpe = new DpeSession(core.port(), Generation.V2);
        var leaf = dpe.certifyKey(new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(LEAF_LABEL)));
        byte[] kid = Sha384.of(concat(leaf.derivedPubkeyX().toByteArray(), leaf.derivedPubkeyY().toByteArray())).toByteArray();
        byte[] payload = claims(nonce);
        byte[] unprotectedHeader = new Cbor().map(1).integer(CoseSign1.HEADER_KID).bytes(kid).toByteArray();
        return CoseSign1.sign(new long[] {CoseSign1.TAG_SELF_DESCRIBED, CoseSign1.TAG_CWT}, PROTECTED_ES384, unprotectedHeader, payload,
                sigStructure -> {
                    var signature = dpe.sign(new SignRequest(ContextHandle.DEFAULT, Octets.of(LEAF_LABEL), 0, Sha384.of(sigStructure)));
                    return concat(signature.signatureR().toByteArray(), signature.signatureS().toByteArray());
                });
    }

    private byte[] claims(Octets nonce) {
        return new Cbor().map(4)
                .integer(CLAIM_NONCE).bytes(nonce.toByteArray())
                .integer(CLAIM_DBGSTAT).integer(debugLocked ? 1 : 0)
                .integer(CLAIM_EAT_PROFILE).tag(TAG_OID).bytes(EAT_PROFILE.getBytes(StandardCharsets.US_ASCII))
                .integer(CLAIM_MEASUREMENTS).array(1).array(2).integer(CONTENT_FORMAT_CONCISE_EVIDENCE).bytes(conciseEvidence(nonce))
                .toByteArray();
    }

    private byte[] conciseEvidence(Octets nonce) {
        List<Octets> pcrs = core.call(MeasurementCommands.QUOTE_PCRS_ECC384_V2, new QuoteRequest(nonce)).pcrs();
        int svn = core.call(InfoCommands.FW_INFO_V2, NoFields.INSTANCE).fwSvn();
        var cbor = new Cbor().tag(TAG_CONCISE_EVIDENCE).map(1).integer(0).map(1).integer(0).array(2);
        triple(cbor, "CALIPTRA_FMC", svn, pcrs.get(0), pcrs.get(1));
        triple(cbor, "CALIPTRA_RT", svn, pcrs.get(2), pcrs.get(3));
        return cbor.toByteArray();
    }

    private void triple(Cbor cbor, String classId, int svn, Octets current, Octets journey) {
        cbor.array(2)
                .map(1).integer(0).map(3)
                        .integer(0).tag(TAG_BYTES).bytes(classId.getBytes(StandardCharsets.US_ASCII))
                        .integer(1).text("Caliptra")
                        .integer(2).text(model)
                .array(1).map(2)
                        .integer(0).integer(1)
                        .integer(1).map(3)
                                .integer(1).integer(Integer.toUnsignedLong(svn))
                                .integer(2).array(1).array(2).integer(SHA384_ALG).bytes(current.toByteArray())
                                .integer(14).map(1).integer(0).array(1).array(2).integer(SHA384_ALG).bytes(journey.toByteArray());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] leafLabel() {
        byte[] label = new byte[48];
        for (int i = 0; i < label.length; i++) {
            label[i] = (byte) i;
        }
        return label;
    }
}
