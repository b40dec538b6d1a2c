package org.caliptra.util.emulator.runtime;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.regs.ShaAccelerator;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.Lms;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;
import org.caliptra.util.image.verify.SignatureChecks;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.SignatureVerifyCommands;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.Ecdsa384VerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.LmsVerifyRequest;

import static org.caliptra.util.protocol.error.CaliptraError.DRIVER_ECC384_SCALAR_RANGE_CHECK_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.DRIVER_LMS_INVALID_Q_VALUE;
import static org.caliptra.util.protocol.error.CaliptraError.DRIVER_LMS_SIGNATURE_LMOTS_DOESNT_MATCH_PUBKEY_LMOTS;
import static org.caliptra.util.protocol.error.CaliptraError.ROM_ECDSA_VERIFY_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.ROM_MLDSA_VERIFY_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_ECDSA_VERIFY_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INSUFFICIENT_MEMORY;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_LMS_VERIFY_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_LMS_VERIFY_INVALID_LMOTS_ALGORITHM;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_LMS_VERIFY_INVALID_LMS_ALGORITHM;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MLDSA_VERIFY_FAILED;

/**
 * The signature verify services (spec/device.md §4.2). On 1.x the signed digest is whatever the
 * SHA accelerator last computed for the SoC (SIGV, LMSV); on 2.x the request carries it (ECV2,
 * LMV2) or the message itself (MLV2). The ECC engine refuses r or s outside [1, n−1] before any
 * math (DRIVER_ECC384_SCALAR_RANGE_CHECK_FAILED); the LMS driver refuses a leaf index outside the
 * tree or an OTS type that differs from the key's. A request of the wrong size fails with
 * RUNTIME_INSUFFICIENT_MEMORY, as the reference's parser answers.
 */
public final class SignatureVerifyHandlers implements CommandTable.CommandFamily {
    private static final int LMS_LEAVES = 1 << 15;

    private final CaliptraFirmware firmware;
    private final boolean rom;

    SignatureVerifyHandlers(CaliptraFirmware firmware) {
        this(firmware, false);
    }

    private SignatureVerifyHandlers(CaliptraFirmware firmware, boolean rom) {
        this.firmware = firmware;
        this.rom = rom;
    }

    /**
     * The 2.x ROM's verify services before firmware: ECDSA384 and ML-DSA-87 signature verify, the
     * same checks (caliptra-sw common/src/verify.rs) with the ROM's names for a signature that
     * does not verify.
     */
    public static CommandTable.CommandFamily rom(CaliptraFirmware firmware) {
        return new SignatureVerifyHandlers(firmware, true);
    }

    @Override
    public void register(CommandTable.Builder table) {
        if (rom) {
            table.add(SignatureVerifyCommands.ECDSA384_SIGNATURE_VERIFY, RUNTIME_INSUFFICIENT_MEMORY,
                    (request, requester) -> ecdsa(request.keyAndSignature(), request.hash().toByteArray()));
            table.userSuppliedDigest(SignatureVerifyCommands.ECDSA384_SIGNATURE_VERIFY);
            table.add(SignatureVerifyCommands.MLDSA87_SIGNATURE_VERIFY, (request, requester) -> mldsa(request));
            return;
        }
        if (firmware.generation() == Generation.V1) {
            table.add(SignatureVerifyCommands.ECDSA384_VERIFY, RUNTIME_INSUFFICIENT_MEMORY, (request, requester) -> ecdsa(request, accDigest()));
            table.add(SignatureVerifyCommands.LMS_VERIFY, RUNTIME_INSUFFICIENT_MEMORY, (request, requester) -> lms(request, accDigest()));
        } else {
            table.add(SignatureVerifyCommands.ECDSA384_SIGNATURE_VERIFY, RUNTIME_INSUFFICIENT_MEMORY,
                    (request, requester) -> ecdsa(request.keyAndSignature(), request.hash().toByteArray()));
            table.add(SignatureVerifyCommands.LMS_SIGNATURE_VERIFY, RUNTIME_INSUFFICIENT_MEMORY,
                    (request, requester) -> lms(request.keyAndSignature(), request.hash().toByteArray()));
            // The caller supplied the digest: the runtime says the result is not FIPS approved.
            table.userSuppliedDigest(SignatureVerifyCommands.ECDSA384_SIGNATURE_VERIFY);
            table.userSuppliedDigest(SignatureVerifyCommands.LMS_SIGNATURE_VERIFY);
            table.add(SignatureVerifyCommands.MLDSA87_SIGNATURE_VERIFY, (request, requester) -> mldsa(request));
        }
    }

