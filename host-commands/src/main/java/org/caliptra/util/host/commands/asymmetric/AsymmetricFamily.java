package org.caliptra.util.host.commands.asymmetric;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.KeyResponse;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdhFinish;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdhGenerate;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdhGenerateResponse;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdsaPublicKey;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdsaSign;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdsaVerify;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsKeygen;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsSign;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsVerify;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.MldsaKeygen;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.MldsaPublicKeyResponse;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.MldsaSign;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.MldsaSignatureResponse;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.MldsaVerify;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.PublicKeyResponse;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.SignatureResponse;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EccPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdhFinishRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaSignature;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaVerifyRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaVerifyRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.SignRequest;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.SignatureVerifyCommands;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.LmsSignatureVerifyRequest;
import org.caliptra.util.protocol.mcu.McCryptoCommands;
import org.caliptra.util.protocol.mcu.McVerifyCommands;

import static org.caliptra.util.host.commands.CommandId.*;

/**
 * Public-key commands as the MCU's MC_ECDSA_CMK_*, MC_ECDH_*, MC_MLDSA_CMK_* and MC_LMS_SIG_VERIFY,
 * and a 2.x core's CM_ECDSA_*, CM_ECDH_*, CM_MLDSA_* and LMS_SIGNATURE_VERIFY (LMV2). EcdhGenerate
 * sends only the checksum: the internal reserved word has no wire field. LmsKeygen and LmsSign have
 * no Caliptra command.
 */
public final class AsymmetricFamily implements CommandFamily {
    private record Codecs(CommandCodec<SignRequest, EcdsaSignature> ecdsaSign, CommandCodec<EcdsaVerifyRequest, NoFields> ecdsaVerify,
            CommandCodec<NoFields, CmAsymmetricCommands.EcdhGenerateResponse> ecdhGenerate,
            CommandCodec<Cmk, EccPublicKey> ecdsaPublicKey, CommandCodec<EcdhFinishRequest, Cmk> ecdhFinish,
            CommandCodec<LmsSignatureVerifyRequest, NoFields> lmsVerify, CommandCodec<Cmk, MldsaPublicKey> mldsaPublicKey,
            CommandCodec<SignRequest, MldsaSignature> mldsaSign, CommandCodec<MldsaVerifyRequest, NoFields> mldsaVerify) {}

    private static Codecs mcu() {
        return new Codecs(McCryptoCommands.MC_ECDSA_CMK_SIGN, McCryptoCommands.MC_ECDSA_CMK_VERIFY,
                McCryptoCommands.MC_ECDH_GENERATE, McCryptoCommands.MC_ECDSA_CMK_PUBLIC_KEY, McCryptoCommands.MC_ECDH_FINISH,
                McVerifyCommands.MC_LMS_SIG_VERIFY, McCryptoCommands.MC_MLDSA_CMK_PUBLIC_KEY, McCryptoCommands.MC_MLDSA_CMK_SIGN,
                McCryptoCommands.MC_MLDSA_CMK_VERIFY);
    }

    private static Codecs core() {
        return new Codecs(CmAsymmetricCommands.CM_ECDSA_SIGN, CmAsymmetricCommands.CM_ECDSA_VERIFY,
                CmAsymmetricCommands.CM_ECDH_GENERATE, CmAsymmetricCommands.CM_ECDSA_PUBLIC_KEY, CmAsymmetricCommands.CM_ECDH_FINISH,
                SignatureVerifyCommands.LMS_SIGNATURE_VERIFY, CmAsymmetricCommands.CM_MLDSA_PUBLIC_KEY, CmAsymmetricCommands.CM_MLDSA_SIGN,
                CmAsymmetricCommands.CM_MLDSA_VERIFY);
    }

    @Override
    public String name() {
        return "asymmetric";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(ECDSA_SIGN, ECDSA_VERIFY, ECDH_GENERATE, ECDSA_PUBLIC_KEY, ECDH_FINISH, LMS_KEYGEN,
                        LMS_SIGN, LMS_VERIFY, MLDSA_KEYGEN, MLDSA_SIGN, MLDSA_VERIFY),
                EnumSet.of(ECDSA_SIGN, ECDSA_VERIFY, ECDH_GENERATE, ECDSA_PUBLIC_KEY, ECDH_FINISH,
                        LMS_VERIFY, MLDSA_KEYGEN, MLDSA_SIGN, MLDSA_VERIFY),
                EnumSet.of(ECDSA_SIGN, ECDSA_VERIFY, ECDH_GENERATE, ECDSA_PUBLIC_KEY, ECDH_FINISH,
                        LMS_VERIFY, MLDSA_KEYGEN, MLDSA_SIGN, MLDSA_VERIFY),
                EnumSet.noneOf(CommandId.class),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(EcdsaSign.TYPE, EcdsaVerify.TYPE, EcdhGenerate.TYPE, EcdsaPublicKey.TYPE, EcdhFinish.TYPE, LmsKeygen.TYPE,
                LmsSign.TYPE, LmsVerify.TYPE, MldsaKeygen.TYPE, MldsaSign.TYPE, MldsaVerify.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return mailboxMappings(kind, Generation.V2);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind, Generation generation) {
        if (kind == DeviceKind.CALIPTRA_CORE && generation == Generation.V1) {
            // The CM_* commands are 2.x; 1.x's LMS_VERIFY ("LMSV") takes its digest from the SHA
            // accelerator, which a mailbox route cannot load, so LmsVerify does not map onto it.
            return List.of();
        }
        return mappings(switch (kind) {
            case MCU -> mcu();
            case CALIPTRA_CORE -> core();
        });
    }

    private static List<MailboxCommandMapping> mappings(Codecs c) {
        return List.of(
                CodecMailboxMapping.of(EcdsaSign.TYPE, c.ecdsaSign(), q -> new SignRequest(q.cmk(), q.message()), SignatureResponse::new),
                CodecMailboxMapping.of(EcdsaVerify.TYPE, c.ecdsaVerify(), q -> new EcdsaVerifyRequest(q.cmk(), q.signature(), q.message()),
                        (fips, none) -> new StatusResponse(fips)),
                CodecMailboxMapping.of(EcdhGenerate.TYPE, c.ecdhGenerate(), q -> NoFields.INSTANCE,
                        (fips, r) -> new EcdhGenerateResponse(fips, r.context(), r.exchangeData())),
                CodecMailboxMapping.of(EcdsaPublicKey.TYPE, c.ecdsaPublicKey(), EcdsaPublicKey::cmk, PublicKeyResponse::new),
                CodecMailboxMapping.of(EcdhFinish.TYPE, c.ecdhFinish(),
                        q -> EcdhFinishRequest.of(q.context(), q.usage(), q.incomingExchangeData()), KeyResponse::new),
                CodecMailboxMapping.of(LmsVerify.TYPE, c.lmsVerify(), LmsVerify::toWire, (fips, none) -> new StatusResponse(fips)),
                CodecMailboxMapping.of(MldsaKeygen.TYPE, c.mldsaPublicKey(), MldsaKeygen::seed, MldsaPublicKeyResponse::new),
                CodecMailboxMapping.of(MldsaSign.TYPE, c.mldsaSign(), q -> new SignRequest(q.cmk(), q.message()),
                        MldsaSignatureResponse::new),
                CodecMailboxMapping.of(MldsaVerify.TYPE, c.mldsaVerify(), q -> new MldsaVerifyRequest(q.cmk(), q.signature(), q.message()),
                        (fips, none) -> new StatusResponse(fips)));
    }
}
