package org.caliptra.util.protocol.mcu;

import static org.caliptra.util.protocol.codec.CodecChecks.assertArgumentError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertProtocolError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.fill;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.caliptra.util.protocol.codec.CodecChecks.putU32;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotLock;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotRequest;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotResponse;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotRotate;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotStatus;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotSubcommand;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotTransition;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotUnlock;
import org.junit.jupiter.api.Test;

class McOwnershipCommandsTest {
    private static final int T = 7460; // the authorization trailer
    private static final int KEYS = 48 + 48 + 2592; // ECC X, ECC Y, ML-DSA-87 public key
    private static final int SIG = 48 + 48 + 4628; // HybridSignature

    /** Each typed codec, its subcommand, its request size after the FourCC (without trailer) and its response size. */
    private record Layout(DotSubcommand sub, int payload, int response) {}

    private static final Map<CommandCodec<?, ?>, Layout> LAYOUTS = new LinkedHashMap<>();

    static {
        LAYOUTS.put(McOwnershipCommands.DOT_LOCK, new Layout(DotSubcommand.LOCK, 48 + 48, 4)); // cak, lak_hash -> reset_required
        LAYOUTS.put(McOwnershipCommands.DOT_DISABLE, new Layout(DotSubcommand.DISABLE, 48, 4)); // lak_hash
        LAYOUTS.put(McOwnershipCommands.DOT_ROTATE, new Layout(DotSubcommand.ROTATE, 4 + 48 + 48, 4)); // min_fuse_count, cak, lak_hash
        LAYOUTS.put(McOwnershipCommands.DOT_GET_BACKUP_BLOB, new Layout(DotSubcommand.GET_BACKUP_BLOB, 0, 168)); // -> blob[168]
        LAYOUTS.put(McOwnershipCommands.DOT_UNLOCK_CHALLENGE, new Layout(DotSubcommand.UNLOCK_CHALLENGE, 0, 48)); // -> challenge
        LAYOUTS.put(McOwnershipCommands.DOT_UNLOCK, new Layout(DotSubcommand.UNLOCK, KEYS + SIG, 4));
        LAYOUTS.put(McOwnershipCommands.DOT_STATUS, new Layout(DotSubcommand.STATUS, 0, 1 + 1 + 2)); // enabled, locked, burned
        LAYOUTS.put(McOwnershipCommands.DOT_RECOVERY, new Layout(DotSubcommand.RECOVERY, 168, 4)); // blob[168]
        LAYOUTS.put(McOwnershipCommands.DOT_OVERRIDE_CHALLENGE, new Layout(DotSubcommand.OVERRIDE_CHALLENGE, KEYS, 48));
        LAYOUTS.put(McOwnershipCommands.DOT_OVERRIDE, new Layout(DotSubcommand.OVERRIDE, KEYS + SIG, 4));
    }

    @Test
    void everySubcommandHasATypedLayoutOfTheSpecSizes() {
        assertEquals(DotSubcommand.values().length, LAYOUTS.size());
        LAYOUTS.forEach((codec, layout) -> {
            DotSubcommand sub = layout.sub();
            assertEquals(McCommand.MC_DEVICE_OWNERSHIP_TRANSFER.code(), codec.code());
            assertEquals("MC_DEVICE_OWNERSHIP_TRANSFER/" + sub.mnemonic(), codec.name());
            assertEquals(layout.payload(), sub.payloadSize(), sub.mnemonic());
            assertEquals(layout.response(), sub.responseSize(), sub.mnemonic());
            assertSizes(codec.request(), 4 + layout.payload(), 4 + layout.payload() + (sub.authorized() ? T : 0));
            assertSizes(codec.response(), layout.response(), layout.response());
        });
        // hostlib §2.3 internal sizes with T, less the FourCC the mailbox adds: DotLock 7556, DotRotate 7560,
        // GetDotBackupBlob 7460; DotUnlock and DotOverride 7412 without.
        assertEquals(4 + 7556, McOwnershipCommands.DOT_LOCK.request().maxSize());
        assertEquals(4 + 7560, McOwnershipCommands.DOT_ROTATE.request().maxSize());
        assertEquals(4 + 7460, McOwnershipCommands.DOT_GET_BACKUP_BLOB.request().maxSize());
        assertEquals(4 + 7412, McOwnershipCommands.DOT_UNLOCK.request().maxSize());
    }

