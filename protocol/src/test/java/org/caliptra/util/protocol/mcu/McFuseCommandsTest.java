package org.caliptra.util.protocol.mcu;

import static org.caliptra.util.protocol.codec.CodecChecks.assertArgumentError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertProtocolError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.fill;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.caliptra.util.protocol.codec.CodecChecks.octets;
import static org.caliptra.util.protocol.codec.CodecChecks.putU32;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseReadData;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseReadRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseWriteRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.KeyType;
import org.caliptra.util.protocol.mcu.McFuseCommands.OwnerPkHashRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.PartitionRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.RevokeVendorPkHashRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.RevokeVendorPubKeyRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.RuntimeFuseReadData;
import org.caliptra.util.protocol.mcu.McFuseCommands.VendorPkHashRequest;
import org.junit.jupiter.api.Test;

class McFuseCommandsTest {
    private static final int T = 7460; // the authorization trailer

    /** Each authorized command and the size of its own fields. */
    private static final Map<CommandCodec<?, ?>, Integer> FIELDS = Map.of(
            McFuseCommands.MC_FUSE_READ, 4 + 4, // partition, entry
            McFuseCommands.MC_FUSE_READ_RUNTIME, 4 + 4,
            McFuseCommands.MC_FUSE_WRITE, 4 + 4 + 4, // word_addr, data, mask
            McFuseCommands.MC_FUSE_LOCK_PARTITION, 4, // partition
            McFuseCommands.MC_PROVISION_VENDOR_PK_HASH, 4 + 48, // slot, hash[48]
            McFuseCommands.MC_PROVISION_OWNER_PK_HASH, 48, // hash[48]
            McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN, 4 + 4, // flags, svn
            McFuseCommands.MC_FE_PROG, 4, // partition
            McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY, 4 * 4, // reserved, vendor_pk_hash_slot, key_type, key_index
            McFuseCommands.MC_FUSE_REVOKE_VENDOR_PK_HASH, 4 + 4); // reserved, vendor_pk_hash_slot

    @Test
    void requestSizesAreTheFieldsWithOrWithoutTheTrailer() {
        FIELDS.forEach((codec, fields) -> assertSizes(codec.request(), fields, fields + T));
        // hostlib §2.3's internal sizes with T: PVPK 7512, POPK 7508, MCMS 7468, MRVK 7476, RVKH 7468, IFPK/MCFP 7464
        assertEquals(7512, McFuseCommands.MC_PROVISION_VENDOR_PK_HASH.request().maxSize());
        assertEquals(7508, McFuseCommands.MC_PROVISION_OWNER_PK_HASH.request().maxSize());
        assertEquals(7476, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY.request().maxSize());
        assertEquals(7464, McFuseCommands.MC_FUSE_LOCK_PARTITION.request().maxSize());
    }

    @Test
    void responseSizes() {
        // length_bits, then whole words of data, at most 128 words
        assertSizes(McFuseCommands.MC_FUSE_READ.response(), 4, 4 + 128 * 4);
        // the runtime's whole buffer: data_len, length_bits, data[128]
        assertSizes(McFuseCommands.MC_FUSE_READ_RUNTIME.response(), 4 + 4 + 128, 136);
        FIELDS.keySet().stream().filter(c -> c.response() == NoFields.CODEC)
                .forEach(c -> assertSizes(c.response(), 0, 0));
        assertEquals(8, FIELDS.keySet().stream().filter(c -> c.response() == NoFields.CODEC).count());
    }

    @Test
    void requestsSurviveRandomBytesWithAndWithoutTrailer() {
        long seed = 61;
        for (var entry : FIELDS.entrySet()) {
            randomBytesSurvive(entry.getKey().request(), entry.getValue(), seed++);
            randomBytesSurvive(entry.getKey().request(), entry.getValue() + T, seed++);
        }
        randomBytesSurvive(McFuseCommands.MC_FUSE_READ_RUNTIME.response(), 136, seed);
    }

    @Test
    void fuseReadVectors() {
        // The MCU ROM takes the bare request: IFPR 0x49+0x46+0x50+0x52 = 0x131, + 5 + 2 = 0x138.
        byte[] request = McFuseCommands.MC_FUSE_READ.encodeRequest(Authorized.bare(new FuseReadRequest(5, 2)));
        assertArrayEquals(hex("C8FEFFFF 05000000 02000000"), MailboxFrame.sealRequest(McCommand.MC_FUSE_READ.code(), request));

        var read = new FuseReadData(64, octets("0102030405060708"));
        byte[] fields = McFuseCommands.MC_FUSE_READ.encodeResponse(read);
        assertArrayEquals(hex("40000000 0102030405060708"), fields);
        assertEquals(read, McFuseCommands.MC_FUSE_READ.decodeResponse(fields));
        // 24 valid bits still travel as one whole word
        assertEquals(new FuseReadData(24, octets("AABBCC00")), McFuseCommands.MC_FUSE_READ.decodeResponse(hex("18000000 AABBCC00")));
        assertEquals(new FuseReadData(0, Octets.zeros(0)), McFuseCommands.MC_FUSE_READ.decodeResponse(hex("00000000")));
        var full = new FuseReadData(4096, fill(0xEE, 512));
        assertEquals(full, McFuseCommands.MC_FUSE_READ.decodeResponse(McFuseCommands.MC_FUSE_READ.encodeResponse(full)));
    }

