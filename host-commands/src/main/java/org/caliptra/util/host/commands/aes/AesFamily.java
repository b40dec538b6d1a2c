package org.caliptra.util.host.commands.aes;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.aes.AesCommands.AesDecryptInit;
import org.caliptra.util.host.commands.aes.AesCommands.AesDecryptUpdate;
import org.caliptra.util.host.commands.aes.AesCommands.AesEncryptInit;
import org.caliptra.util.host.commands.aes.AesCommands.AesEncryptUpdate;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmDecryptFinal;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmDecryptInit;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmDecryptUpdate;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmEncryptFinal;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmEncryptInit;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmEncryptUpdate;
import org.caliptra.util.host.commands.aes.AesCommands.EncryptInitResponse;
import org.caliptra.util.host.commands.aes.AesCommands.GcmContextResponse;
import org.caliptra.util.host.commands.aes.AesCommands.GcmDecryptFinalResponse;
import org.caliptra.util.host.commands.aes.AesCommands.GcmEncryptFinalResponse;
import org.caliptra.util.host.commands.aes.AesCommands.GcmInitResponse;
import org.caliptra.util.host.commands.aes.AesCommands.GcmOutputResponse;
import org.caliptra.util.host.commands.aes.AesCommands.OutputResponse;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.cm.CmAesCommands;
import org.caliptra.util.protocol.cm.CmAesCommands.AesDecryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.AesEncryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.AesOutput;
import org.caliptra.util.protocol.cm.CmAesCommands.AesUpdateRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptFinalRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmEncryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmUpdateRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmUpdateResponse;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mcu.McCryptoCommands;

import static org.caliptra.util.host.commands.CommandId.*;

/**
 * AES as MC_AES_* on an MCU mailbox and CM_AES_* on a 2.x core mailbox (the same layouts).
 * AesGcmDecryptInit's answer also carries the IV; the internal struct keeps only the context, as
 * the reference's does. tag_verified is true for any non-zero word, as the reference reads it.
 */
public final class AesFamily implements CommandFamily {
    private record Codecs(CommandCodec<AesEncryptInitRequest, CmAesCommands.AesEncryptInitResponse> encryptInit,
            CommandCodec<AesUpdateRequest, AesOutput> encryptUpdate, CommandCodec<AesDecryptInitRequest, AesOutput> decryptInit,
            CommandCodec<AesUpdateRequest, AesOutput> decryptUpdate,
            CommandCodec<GcmEncryptInitRequest, CmAesCommands.GcmInitResponse> gcmEncryptInit,
            CommandCodec<GcmUpdateRequest, GcmUpdateResponse> gcmEncryptUpdate,
            CommandCodec<GcmUpdateRequest, CmAesCommands.GcmEncryptFinalResponse> gcmEncryptFinal,
            CommandCodec<GcmDecryptInitRequest, CmAesCommands.GcmInitResponse> gcmDecryptInit,
            CommandCodec<GcmUpdateRequest, GcmUpdateResponse> gcmDecryptUpdate,
            CommandCodec<GcmDecryptFinalRequest, CmAesCommands.GcmDecryptFinalResponse> gcmDecryptFinal) {}

    private static Codecs mcu() {
        return new Codecs(McCryptoCommands.MC_AES_ENCRYPT_INIT, McCryptoCommands.MC_AES_ENCRYPT_UPDATE,
                McCryptoCommands.MC_AES_DECRYPT_INIT, McCryptoCommands.MC_AES_DECRYPT_UPDATE, McCryptoCommands.MC_AES_GCM_ENCRYPT_INIT,
                McCryptoCommands.MC_AES_GCM_ENCRYPT_UPDATE, McCryptoCommands.MC_AES_GCM_ENCRYPT_FINAL,
                McCryptoCommands.MC_AES_GCM_DECRYPT_INIT, McCryptoCommands.MC_AES_GCM_DECRYPT_UPDATE,
                McCryptoCommands.MC_AES_GCM_DECRYPT_FINAL);
    }

    private static Codecs core() {
        return new Codecs(CmAesCommands.CM_AES_ENCRYPT_INIT, CmAesCommands.CM_AES_ENCRYPT_UPDATE,
                CmAesCommands.CM_AES_DECRYPT_INIT, CmAesCommands.CM_AES_DECRYPT_UPDATE, CmAesCommands.CM_AES_GCM_ENCRYPT_INIT,
                CmAesCommands.CM_AES_GCM_ENCRYPT_UPDATE, CmAesCommands.CM_AES_GCM_ENCRYPT_FINAL, CmAesCommands.CM_AES_GCM_DECRYPT_INIT,
                CmAesCommands.CM_AES_GCM_DECRYPT_UPDATE, CmAesCommands.CM_AES_GCM_DECRYPT_FINAL);
    }

