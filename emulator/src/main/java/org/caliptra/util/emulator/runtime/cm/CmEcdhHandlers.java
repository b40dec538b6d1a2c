package org.caliptra.util.emulator.runtime.cm;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.caliptra.util.emulator.dice.DiceCrypto;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdhContext;
import org.caliptra.util.protocol.cm.KeyUsage;

import static org.caliptra.util.protocol.error.CaliptraError.DRIVER_ECC384_HW_ERROR;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;

/**
 * CM_ECDH_GENERATE / CM_ECDH_FINISH: an ephemeral P-384 key from the TRNG, its private half kept
 * in a sealed 76-byte context (plain: the 48-byte keygen seed the private key is made from), the
 * shared secret (X of d·Q) handed out only as a CMK: its first 32 bytes for an AES key, all 48
 * otherwise. The context is stateless: FINISH may be repeated.
 */
final class CmEcdhHandlers implements CommandTable.CommandFamily {
    private static final int SCALAR = 48;

    private final CmVault vault;

    CmEcdhHandlers(CmVault vault) {
        this.vault = vault;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(CmAsymmetricCommands.CM_ECDH_GENERATE, (request, requester) -> {
            byte[] seed = vault.firmware().trng().draw();
            EccPublicKey pub = EccPrivateKey.fromScalar(DiceCrypto.eccScalarFromSeed(seed)).publicKey();
            byte[] exchange = new byte[2 * SCALAR];
            pub.x().copyTo(exchange, 0);
            pub.y().copyTo(exchange, SCALAR);
            return new CmAsymmetricCommands.EcdhGenerateResponse(new EcdhContext(vault.sealContext(seed)), Octets.of(exchange));
        });
        table.add(CmAsymmetricCommands.CM_ECDH_FINISH, (request, requester) -> {
            byte[] seed = vault.openContext(request.context().bytes());
            KeyUsage usage = request.usage().orElseThrow(() -> CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS,
                    "key_usage " + Integer.toUnsignedString(request.keyUsage())));
            byte[] peer = request.incomingExchangeData().toByteArray();
            final ECPublicKeyParameters q;
            try {
                q = new EccPublicKey(Octets.of(Arrays.copyOf(peer, SCALAR)), Octets.of(Arrays.copyOfRange(peer, SCALAR, 2 * SCALAR)))
                        .toParameters();
            } catch (ImageFormatException e) {
                // The ECC engine refuses a point off the curve in hardware.
                throw CommandFailure.of(DRIVER_ECC384_HW_ERROR, "incoming_exchange_data is not a point on P-384");
            }
            var agreement = new ECDHBasicAgreement();
            agreement.init(new ECPrivateKeyParameters(new BigInteger(1, DiceCrypto.eccScalarFromSeed(seed)), q.getParameters()));
            byte[] secret = BigIntegers.asUnsignedByteArray(SCALAR, agreement.calculateAgreement(q));
            return vault.issue(usage, usage == KeyUsage.AES ? Arrays.copyOf(secret, CmCrypto.AES_KEY_SIZE) : secret);
        });
    }
}
