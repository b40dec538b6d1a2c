package org.caliptra.util.host.commands.hash;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.DigestResponse;
import org.caliptra.util.host.commands.hash.HashCommands.ContextResponse;
import org.caliptra.util.host.commands.hash.HashCommands.HashFinalize;
import org.caliptra.util.host.commands.hash.HashCommands.HashInit;
import org.caliptra.util.host.commands.hash.HashCommands.HashUpdate;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmHashCommands.Digest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaContext;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaInitRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaUpdateRequest;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mcu.McCryptoCommands;

import static org.caliptra.util.host.commands.CommandId.*;

/**
 * Hashing as MC_SHA_INIT/UPDATE/FINAL on an MCU mailbox and CM_SHA_INIT/UPDATE/FINAL on a
 * Caliptra 2.x core mailbox (same layouts; a 1.x core refuses them as unknown commands). The
 * codecs send the used part of the input, which both firmwares read as they read the whole buffer.
 */
public final class HashFamily implements CommandFamily {
    @Override
    public String name() {
        return "hash";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(HASH_INIT, HASH_UPDATE, HASH_FINALIZE),
                EnumSet.of(HASH_INIT, HASH_UPDATE, HASH_FINALIZE),
                EnumSet.of(HASH_INIT, HASH_UPDATE, HASH_FINALIZE),
                EnumSet.noneOf(CommandId.class),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(HashInit.TYPE, HashUpdate.TYPE, HashFinalize.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return mailboxMappings(kind, Generation.V2);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind, Generation generation) {
        return switch (kind) {
            case MCU -> mappings(McCryptoCommands.MC_SHA_INIT, McCryptoCommands.MC_SHA_UPDATE, McCryptoCommands.MC_SHA_FINAL);
            case CALIPTRA_CORE -> generation == Generation.V1 ? List.of() : mappings(CmHashCommands.CM_SHA_INIT, CmHashCommands.CM_SHA_UPDATE, CmHashCommands.CM_SHA_FINAL);
        };
    }

    private static List<MailboxCommandMapping> mappings(CommandCodec<ShaInitRequest, ShaContext> init,
            CommandCodec<ShaUpdateRequest, ShaContext> update, CommandCodec<ShaUpdateRequest, Digest> finish) {
        return List.of(
                CodecMailboxMapping.of(HashInit.TYPE, init, q -> ShaInitRequest.of(q.algorithm(), q.input()), ContextResponse::new),
                CodecMailboxMapping.of(HashUpdate.TYPE, update, q -> new ShaUpdateRequest(q.context(), q.input()),
                        ContextResponse::new),
                CodecMailboxMapping.of(HashFinalize.TYPE, finish, q -> new ShaUpdateRequest(q.context(), q.input()),
                        DigestResponse::new));
    }
}
