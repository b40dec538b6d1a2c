package org.caliptra.util.emulator.mcu;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND;

import java.security.MessageDigest;
import java.util.Arrays;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.Trng;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mcu.McAuthorization;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.AuthChallenge;

/**
 * The MCU runtime's command authorizer (caliptra-mcu-sw cmd_auth_mock.rs with device_ops.rs
 * verify_authorized_signatures): MC_GET_AUTH_CMD_CHALLENGE draws a 48-byte challenge from the
 * TRNG and keeps it for exactly one authorized command. That command carries the trailer
 * {@code nonce ‖ ecc_pub_x ‖ ecc_pub_y ‖ mldsa_pub ‖ HybridSignature}, and is admitted only if the
 * nonce is the kept challenge (which any attempt uses up), the public keys hash to the configured
 * anchor, and both signatures cover {@code BE(command code) ‖ fields ‖ nonce}: ECDSA P-384 over its
 * SHA-384, ML-DSA-87 over its SHA-512. Every refusal is UNAUTHORIZED_COMMAND, as in the reference.
 *
 * <p>Not thread-safe: owned by the device thread.
 */
final class AuthorizationGate {
    private final Trng trng;
    private final byte[] anchor;
    private byte[] challenge;

    AuthorizationGate(Trng trng, Octets anchor) {
        this.trng = trng;
        this.anchor = anchor.toByteArray();
    }

    /** A fresh challenge, replacing any earlier one. */
    AuthChallenge issue() {
        challenge = trng.draw();
        return AuthChallenge.of(Octets.of(challenge));
    }

    /**
     * The command's fields once its authorization checks out.
     *
     * @throws CommandFailure UNAUTHORIZED_COMMAND naming the check that failed
     */
    <Q> Q admit(CommandCodec<Authorized<Q>, ?> codec, Authorized<Q> request) {
        // A request too short for its trailer fails before the challenge is touched, as in the reference.
        var trailer = request.authorization().orElseThrow(() -> refuse(codec, "carries no authorization trailer"));
        byte[] expected = challenge;
        challenge = null;
        if (expected == null) {
            throw refuse(codec, "has no challenge to answer: ask MC_GET_AUTH_CMD_CHALLENGE for one per authorized command");
        }
        if (!MessageDigest.isEqual(expected, trailer.nonce().toByteArray())) {
            throw refuse(codec, "answers a nonce that is not the outstanding challenge (stale or reused)");
        }
        if (!MessageDigest.isEqual(anchor, HybridSignatures.anchor(trailer.eccPubX(), trailer.eccPubY(), trailer.mldsaPub()))) {
            throw refuse(codec, "is signed by keys whose SHA-384 is not the device's authorization anchor");
        }
        byte[] preImage = McAuthorization.preImage(codec, request.command(), trailer.nonce());
        var check = HybridSignatures.verify(trailer.eccPubX(), trailer.eccPubY(), trailer.mldsaPub(), trailer.signature(),
                Sha384.of(preImage).toByteArray(), HybridSignatures.sha512(preImage));
        Arrays.fill(preImage, (byte) 0);
        switch (check) {
            case ECC_INVALID -> throw refuse(codec, "has an ECDSA P-384 signature that does not verify over SHA-384(cmd ‖ fields ‖ nonce)");
            case MLDSA_INVALID -> throw refuse(codec, "has an ML-DSA-87 signature that does not verify over SHA-512(cmd ‖ fields ‖ nonce)");
            case VALID -> {
                return request.command();
            }
            default -> throw new IllegalStateException(check.toString());
        }
    }

    private static CommandFailure refuse(CommandCodec<?, ?> codec, String why) {
        return CommandFailure.of(MCU_MBOX_UNAUTHORIZED_COMMAND, codec.name() + " " + why);
    }
}
