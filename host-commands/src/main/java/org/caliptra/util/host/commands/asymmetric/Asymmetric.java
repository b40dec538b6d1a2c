package org.caliptra.util.host.commands.asymmetric;

import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdhFinish;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdhGenerate;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdhGenerateResponse;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdsaPublicKey;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdsaSign;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdsaVerify;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsPublicKey;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsSignature;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsVerify;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.MldsaKeygen;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.MldsaSign;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.MldsaVerify;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EccPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdhContext;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaSignature;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.KeyUsage;

/**
 * High-level public-key API (the reference's crypto_asymmetric module). Verifications return
 * normally when the signature is good; a bad one is the device's refusal, a
 * {@link org.caliptra.util.host.commands.DeviceErrorException}.
 */
public final class Asymmetric {
    private Asymmetric() {}

    public static EccPublicKey ecdsaPublicKey(CaliptraSession session, Cmk key) {
        return Commands.execute(session, new EcdsaPublicKey(key)).publicKey();
    }

    /** The device hashes {@code message} (at most 4096 bytes) with SHA-384 and signs it. */
    public static EcdsaSignature ecdsaSign(CaliptraSession session, Cmk key, Octets message) {
        return Commands.execute(session, new EcdsaSign(key, message)).signature();
    }

    public static void ecdsaVerify(CaliptraSession session, Cmk key, Octets message, EcdsaSignature signature) {
        Commands.execute(session, new EcdsaVerify(key, signature, message));
    }

    /** A fresh exchange: the context for {@link #ecdhFinish} and the point to send the peer. */
    public static EcdhGenerateResponse ecdhGenerate(CaliptraSession session) {
        return Commands.execute(session, new EcdhGenerate());
    }

    /** The shared secret with the peer's point (X ‖ Y, 96 bytes) as a device key of {@code usage}. */
    public static Cmk ecdhFinish(CaliptraSession session, EcdhContext context, KeyUsage usage, Octets peerPoint) {
        return Commands.execute(session, new EcdhFinish(context, usage, peerPoint)).cmk();
    }

    public static void lmsVerify(CaliptraSession session, LmsPublicKey key, LmsSignature signature, Octets sha384Digest) {
        Commands.execute(session, new LmsVerify(key, signature, sha384Digest));
    }

    public static MldsaPublicKey mldsaPublicKey(CaliptraSession session, Cmk seed) {
        return Commands.execute(session, new MldsaKeygen(seed)).publicKey();
    }

    public static MldsaSignature mldsaSign(CaliptraSession session, Cmk key, Octets message) {
        return Commands.execute(session, new MldsaSign(key, message)).signature();
    }

    public static void mldsaVerify(CaliptraSession session, Cmk key, Octets message, MldsaSignature signature) {
        Commands.execute(session, new MldsaVerify(key, signature, message));
    }
}
