package org.caliptra.util.emulator.runtime;

import org.caliptra.util.emulator.dice.AliasIdentity;
import org.caliptra.util.emulator.dice.DiceAlgorithm;
import org.caliptra.util.emulator.eat.Cbor;
import org.caliptra.util.emulator.eat.CoseSign1;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.CertificateCommands.AttestedCsrRequest;
import org.caliptra.util.protocol.core.SizedData;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;

/**
 * The 2.x runtime's GET_ATTESTED_ECC384_CSR and GET_ATTESTED_MLDSA87_CSR (caliptra-sw
 * runtime/src/attested_csr): a CSR for the LDevID (all-zero signature: the runtime never holds
 * that key), the FMC alias (the CSR the FMC made) or the RT alias (self-signed) key, put in an EAT
 * with the caller's nonce and the key's derivation attribute, and signed as a CWT-tagged COSE_Sign1
 * by the runtime's own key, named by the RT alias certificate's key identifier.
 *
 * <p>Claims: {@code {10: nonce, -70001: csr, -70002: [111(oid)]}}; protected header:
 * {@code {1: alg, 3: 263 (application/eat+cwt), 4: kid}}, alg −51 (ESP384, the signature r‖s over
 * SHA-384 of the Sig_structure) or −50 (ML-DSA-87 over that SHA-384 digest); no unprotected header.
 */
final class AttestedCsrHandlers implements CommandTable.CommandFamily {
    static final int CLAIM_NONCE = 10;
    static final int CLAIM_ATTESTED_CSR = -70001;
    static final int CLAIM_ATTESTED_CSR_KEY_ATTRIBUTES = -70002;
    /** CBOR tag of an OID (RFC 9090). */
    static final int TAG_OID = 111;
    /** OCP security OID arc 1.3.6.1.4.1.42623.1.2 (key derivation attributes), DER content bytes. */
    private static final byte[] OCP_KDA = {0x2B, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, (byte) 0xCD, 0x1F, 0x01, 0x02};

    private final CaliptraFirmware firmware;

    AttestedCsrHandlers(CaliptraFirmware firmware) {
        this.firmware = firmware;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(CertificateCommands.GET_ATTESTED_ECC384_CSR, (request, requester) -> attested(request, DiceAlgorithm.ECC384));
        table.add(CertificateCommands.GET_ATTESTED_MLDSA87_CSR, (request, requester) -> attested(request, DiceAlgorithm.MLDSA87));
    }

    private SizedData attested(AttestedCsrRequest request, DiceAlgorithm algorithm) {
        byte[] csr = csr(request.keyId(), algorithm);
        byte[] claims = new Cbor().map(3)
                .integer(CLAIM_NONCE).bytes(request.nonce().toByteArray())
                .integer(CLAIM_ATTESTED_CSR).bytes(csr)
                .integer(CLAIM_ATTESTED_CSR_KEY_ATTRIBUTES).array(1).tag(TAG_OID).bytes(kdaOid(request.keyId()))
                .toByteArray();
        AliasIdentity alias = firmware.alias();
        boolean ecc = algorithm == DiceAlgorithm.ECC384;
        byte[] protectedHeader = new Cbor().map(3)
                .integer(CoseSign1.HEADER_ALG).integer(ecc ? CoseSign1.ALG_ESP384 : CoseSign1.ALG_MLDSA87)
                .integer(CoseSign1.HEADER_CONTENT_TYPE).integer(CoseSign1.CONTENT_TYPE_EAT_CWT)
                .integer(CoseSign1.HEADER_KID).bytes(alias.rtAliasKeyId(algorithm))
                .toByteArray();
        var key = alias.runtimeLayer();
        byte[] token = CoseSign1.sign(new long[] {CoseSign1.TAG_CWT}, protectedHeader, new Cbor().map(0).toByteArray(), claims,
                sigStructure -> {
                    var digest = Sha384.digest(sigStructure);
                    if (ecc) {
                        var signature = key.eccKey().signer().signDigest(digest);
                        byte[] raw = new byte[96];
                        signature.r().copyTo(raw, 0);
                        signature.s().copyTo(raw, 48);
                        return raw;
                    }
                    return key.mldsaKey().orElseThrow().signer().sign(digest.toByteArray()).fips204();
                });
        return SizedData.of(token);
    }

    /** The reference refuses an unknown key id with RUNTIME_MAILBOX_INVALID_PARAMS (DevIdKeyType::try_from). */
    private byte[] csr(int keyId, DiceAlgorithm algorithm) {
        return switch (keyId) {
            case AttestedCsrRequest.LDEVID -> firmware.dice().ldevidCsr(algorithm);
            case AttestedCsrRequest.FMC_ALIAS -> firmware.alias().fmcAliasCsr(algorithm);
            case AttestedCsrRequest.RT_ALIAS -> firmware.alias().rtAliasCsr(algorithm);
            default -> throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS,
                    "key_id " + Integer.toUnsignedString(keyId) + " is none of 1 (LDevID), 2 (FMC alias), 3 (RT alias)");
        };
    }

    /** OCP KDA …1.2.1 owner entropy fuse (LDevID), …1.2.2 first mutable code (FMC), …1.2.3 non-first mutable code (RT). */
    static byte[] kdaOid(int keyId) {
        byte[] oid = java.util.Arrays.copyOf(OCP_KDA, OCP_KDA.length + 1);
        oid[OCP_KDA.length] = (byte) keyId;
        return oid;
    }
}
