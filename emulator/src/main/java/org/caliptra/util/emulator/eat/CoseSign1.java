package org.caliptra.util.emulator.eat;

import java.util.function.Function;

/**
 * COSE_Sign1 (RFC 9052 §4.2) as Caliptra's tokens lay it out: optional outer tags, tag 18, then
 * {@code [protected: bstr, unprotected: map, payload: bstr, signature: bstr]}; the signature is over
 * the Sig_structure {@code ["Signature1", protected, h'', payload]}. The caller decides which
 * digest of the Sig_structure its key signs and how the signature is laid out.
 */
public final class CoseSign1 {
    /** COSE algorithm ES384 (ECDSA P-384 with SHA-384), which the MCU's OCP EAT names. */
    public static final int ALG_ES384 = -35;
    /** ESP384, the fully specified ECDSA P-384 with SHA-384, which the core's attested CSR names. */
    public static final int ALG_ESP384 = -51;
    /** ML-DSA-87. */
    public static final int ALG_MLDSA87 = -50;
    public static final int HEADER_ALG = 1;
    public static final int HEADER_CONTENT_TYPE = 3;
    public static final int HEADER_KID = 4;
    /** CoAP content format "application/eat+cwt". */
    public static final int CONTENT_TYPE_EAT_CWT = 263;
    public static final long TAG_COSE_SIGN1 = 18;
    public static final long TAG_CWT = 61;
    /** "self-described CBOR" (RFC 8949 §3.4.6). */
    public static final long TAG_SELF_DESCRIBED = 55799;

    private CoseSign1() {}

    /** The bytes a signer signs (or hashes, then signs). */
    public static byte[] sigStructure(byte[] protectedHeader, byte[] payload) {
        return new Cbor().array(4).text("Signature1").bytes(protectedHeader).bytes(new byte[0]).bytes(payload).toByteArray();
    }

    /**
     * The signed token.
     *
     * @param outerTags tags before COSE_Sign1's own tag 18, outermost first
     * @param unprotectedHeader an encoded CBOR map
     * @param signer the signature over the Sig_structure
     */
    public static byte[] sign(long[] outerTags, byte[] protectedHeader, byte[] unprotectedHeader, byte[] payload,
            Function<byte[], byte[]> signer) {
        byte[] signature = signer.apply(sigStructure(protectedHeader, payload));
        var cbor = new Cbor();
        for (long t : outerTags) {
            cbor.tag(t);
        }
        return cbor.tag(TAG_COSE_SIGN1).array(4).bytes(protectedHeader).encoded(unprotectedHeader).bytes(payload).bytes(signature)
                .toByteArray();
    }
}