    @Test
    void envelopeSizes() {
        // subcommand, then the largest payload: MDRT's 100 bytes and its trailer
        assertSizes(McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.request(), 4, 4 + 100 + T);
        // reset_required or status (4), challenge (48), backup blob (168)
        assertSizes(McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.response(), 4, 168);
    }

    @Test
    void subcommandCodesAreTheFourCcs() {
        assertEquals(0x4D44_4C4B, DotSubcommand.LOCK.code());
        assertEquals(0x4D44_4453, DotSubcommand.DISABLE.code());
        assertEquals(0x4D44_5254, DotSubcommand.ROTATE.code());
        assertEquals(0x4D44_4242, DotSubcommand.GET_BACKUP_BLOB.code());
        assertEquals(0x4D44_5543, DotSubcommand.UNLOCK_CHALLENGE.code());
        assertEquals(0x4D44_554C, DotSubcommand.UNLOCK.code());
        assertEquals(0x4D44_5354, DotSubcommand.STATUS.code());
        assertEquals(0x4D44_5243, DotSubcommand.RECOVERY.code());
        assertEquals(0x444F_5457, DotSubcommand.OVERRIDE_CHALLENGE.code());
        assertEquals(0x444F_5458, DotSubcommand.OVERRIDE.code());
        assertEquals(Optional.of(DotSubcommand.STATUS), DotSubcommand.fromCode(0x4D44_5354));
        assertEquals(Optional.empty(), DotSubcommand.fromCode(0x11));
    }

    @Test
    void typedLayoutsSurviveRandomBytes() {
        long seed = 71;
        for (var entry : LAYOUTS.entrySet()) {
            DotSubcommand sub = entry.getValue().sub();
            int size = 4 + entry.getValue().payload();
            randomBytesSurvive(entry.getKey().request(), size, seed++, b -> putU32(b, 0, sub.code()));
            if (sub.authorized()) {
                randomBytesSurvive(entry.getKey().request(), size + T, seed++, b -> putU32(b, 0, sub.code()));
            }
            randomBytesSurvive(entry.getKey().response(), entry.getValue().response(), seed++);
        }
    }

    @Test
    void statusVectors() {
        // hostlib §3.1: cmd 0x11, SRAM = checksum ‖ "MDST" little-endian
        byte[] request = McOwnershipCommands.DOT_STATUS.encodeRequest(NoFields.INSTANCE);
        assertArrayEquals(hex("B7FEFFFF 5453444D"), MailboxFrame.sealRequest(McCommand.MC_DEVICE_OWNERSHIP_TRANSFER.code(), request));
        assertEquals(new DotRequest(DotSubcommand.STATUS, Octets.zeros(0)),
                McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.decodeRequest(request));
        byte[] fields = hex("01 00 0201");
        DotResponse envelope = McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.decodeResponse(fields);
        assertEquals(new DotStatus(1, 0, 0x0102), McOwnershipCommands.DOT_STATUS.decodeResponse(envelope.fields().toByteArray()));
        assertArrayEquals(fields, McOwnershipCommands.DOT_STATUS.encodeResponse(new DotStatus(1, 0, 0x0102)));
    }

    @Test
    void lockVectorAndItsSignedPreImage() {
        var lock = new DotLock(fill(0xCA, 48), fill(0x1A, 48));
        byte[] bare = McOwnershipCommands.DOT_LOCK.encodeRequest(Authorized.bare(lock));
        assertArrayEquals(hex("4B4C444D" + "CA".repeat(48) + "1A".repeat(48)), bare);
        // external_mailbox_cmds.md: 0x00000011 (BE) ‖ DOT FourCC (LE) ‖ payload ‖ nonce
        assertArrayEquals(hex("00000011 4B4C444D" + "CA".repeat(48) + "1A".repeat(48) + "EE".repeat(48)),
                McAuthorization.preImage(McOwnershipCommands.DOT_LOCK, lock, fill(0xEE, 48)));
        assertArrayEquals(hex("00000000"), McOwnershipCommands.DOT_LOCK.encodeResponse(new DotTransition(0)));
    }

