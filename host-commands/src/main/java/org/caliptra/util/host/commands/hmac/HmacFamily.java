package org.caliptra.util.host.commands.hmac;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.DigestResponse;
import org.caliptra.util.host.commands.KeyResponse;
import org.caliptra.util.host.commands.hmac.HmacCommands.Hmac;
import org.caliptra.util.host.commands.hmac.HmacCommands.HmacKdfCounter;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmHashCommands.Digest;
import org.caliptra.util.protocol.cm.CmHashCommands.HmacRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.CmKeyCommands.HmacKdfCounterRequest;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mcu.McCryptoCommands;

import static org.caliptra.util.host.commands.CommandId.*;

/** HMAC as MC_HMAC / MC_HMAC_KDF_COUNTER on an MCU mailbox, CM_HMAC / CM_HMAC_KDF_COUNTER on a 2.x core. */
public final class HmacFamily implements CommandFamily {
    @Override
    public String name() {
        return "hmac";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(HMAC, HMAC_KDF_COUNTER),
                EnumSet.of(HMAC, HMAC_KDF_COUNTER),
                EnumSet.of(HMAC, HMAC_KDF_COUNTER),
                EnumSet.noneOf(CommandId.class),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(Hmac.TYPE, HmacKdfCounter.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return mailboxMappings(kind, Generation.V2);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind, Generation generation) {
        return switch (kind) {
            case MCU -> mappings(McCryptoCommands.MC_HMAC, McCryptoCommands.MC_HMAC_KDF_COUNTER);
            case CALIPTRA_CORE -> generation == Generation.V1 ? List.of() : mappings(CmHashCommands.CM_HMAC, CmKeyCommands.CM_HMAC_KDF_COUNTER);
        };
    }

    private static List<MailboxCommandMapping> mappings(CommandCodec<HmacRequest, Digest> hmac,
            CommandCodec<HmacKdfCounterRequest, Cmk> kdf) {
        return List.of(
                CodecMailboxMapping.of(Hmac.TYPE, hmac, q -> HmacRequest.of(q.cmk(), q.algorithm(), q.data()), DigestResponse::new),
                CodecMailboxMapping.of(HmacKdfCounter.TYPE, kdf,
                        q -> new HmacKdfCounterRequest(q.kin(), q.algorithm().value(), q.usage().value(), q.keySize(), q.label()),
                        KeyResponse::new));
    }
}
