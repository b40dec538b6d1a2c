package org.caliptra.util.protocol.mcu;

import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.SignatureVerifyCommands;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.Ecdsa384SignatureVerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.LmsSignatureVerifyRequest;

/**
 * The MCU mailbox's signature verification (spec/device.md §4.5): MC_ECDSA384_SIG_VERIFY and
 * MC_LMS_SIG_VERIFY carry exactly the core ECV2 and LMV2 messages under MC_* codes, and answer with
 * fips_status USRD as the core does.
 */
public final class McVerifyCommands {
    private McVerifyCommands() {}

    public static final CommandCodec<Ecdsa384SignatureVerifyRequest, NoFields> MC_ECDSA384_SIG_VERIFY = CommandCodec.of(
            McCommand.MC_ECDSA384_SIG_VERIFY, SignatureVerifyCommands.ECDSA384_SIGNATURE_VERIFY.request(),
            SignatureVerifyCommands.ECDSA384_SIGNATURE_VERIFY.response());
    public static final CommandCodec<LmsSignatureVerifyRequest, NoFields> MC_LMS_SIG_VERIFY = CommandCodec.of(
            McCommand.MC_LMS_SIG_VERIFY, SignatureVerifyCommands.LMS_SIGNATURE_VERIFY.request(),
            SignatureVerifyCommands.LMS_SIGNATURE_VERIFY.response());
}