    @Test
    void runtimeFuseReadSendsItsWholeBuffer() {
        byte[] data = new byte[128];
        data[0] = 1;
        data[3] = 4;
        var read = new RuntimeFuseReadData(0, 32, Octets.of(data));
        byte[] fields = McFuseCommands.MC_FUSE_READ_RUNTIME.encodeResponse(read);
        assertArrayEquals(hex("00000000 20000000 01000004" + "00".repeat(124)), fields);
        assertEquals(read, McFuseCommands.MC_FUSE_READ_RUNTIME.decodeResponse(fields));
        assertArgumentError("data", () -> new RuntimeFuseReadData(0, 32, Octets.zeros(4)));
    }

    @Test
    void fuseReadRefusesInconsistentLengths() {
        var codec = McFuseCommands.MC_FUSE_READ;
        assertProtocolError(() -> codec.decodeResponse(putU32(new byte[4], 0, 4097)), "MC_FUSE_READ response",
                "field 'length_bits' at offset 0 is 4097, at most 4096");
        assertProtocolError(() -> codec.decodeResponse(hex("40000000 01020304")), "MC_FUSE_READ response",
                "field 'length_bits' at offset 0 is 64, which takes 8 bytes of data, but 4 bytes follow");
        assertProtocolError(() -> codec.decodeResponse(hex("20000000 0102030405060708")), "MC_FUSE_READ response",
                "field 'length_bits'", "takes 4 bytes of data, but 8 bytes follow");
        assertProtocolError(() -> codec.decodeRequest(new byte[8 + 100]), "MC_FUSE_READ request",
                "field 'authorization' at offset 8 is 100 bytes");
        assertProtocolError(() -> codec.decodeRequest(new byte[7]), "MC_FUSE_READ request: 7 bytes, expected 8 to 7468");
        assertArgumentError("data", () -> new FuseReadData(64, Octets.zeros(4)));
        assertArgumentError("length_bits", () -> new FuseReadData(4097, Octets.zeros(516)));
    }

    @Test
    void writeAndProvisioningVectors() {
        assertArrayEquals(hex("10000000 01000000 FEFFFFFF"), McFuseCommands.MC_FUSE_WRITE.encodeRequest(
                Authorized.bare(new FuseWriteRequest(0x10, 1, 0xFFFF_FFFE))));
        assertArrayEquals(hex("02000000" + "AB".repeat(48)), McFuseCommands.MC_PROVISION_VENDOR_PK_HASH.encodeRequest(
                Authorized.bare(new VendorPkHashRequest(2, fill(0xAB, 48)))));
        assertArrayEquals(hex("A5".repeat(48)), McFuseCommands.MC_PROVISION_OWNER_PK_HASH.encodeRequest(
                Authorized.bare(new OwnerPkHashRequest(fill(0xA5, 48)))));
        // The device, not the codec, refuses an all-zero owner hash.
        assertEquals(new OwnerPkHashRequest(Octets.zeros(48)),
                McFuseCommands.MC_PROVISION_OWNER_PK_HASH.decodeRequest(new byte[48]).command());
        assertArrayEquals(hex("00000000 03000000"), McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN.encodeRequest(
                Authorized.bare(new McFuseCommands.MinSvnRequest(0, 3))));
        assertArrayEquals(hex("00000000 01000000 02000000 05000000"), McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY.encodeRequest(
                Authorized.bare(RevokeVendorPubKeyRequest.of(1, KeyType.MLDSA87, 5))));
        assertArrayEquals(hex("00000000 03000000"), McFuseCommands.MC_FUSE_REVOKE_VENDOR_PK_HASH.encodeRequest(
                Authorized.bare(RevokeVendorPkHashRequest.of(3))));
        assertArrayEquals(hex("07000000"), McFuseCommands.MC_FUSE_LOCK_PARTITION.encodeRequest(
                Authorized.bare(new PartitionRequest(7))));
        assertEquals(Optional.of(KeyType.LMS), new RevokeVendorPubKeyRequest(0, 0, 1, 0).type());
        assertEquals(Optional.empty(), new RevokeVendorPubKeyRequest(0, 0, 3, 0).type());
    }

    @Test
    void signedRequestsCarryTheTrailerAfterTheFields() {
        Trailer trailer = McAuthorizationTest.markedTrailer();
        var signed = Authorized.signed(new VendorPkHashRequest(0, fill(0x99, 48)), trailer);
        byte[] wire = McFuseCommands.MC_PROVISION_VENDOR_PK_HASH.encodeRequest(signed);
        assertEquals(52 + T, wire.length);
        assertEquals((byte) 0x99, wire[51]);
        assertEquals(1, wire[52]); // the nonce starts right after the hash
        assertEquals(signed, McFuseCommands.MC_PROVISION_VENDOR_PK_HASH.decodeRequest(wire));
    }

    @Test
    void headerOnlyResponsesRefuseFields() {
        assertProtocolError(() -> McFuseCommands.MC_FUSE_WRITE.decodeResponse(new byte[4]), "MC_FUSE_WRITE response: 4 bytes, expected exactly 0");
        assertProtocolError(() -> McFuseCommands.MC_FUSE_READ_RUNTIME.decodeResponse(new byte[135]),
                "MC_FUSE_READ response: 135 bytes, expected exactly 136");
        assertArgumentError("hash", () -> new VendorPkHashRequest(0, Octets.zeros(32)));
        assertArgumentError("hash", () -> new OwnerPkHashRequest(Octets.zeros(64)));
    }
}
