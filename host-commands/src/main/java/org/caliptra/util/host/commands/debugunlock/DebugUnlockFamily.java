package org.caliptra.util.host.commands.debugunlock;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.ProdDebugUnlockReq;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.ProdDebugUnlockToken;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.UnlockChallenge;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.codec.CryptoSizes;
import org.caliptra.util.protocol.core.DebugUnlockCommands;
import org.caliptra.util.protocol.core.DebugUnlockCommands.ProductionAuthDebugUnlockRequest;
import org.caliptra.util.protocol.core.DebugUnlockCommands.ProductionAuthDebugUnlockToken;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockRequest;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockToken;

import static org.caliptra.util.host.commands.CommandId.*;

/**
 * Production debug unlock: MC_PROD_DEBUG_UNLOCK_REQ / _TOKEN on an MCU mailbox, where the token
 * (inner core checksum first) travels whole under the frame's own MPUT checksum (7508 bytes); and a
 * 2.x core's PRODUCTION_AUTH_DEBUG_UNLOCK_REQ / _TOKEN, where the frame's checksum is the token's
 * core checksum, so the inner field is not sent twice.
 */
public final class DebugUnlockFamily implements CommandFamily {
    @Override
    public String name() {
        return "debug-unlock";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(PROD_DEBUG_UNLOCK_REQ, PROD_DEBUG_UNLOCK_TOKEN),
                EnumSet.of(PROD_DEBUG_UNLOCK_REQ, PROD_DEBUG_UNLOCK_TOKEN),
                EnumSet.of(PROD_DEBUG_UNLOCK_REQ, PROD_DEBUG_UNLOCK_TOKEN),
                EnumSet.noneOf(CommandId.class),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(ProdDebugUnlockReq.TYPE, ProdDebugUnlockToken.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return mailboxMappings(kind, Generation.V2);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind, Generation generation) {
        if (kind == DeviceKind.CALIPTRA_CORE && generation == Generation.V1) {
            return List.of(); // PRODUCTION_AUTH_DEBUG_UNLOCK_REQ/_TOKEN are 2.x commands
        }
        return switch (kind) {
            case MCU -> List.of(
                    CodecMailboxMapping.of(ProdDebugUnlockReq.TYPE, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ,
                            q -> UnlockRequest.of(q.unlockLevel()),
                            (fips, c) -> new UnlockChallenge(fips, c.length(), c.uniqueDeviceIdentifier(), c.challenge())),
                    CodecMailboxMapping.of(ProdDebugUnlockToken.TYPE, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN,
                            ProdDebugUnlockToken::token, (fips, none) -> new StatusResponse(fips)));
            case CALIPTRA_CORE -> List.of(
                    CodecMailboxMapping.of(ProdDebugUnlockReq.TYPE, DebugUnlockCommands.PRODUCTION_AUTH_DEBUG_UNLOCK_REQ,
                            q -> ProductionAuthDebugUnlockRequest.of(q.unlockLevel()),
                            (fips, c) -> new UnlockChallenge(fips, c.length(), c.uniqueDeviceIdentifier(), c.challenge())),
                    CodecMailboxMapping.of(ProdDebugUnlockToken.TYPE, DebugUnlockCommands.PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN,
                            q -> toCore(q.token()), (fips, none) -> new StatusResponse(fips)));
        };
    }

    /** The token's fields after its checksum; the ML-DSA signature without the slot's padding byte. */
    static ProductionAuthDebugUnlockToken toCore(UnlockToken t) {
        return new ProductionAuthDebugUnlockToken(t.length(), t.uniqueDeviceIdentifier(), t.unlockLevel(), t.reserved(), t.challenge(),
                t.eccPublicKey(), t.mldsaPublicKey(), t.eccSignature(), t.mldsaSignature().slice(0, CryptoSizes.MLDSA87_SIGNATURE));
    }
}