    @Test
    void envelopeCarriesTypedRequestsUnchanged() {
        var rotate = Authorized.signed(new DotRotate(3, fill(1, 48), fill(2, 48)), McAuthorizationTest.markedTrailer());
        byte[] wire = McOwnershipCommands.DOT_ROTATE.encodeRequest(rotate);
        assertEquals(4 + 100 + T, wire.length);
        DotRequest envelope = McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.decodeRequest(wire);
        assertEquals(DotSubcommand.ROTATE, envelope.subcommand());
        assertEquals(Octets.of(Arrays.copyOfRange(wire, 4, wire.length)), envelope.payload());
        assertArrayEquals(wire, McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.encodeRequest(envelope));
        assertEquals(rotate, McOwnershipCommands.DOT_ROTATE.decodeRequest(wire));

        var unlock = new DotUnlock(fill(1, 48), fill(2, 48), fill(3, 2592),
                new HybridSignature(fill(4, 48), fill(5, 48), fill(6, 4628)));
        byte[] unlockWire = McOwnershipCommands.DOT_UNLOCK.encodeRequest(unlock);
        assertEquals(DotSubcommand.UNLOCK, McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.decodeRequest(unlockWire).subcommand());
        assertEquals(unlock, McOwnershipCommands.DOT_UNLOCK.decodeRequest(unlockWire));
    }

    @Test
    void refusesWrongSubcommandsAndPayloads() {
        assertProtocolError(() -> McOwnershipCommands.DOT_STATUS.decodeRequest(hex("4B4C444D")),
                "MC_DEVICE_OWNERSHIP_TRANSFER/MDST request: field 'subcommand' at offset 0 is 0x4D444C4B (MDLK), expected 0x4D445354 (MDST)");
        assertProtocolError(() -> McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.decodeRequest(hex("41414141")),
                "MC_DEVICE_OWNERSHIP_TRANSFER request: field 'subcommand' at offset 0 is 0x41414141 (AAAA), not a DOT subcommand");
        assertProtocolError(() -> McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.decodeRequest(hex("4B4C444D" + "00".repeat(95))),
                "MC_DEVICE_OWNERSHIP_TRANSFER request: field 'payload' at offset 4 is 95 bytes; MDLK takes 96 or 7556");
        // a native subcommand takes no trailer
        assertProtocolError(() -> McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.decodeRequest(
                putU32(new byte[4 + T], 0, DotSubcommand.STATUS.code())),
                "MC_DEVICE_OWNERSHIP_TRANSFER request: field 'payload' at offset 4 is 7460 bytes; MDST takes 0");
        assertProtocolError(() -> McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.decodeRequest(hex("544453")),
                "MC_DEVICE_OWNERSHIP_TRANSFER request: 3 bytes, expected 4 to 7564");
        assertProtocolError(() -> McOwnershipCommands.MC_DEVICE_OWNERSHIP_TRANSFER.decodeResponse(new byte[5]),
                "MC_DEVICE_OWNERSHIP_TRANSFER response: field 'fields' at offset 0 are 5 bytes");
        assertProtocolError(() -> McOwnershipCommands.DOT_RECOVERY.decodeRequest(putU32(new byte[171], 0, DotSubcommand.RECOVERY.code())),
                "MC_DEVICE_OWNERSHIP_TRANSFER/MDRC request: 171 bytes, expected exactly 172");
        assertArgumentError("payload of MDST", () -> new DotRequest(DotSubcommand.STATUS, Octets.zeros(4)));
        assertArgumentError("locked", () -> new DotStatus(0, 256, 0));
        assertArgumentError("burned", () -> new DotStatus(0, 0, 0x10000));
        assertArgumentError("lak_hash", () -> new DotLock(fill(0, 48), fill(0, 32)));
        assertArgumentError("blob", () -> new McOwnershipCommands.DotRecovery(Octets.zeros(167)));
    }
}