    @Override
    public String name() {
        return "aes";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(AES_ENCRYPT_INIT, AES_ENCRYPT_UPDATE, AES_DECRYPT_INIT, AES_DECRYPT_UPDATE,
                        AES_GCM_ENCRYPT_INIT, AES_GCM_ENCRYPT_UPDATE, AES_GCM_ENCRYPT_FINAL, AES_GCM_DECRYPT_INIT,
                        AES_GCM_DECRYPT_UPDATE, AES_GCM_DECRYPT_FINAL),
                EnumSet.of(AES_ENCRYPT_INIT, AES_ENCRYPT_UPDATE, AES_DECRYPT_INIT, AES_DECRYPT_UPDATE,
                        AES_GCM_ENCRYPT_INIT, AES_GCM_ENCRYPT_UPDATE, AES_GCM_ENCRYPT_FINAL, AES_GCM_DECRYPT_INIT,
                        AES_GCM_DECRYPT_UPDATE, AES_GCM_DECRYPT_FINAL),
                EnumSet.of(AES_ENCRYPT_INIT, AES_ENCRYPT_UPDATE, AES_DECRYPT_INIT, AES_DECRYPT_UPDATE,
                        AES_GCM_ENCRYPT_INIT, AES_GCM_ENCRYPT_UPDATE, AES_GCM_ENCRYPT_FINAL, AES_GCM_DECRYPT_INIT,
                        AES_GCM_DECRYPT_UPDATE, AES_GCM_DECRYPT_FINAL),
                EnumSet.noneOf(CommandId.class),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(AesEncryptInit.TYPE, AesEncryptUpdate.TYPE, AesDecryptInit.TYPE, AesDecryptUpdate.TYPE,
                AesGcmEncryptInit.TYPE, AesGcmEncryptUpdate.TYPE, AesGcmEncryptFinal.TYPE, AesGcmDecryptInit.TYPE,
                AesGcmDecryptUpdate.TYPE, AesGcmDecryptFinal.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return mailboxMappings(kind, Generation.V2);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind, Generation generation) {
        if (kind == DeviceKind.CALIPTRA_CORE && generation == Generation.V1) {
            return List.of();
        }
        return mappings(switch (kind) {
            case MCU -> mcu();
            case CALIPTRA_CORE -> core();
        });
    }

    private static List<MailboxCommandMapping> mappings(Codecs c) {
        return List.of(
                CodecMailboxMapping.of(AesEncryptInit.TYPE, c.encryptInit(),
                        q -> AesEncryptInitRequest.of(q.cmk(), q.mode(), q.plaintext()),
                        (fips, r) -> new EncryptInitResponse(fips, r.context(), r.iv(), r.ciphertext())),
                CodecMailboxMapping.of(AesEncryptUpdate.TYPE, c.encryptUpdate(), q -> new AesUpdateRequest(q.context(), q.plaintext()),
                        (fips, r) -> new OutputResponse(fips, r.context(), r.output())),
                CodecMailboxMapping.of(AesDecryptInit.TYPE, c.decryptInit(),
                        q -> AesDecryptInitRequest.of(q.cmk(), q.mode(), q.iv(), q.ciphertext()),
                        (fips, r) -> new OutputResponse(fips, r.context(), r.output())),
                CodecMailboxMapping.of(AesDecryptUpdate.TYPE, c.decryptUpdate(), q -> new AesUpdateRequest(q.context(), q.ciphertext()),
                        (fips, r) -> new OutputResponse(fips, r.context(), r.output())),
                CodecMailboxMapping.of(AesGcmEncryptInit.TYPE, c.gcmEncryptInit(),
                        q -> new GcmEncryptInitRequest(q.flags(), q.cmk(), q.aad()),
                        (fips, r) -> new GcmInitResponse(fips, r.context(), r.iv())),
                CodecMailboxMapping.of(AesGcmEncryptUpdate.TYPE, c.gcmEncryptUpdate(),
                        q -> new GcmUpdateRequest(q.context(), q.plaintext()),
                        (fips, r) -> new GcmOutputResponse(fips, r.context(), r.data())),
                CodecMailboxMapping.of(AesGcmEncryptFinal.TYPE, c.gcmEncryptFinal(),
                        q -> new GcmUpdateRequest(q.context(), q.plaintext()),
                        (fips, r) -> new GcmEncryptFinalResponse(fips, r.tag(), r.ciphertext())),
                CodecMailboxMapping.of(AesGcmDecryptInit.TYPE, c.gcmDecryptInit(),
                        q -> new GcmDecryptInitRequest(q.flags(), q.cmk(), q.iv(), q.aad()),
                        (fips, r) -> new GcmContextResponse(fips, r.context())),
                CodecMailboxMapping.of(AesGcmDecryptUpdate.TYPE, c.gcmDecryptUpdate(),
                        q -> new GcmUpdateRequest(q.context(), q.ciphertext()),
                        (fips, r) -> new GcmOutputResponse(fips, r.context(), r.data())),
                CodecMailboxMapping.of(AesGcmDecryptFinal.TYPE, c.gcmDecryptFinal(),
                        q -> GcmDecryptFinalRequest.of(q.context(), q.tag(), q.ciphertext()),
                        (fips, r) -> new GcmDecryptFinalResponse(fips, r.tagVerified() != 0, r.plaintext())));
    }
}
