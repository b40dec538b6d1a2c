package org.caliptra.util.emulator.mcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.AuthChallengeRequest;
import org.caliptra.util.protocol.regs.MciRegs;

/** A SoC agent sending MC_* commands through the device's MCI mailbox 0, as the host library's mailbox transport does. */
final class SubsystemClient {
    private final CaliptraDevice device;

    SubsystemClient(CaliptraDevice device) {
        this.device = device;
    }

    CaliptraDevice device() {
        return device;
    }

    MailboxReply raw(int command, byte[] fields) {
        return device.execute(command, MailboxChecksum.seal(command, fields));
    }

    <Q, R> R call(CommandCodec<Q, R> codec, Q request) {
        var reply = raw(codec.code(), codec.encodeRequest(request));
        byte[] frame = assertInstanceOf(MailboxReply.Data.class, reply, codec.name() + ": " + reply).bytes();
        return codec.decodeResponse(MailboxFrame.openResponse(frame, codec.name()).fields());
    }

    /** Sends the request, expects CMD_FAILURE with {@code expected}, and checks MCI FW_ERROR_NON_FATAL names it too. */
    <Q, R> void fails(CaliptraError expected, CommandCodec<Q, R> codec, Q request) {
        failsRaw(expected, codec.code(), codec.encodeRequest(request), codec.name());
    }

    void failsRaw(CaliptraError expected, int command, byte[] fields, String what) {
        var reply = raw(command, fields);
        assertEquals(new MailboxReply.Failure(expected.code()), reply, what + " should fail with " + expected.describe());
        assertEquals(expected.code(), device.read32(device.config().mciBase() + MciRegs.FW_ERROR_NON_FATAL), "MCI FW_ERROR_NON_FATAL");
    }

    Octets challenge() {
        return call(McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE, AuthChallengeRequest.DEFAULT).challenge();
    }

    /**
     * The pre-image both signatures cover, built here from the wire bytes rather than by the
     * protocol module's helper: {@code BE(command code) ‖ the fields after the checksum ‖ nonce}.
     */
    static <Q> byte[] preImage(CommandCodec<Authorized<Q>, ?> codec, Q fields, Octets nonce) {
        byte[] body = codec.encodeRequest(Authorized.bare(fields));
        return ByteBuffer.allocate(4 + body.length + nonce.length()).putInt(codec.code()).put(body).put(nonce.toByteArray()).array();
    }

    static <Q> Authorized<Q> signed(CommandCodec<Authorized<Q>, ?> codec, Q fields, HybridKeys keys, Octets nonce) {
        return withSignature(fields, keys, nonce, keys.signAuthorized(preImage(codec, fields, nonce)));
    }

    static <Q> Authorized<Q> withSignature(Q fields, HybridKeys keys, Octets nonce, HybridSignature signature) {
        return Authorized.signed(fields, new Trailer(nonce, keys.x(), keys.y(), keys.mldsaPublic(), signature));
    }

    /** A fresh challenge, the command signed over it, sent. */
    <Q, R> R authorized(CommandCodec<Authorized<Q>, R> codec, Q fields, HybridKeys keys) {
        return call(codec, signed(codec, fields, keys, challenge()));
    }

    <Q, R> void authorizedFails(CaliptraError expected, CommandCodec<Authorized<Q>, R> codec, Q fields, HybridKeys keys) {
        fails(expected, codec, signed(codec, fields, keys, challenge()));
    }
}
