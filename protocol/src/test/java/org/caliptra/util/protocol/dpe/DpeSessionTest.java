package org.caliptra.util.protocol.dpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxCommandException;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.core.DpeCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertificateChainChunk;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.junit.jupiter.api.Test;

/**
 * The host's DPE client against a scripted device: the frames it sends, a DPE status as a typed
 * exception naming it, a runtime refusal as the mailbox failure, and the chain's paging.
 */
class DpeSessionTest {
    /** A device whose DPE answers each command frame with {@code dpe}'s response frame. */
    record ScriptedPort(Generation generation, Function<DpeFrame.Command, byte[]> dpe, List<DpeFrame.Command> seen)
            implements MailboxPort {
        ScriptedPort(Generation generation, Function<DpeFrame.Command, byte[]> dpe) {
            this(generation, dpe, new ArrayList<>());
        }

        @Override
        public MailboxReply execute(int command, byte[] request) {
            var codec = DpeCommands.invokeDpeEcc384(generation);
            assertEquals(codec.code(), command);
            var sent = codec.decodeRequest(MailboxFrame.openRequest(command, request, "INVOKE_DPE"));
            var opened = DpeFrame.openCommand(sent.data().toByteArray());
            seen.add(opened);
            byte[] answer = dpe.apply(opened);
            if (answer == null) {
                return new MailboxReply.Failure(0x000E_0027);
            }
            return new MailboxReply.Data(MailboxFrame.sealResponse(0, codec.encodeResponse(DpeCommands.DpeResponse.of(Octets.of(answer)))));
        }
    }

    static byte[] ok(byte[] body) {
        return DpeFrame.response(0, DpeProfile.P384_SHA384, body);
    }

    @Test
    void aDpeStatusIsATypedExceptionNamingTheCommandAndTheStatus() {
        var port = new ScriptedPort(Generation.V2, c -> DpeFrame.response(DpeStatus.INVALID_HANDLE.code(), DpeProfile.P384_SHA384,
                new byte[0]));
        var e = assertThrows(DpeStatusException.class, () -> new DpeSession(port, Generation.V2).sign(
                new DpeProfileCommands.SignRequest(ContextHandle.DEFAULT, Octets.zeros(48), 0, Octets.zeros(48))));
        assertEquals("SIGN: DPE answered INVALID_HANDLE (0x1000)", e.getMessage());
        assertEquals(DpeStatus.INVALID_HANDLE.code(), e.status());
        assertEquals(DpeProfileCommands.SIGN.id(), port.seen().get(0).commandId());
        assertEquals(DpeProfile.P384_SHA384.value(), port.seen().get(0).profile());
    }

    @Test
    void aRuntimeRefusalIsTheMailboxFailure() {
        var port = new ScriptedPort(Generation.V1, c -> null);
        var e = assertThrows(MailboxCommandException.class, () -> new DpeSession(port, Generation.V1).getProfile());
        assertEquals(new MailboxReply.Failure(0x000E_0027), e.reply());
    }

    @Test
    void aResponseOfAnotherProfileIsRefused() {
        var port = new ScriptedPort(Generation.V2, c -> DpeFrame.response(0, DpeProfile.MLDSA87,
                DpeProfileCommands.GET_PROFILE.response().encode(new DpeProfileCommands.Profile(0, 13, 1, 1, 64, 0))));
        var e = assertThrows(ProtocolException.class, () -> new DpeSession(port, Generation.V2).getProfile());
        assertEquals("GET_PROFILE response: profile 5, expected 4 (P384_SHA384)", e.getMessage());
    }

    @Test
    void theChainIsReadPageByPageUntilAShortPageOrThePlatformsEndOfChain() {
        for (int length : new int[] {100, 2048, 4096, 5000}) {
            byte[] chain = new byte[length];
            for (int i = 0; i < length; i++) {
                chain[i] = (byte) i;
            }
            var port = new ScriptedPort(Generation.V1, c -> {
                var q = DpeProfileCommands.GET_CERTIFICATE_CHAIN.decodeRequest(c.body());
                if (q.offset() >= chain.length) {
                    return DpeFrame.response(DpeStatus.PLATFORM_CERTIFICATE_CHAIN, DpeProfile.P384_SHA384, new byte[0]);
                }
                byte[] chunk = Arrays.copyOfRange(chain, q.offset(), Math.min(chain.length, q.offset() + q.size()));
                return ok(DpeProfileCommands.GET_CERTIFICATE_CHAIN.response().encode(new CertificateChainChunk(Octets.of(chunk))));
            });
            assertArrayEquals(chain, new DpeSession(port, Generation.V1).certificateChain(), "a " + length + "-byte chain");
            assertEquals(length / 2048 + 1, port.seen().size(), "pages read for " + length + " bytes");
        }
        var empty = new ScriptedPort(Generation.V1,
                c -> DpeFrame.response(DpeStatus.PLATFORM_CERTIFICATE_CHAIN, DpeProfile.P384_SHA384, new byte[0]));
        assertEquals(DpeStatus.PLATFORM_CERTIFICATE_CHAIN,
                assertThrows(DpeStatusException.class, () -> new DpeSession(empty, Generation.V1).certificateChain()).status(),
                "no chain at all is an error, not an empty chain");
    }

    @Test
    void aV1DeriveContextWithAnSvnIsRefusedBeforeSending() {
        var port = new ScriptedPort(Generation.V1, c -> ok(new byte[32]));
        var session = new DpeSession(port, Generation.V1);
        assertThrows(IllegalArgumentException.class, () -> session.deriveContext(
                new DeriveContextRequest(ContextHandle.DEFAULT, Octets.zeros(48), 0, 0, 0, 1)));
        assertThrows(IllegalArgumentException.class, () -> session.deriveContext(
                new DeriveContextRequest(ContextHandle.DEFAULT, Octets.zeros(48), DeriveContextRequest.EXPORT_CDI, 0, 0, 0)));
        assertEquals(0, port.seen().size());
        session.deriveContext(new DeriveContextRequest(ContextHandle.DEFAULT, Octets.zeros(48), 0, 0, 0, 0));
        assertEquals(76, port.seen().get(0).body().length, "1.x's request has no SVN");
    }
}