    private NoFields mldsa(SignatureVerifyCommands.Mldsa87SignatureVerifyRequest request) {
        var check = SignatureChecks.mldsa(request.pubKey(), request.message().toByteArray(),
                Octets.of(Arrays.copyOf(request.signature().toByteArray(), 4628)));
        if (check != Lms.Check.VALID) {
            throw CommandFailure.of(rom ? ROM_MLDSA_VERIFY_FAILED : RUNTIME_MLDSA_VERIFY_FAILED,
                    "the ML-DSA-87 signature does not verify");
        }
        return NoFields.INSTANCE;
    }

    /** The first 48 bytes of the SHA accelerator's digest registers. */
    private byte[] accDigest() {
        return Arrays.copyOf(firmware.shaAccelerator().map(ShaAccelerator::digest).orElseThrow(), 48);
    }

    private NoFields ecdsa(Ecdsa384VerifyRequest request, byte[] digest) {
        // The ECC engine's range check on r and s is the one a private scalar passes: 1 ≤ v < n.
        if (!EccPrivateKey.isValidScalar(request.signatureR().toByteArray())
                || !EccPrivateKey.isValidScalar(request.signatureS().toByteArray())) {
            throw CommandFailure.of(DRIVER_ECC384_SCALAR_RANGE_CHECK_FAILED, "signature r or s is 0 or not below the P-384 order");
        }
        var signature = EccSignature.of(new BigInteger(1, request.signatureR().toByteArray()),
                new BigInteger(1, request.signatureS().toByteArray()));
        var check = SignatureChecks.ecdsa(new EccPublicKey(request.pubKeyX(), request.pubKeyY()), digest, signature);
        if (check != Lms.Check.VALID) {
            throw CommandFailure.of(rom ? ROM_ECDSA_VERIFY_FAILED : RUNTIME_ECDSA_VERIFY_FAILED, check == Lms.Check.MALFORMED
                    ? "the public key is not a point on P-384" : "the ECDSA signature does not verify");
        }
        return NoFields.INSTANCE;
    }

    private NoFields lms(LmsVerifyRequest request, byte[] digest) {
        if (request.pubKeyTreeType() != LmsVerifyRequest.LMS_SHA256_N24_H15) {
            throw CommandFailure.of(RUNTIME_LMS_VERIFY_INVALID_LMS_ALGORITHM, "public key LMS type " + request.pubKeyTreeType());
        }
        if (request.pubKeyOtsType() != LmsVerifyRequest.LMOTS_SHA256_N24_W4) {
            throw CommandFailure.of(RUNTIME_LMS_VERIFY_INVALID_LMOTS_ALGORITHM, "public key LM-OTS type " + request.pubKeyOtsType());
        }
        if (request.signatureTreeType() != LmsVerifyRequest.LMS_SHA256_N24_H15) {
            throw CommandFailure.of(RUNTIME_LMS_VERIFY_INVALID_LMS_ALGORITHM, "signature LMS type " + request.signatureTreeType());
        }
        if (Integer.compareUnsigned(request.signatureQ(), LMS_LEAVES) >= 0) {
            throw CommandFailure.of(DRIVER_LMS_INVALID_Q_VALUE, "leaf index q " + Integer.toUnsignedString(request.signatureQ()));
        }
        byte[] ots = request.signatureOts().toByteArray();
        int sigOtsType = ByteBuffer.wrap(ots).getInt(0);
        if (sigOtsType != request.pubKeyOtsType()) {
            throw CommandFailure.of(DRIVER_LMS_SIGNATURE_LMOTS_DOESNT_MATCH_PUBKEY_LMOTS, "signature LM-OTS type " + sigOtsType);
        }
        var key = new LmsPublicKey(request.pubKeyTreeType(), request.pubKeyOtsType(), request.pubKeyId(), request.pubKeyDigest());
        byte[] sig = ByteBuffer.allocate(LmsSignature.SIZE).putInt(request.signatureQ()).put(ots)
                .putInt(request.signatureTreeType()).put(request.signatureTreePath().toByteArray()).array();
        if (Lms.verify(key, digest, new LmsSignature(Octets.of(sig))) != Lms.Check.VALID) {
            throw CommandFailure.of(RUNTIME_LMS_VERIFY_FAILED, "the LMS signature does not verify");
        }
        return NoFields.INSTANCE;
    }
}
