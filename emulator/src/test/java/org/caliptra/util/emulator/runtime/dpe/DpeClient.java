package org.caliptra.util.emulator.runtime.dpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxCommandException;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.DpeCommands;
import org.caliptra.util.protocol.dpe.DpeFrame;
import org.caliptra.util.protocol.dpe.DpeProfile;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DpeCommand;
import org.caliptra.util.protocol.dpe.DpeStatus;

/** A test's DPE client: profile commands framed as caliptra-dpe frames them and sent through INVOKE_DPE. */
record DpeClient(MailboxPort port, Generation generation) {
    /** The DPE response to {@code frame}. */
    DpeFrame.Response invoke(byte[] frame) {
        var response = port.call(DpeCommands.invokeDpeEcc384(generation), new DpeCommands.InvokeDpeRequest(Octets.of(frame)));
        var opened = DpeFrame.openResponse(response.bytes().toByteArray());
        assertEquals(DpeProfile.P384_SHA384.value(), opened.profile(), "response profile");
        return opened;
    }

    static <Q> byte[] frame(DpeCommand<Q, ?> command, Q request) {
        return DpeFrame.command(command.id(), DpeProfile.P384_SHA384, command.request().encode(request));
    }

    <Q, R> R call(DpeCommand<Q, R> command, Q request) {
        var r = invoke(frame(command, request));
        assertEquals(0, r.status(), () -> command.name() + ": " + DpeStatus.describe(r.status()));
        return command.decodeResponse(r.body());
    }

    /** The DPE status of a command that fails inside DPE (a bare header). */
    <Q> int status(DpeCommand<Q, ?> command, Q request) {
        var r = invoke(frame(command, request));
        assertEquals(0, r.body().length, "a failed command answers with the header alone");
        return r.status();
    }

    /** The mailbox error of INVOKE_DPE when the runtime refuses the command before DPE answers. */
    int mailboxError(byte[] frame) {
        try {
            port.call(DpeCommands.invokeDpeEcc384(generation), new DpeCommands.InvokeDpeRequest(Octets.of(frame)));
        } catch (MailboxCommandException e) {
            return assertInstanceOf(MailboxReply.Failure.class, e.reply()).errorCode();
        }
        throw new AssertionError("INVOKE_DPE succeeded");
    }

    static int mailboxError(Runnable call) {
        try {
            call.run();
        } catch (MailboxCommandException e) {
            return assertInstanceOf(MailboxReply.Failure.class, e.reply()).errorCode();
        }
        throw new AssertionError("the command succeeded");
    }
}
