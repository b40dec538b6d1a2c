package org.caliptra.util.host.commands.random;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.host.commands.random.RandomCommands.RandomBytes;
import org.caliptra.util.host.commands.random.RandomCommands.RandomGenerate;
import org.caliptra.util.host.commands.random.RandomCommands.RandomStir;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.cm.CmRandomCommands;
import org.caliptra.util.protocol.cm.CmRandomCommands.RandomData;
import org.caliptra.util.protocol.cm.CmRandomCommands.RandomGenerateRequest;
import org.caliptra.util.protocol.cm.CmRandomCommands.RandomStirRequest;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McCryptoCommands;

import static org.caliptra.util.host.commands.CommandId.RANDOM_GENERATE;
import static org.caliptra.util.host.commands.CommandId.RANDOM_STIR;

/**
 * Random numbers as MC_RANDOM_GENERATE / MC_RANDOM_STIR on an MCU mailbox (which relays them to the
 * core), CM_RANDOM_GENERATE / CM_RANDOM_STIR on a 2.x core. A 1.x core has no cryptographic mailbox.
 */
public final class RandomFamily implements CommandFamily {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(RANDOM_GENERATE, RANDOM_STIR),
                EnumSet.of(RANDOM_GENERATE, RANDOM_STIR),
                EnumSet.of(RANDOM_GENERATE, RANDOM_STIR),
                EnumSet.noneOf(CommandId.class),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(RandomGenerate.TYPE, RandomStir.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return mailboxMappings(kind, Generation.V2);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind, Generation generation) {
        return switch (kind) {
            case MCU -> mappings(McCryptoCommands.MC_RANDOM_GENERATE, McCryptoCommands.MC_RANDOM_STIR);
            case CALIPTRA_CORE -> generation == Generation.V1 ? List.of()
                    : mappings(CmRandomCommands.CM_RANDOM_GENERATE, CmRandomCommands.CM_RANDOM_STIR);
        };
    }

    private static List<MailboxCommandMapping> mappings(CommandCodec<RandomGenerateRequest, RandomData> generate,
            CommandCodec<RandomStirRequest, NoFields> stir) {
        return List.of(
                CodecMailboxMapping.of(RandomGenerate.TYPE, generate, q -> new RandomGenerateRequest(q.size()),
                        (fips, r) -> new RandomBytes(fips, r.data())),
                CodecMailboxMapping.of(RandomStir.TYPE, stir, q -> new RandomStirRequest(q.input()),
                        (fips, none) -> new StatusResponse(fips)));
    }
}
