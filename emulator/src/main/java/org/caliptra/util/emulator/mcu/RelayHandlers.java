package org.caliptra.util.emulator.mcu;

import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mcu.McForwarding;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_BUFFER_TOO_SMALL;

/**
 * The MC_* commands the MCU relays to the Caliptra core (McForwarding: the cryptographic mailbox
 * aliases, ECDSA384 and LMS signature verify, the FIPS self test): the request bytes after the
 * checksum go to the core under its own code, checksummed for it, and whatever the core answers —
 * fields and fips_status, or its error code — is the MCU's answer (caliptra-mcu-sw
 * {@code handle_crypto_passthrough}). The MCU does not read the fields: a malformed request is the
 * core's to refuse, with the core's error, whatever phase the core is in (a core still in its ROM
 * answers only what the 2.x ROM serves, and the ROM's errors are fatal to it).
 */
final class RelayHandlers implements CommandTable.CommandFamily {
    /** Any length: the core judges the fields. */
    private static final Codec<Octets> OPAQUE = Codec.variable(0, 1 << 20, (v, out) -> out.bytes(v), in -> in.rest("fields"));

    private final CoreLink core;
    private final int maxResponseFields;

    /** @param maxResponseFields what fits the MCU mailbox after the response header */
    RelayHandlers(CoreLink core, int maxResponseFields) {
        this.core = core;
        this.maxResponseFields = maxResponseFields;
    }

    @Override
    public void register(CommandTable.Builder table) {
        McForwarding.all().forEach((mc, twin) -> table.add(CommandCodec.of(mc, OPAQUE, OPAQUE), (fields, requester) -> {
            byte[] answer = core.relay(twin, fields.toByteArray());
            if (answer.length > maxResponseFields) {
                throw CommandFailure.of(MCU_MBOX_BUFFER_TOO_SMALL, String.format("%s: the core's %d-byte answer exceeds the %d bytes"
                        + " the MCU mailbox holds", mc.name(), answer.length, maxResponseFields));
            }
            return Octets.of(answer);
        }));
    }
}
