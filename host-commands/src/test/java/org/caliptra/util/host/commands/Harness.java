package org.caliptra.util.host.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.InProcessMailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxFrame;

/** A session over a scripted mailbox port that records what the host sent. */
public final class Harness implements MailboxPort {
    /** One transaction: the command code and the SRAM bytes (checksum first). */
    public record Sent(int command, byte[] payload) {
        /** The request fields after the checksum, the checksum checked. */
        public byte[] fields() {
            return MailboxFrame.openRequest(command, payload, "request");
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Function<Sent, MailboxReply> answer;

    public Harness(Function<Sent, MailboxReply> answer) {
        this.answer = answer;
    }

    /** Answers every command with {@code fields} after a sealed header with fips_status 0. */
    public static Harness answering(byte[] fields) {
        return new Harness(s -> data(0, fields));
    }

    public static MailboxReply.Data data(int fips, byte[] fields) {
        return new MailboxReply.Data(MailboxFrame.sealResponse(fips, fields));
    }

    @Override
    public MailboxReply execute(int command, byte[] request) {
        var s = new Sent(command, request.clone());
        sent.add(s);
        return answer.apply(s);
    }

    public List<Sent> sent() {
        return sent;
    }

    public Sent last() {
        return sent.get(sent.size() - 1);
    }

    /** A connected session of the built-in catalogue's {@code kind} table over this port. */
    public CaliptraSession session(DeviceKind kind) {
        return session(CommandCatalog.builtIn(), kind);
    }

    /** A connected session of the built-in catalogue's table for a mailbox {@code route} (e.g. a 1.x core) over this port. */
    public CaliptraSession session(Route route) {
        var session = new CaliptraSession(new MailboxTransport(new InProcessMailboxDriver(this), CommandCatalog.builtIn().mailboxTable(route)));
        session.connect();
        return session;
    }

    public CaliptraSession session(CommandCatalog catalog, DeviceKind kind) {
        var session = new CaliptraSession(new MailboxTransport(new InProcessMailboxDriver(this), catalog.mailboxTable(kind)));
        session.connect();
        return session;
    }
}
