package org.caliptra.util.cbinding;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.caliptra.util.host.transport.mailbox.MailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxException;
import org.caliptra.util.host.transport.mailbox.MailboxException.Kind;

/**
 * A {@link MailboxDriver} that is a C program's {@code CMailboxDriver}: the transaction's command code
 * and SRAM payload (checksum first) go to its vtable's {@code send_command}, which points the library
 * at the raw SRAM response; framing and both checksums are the {@code MailboxTransport}'s, as in
 * the reference. The driver is the caller's and must outlive the transport; its vtable pointer is
 * read at every call (the reference does the same), nothing else of it is touched.
 *
 * <p>Calls run on the thread that called the library, for the reasons given on {@link CVTableTransport}.
 */
final class CMailboxDriverAdapter implements MailboxDriver {
    /**
     * The most response bytes taken from a driver: far above any mailbox response (the largest, a
     * GetAttestation, is 7192), so a driver that reports a wild length fails instead of making the
     * library copy it.
     */
    static final long MAX_RESPONSE = 64 * 1024;

    private final Pointer driver;
    private final CStructs.MailboxDriver layout;
    private final Memory out = new Memory(Native.POINTER_SIZE + Native.SIZE_T_SIZE);

    private CMailboxDriverAdapter(Pointer driver) {
        this.driver = driver;
        this.layout = new CStructs.MailboxDriver(driver);
    }

    /** @throws IllegalArgumentException when the driver has no vtable or a NULL function in it */
    static CMailboxDriverAdapter of(Pointer driver) {
        var adapter = new CMailboxDriverAdapter(driver);
        adapter.vtable();
        return adapter;
    }

    private CStructs.MailboxDriverVTable vtable() {
        Pointer vt = layout.currentVTable();
        if (vt == null) {
            throw new IllegalArgumentException("CMailboxDriver.vtable is NULL");
        }
        var table = new CStructs.MailboxDriverVTable(vt);
        CCalls.function(table.send_command, "CMailboxDriverVTable.send_command");
        CCalls.function(table.is_ready, "CMailboxDriverVTable.is_ready");
        CCalls.function(table.connect, "CMailboxDriverVTable.connect");
        CCalls.function(table.disconnect, "CMailboxDriverVTable.disconnect");
        return table;
    }

    private Function call(Pointer p, String what) {
        return CCalls.function(p, what);
    }

    @Override
    public String name() {
        return "c-driver";
    }

    @Override
    public byte[] sendCommand(int externalCommand, byte[] payload) {
        Function send = call(vtable().send_command, "CMailboxDriverVTable.send_command");
        Memory request = CCalls.copy(payload);
        out.setPointer(0, null);
        CCalls.writeSize(out, Native.POINTER_SIZE, 0);
        Pointer lengthOut = out.share(Native.POINTER_SIZE);
        int rc = send.invokeInt(new Object[] {driver, externalCommand, request, CCalls.size(payload.length), out, lengthOut});
        String what = String.format("C mailbox driver: send_command 0x%08X", externalCommand);
        if (rc != CError.SUCCESS.code) {
            String message = what + " returned " + CError.name(rc);
            throw switch (CError.fromCode(rc)) {
                case NOT_SUPPORTED -> new MailboxException(Kind.INVALID_COMMAND, message);
                case TIMEOUT -> new MailboxException(Kind.TIMEOUT, message);
                case BUSY -> new MailboxException(Kind.BUSY, message);
                case STATE -> new MailboxException(Kind.NOT_READY, message);
                case MEMORY -> new MailboxException(Kind.BUFFER_OVERFLOW, message);
                case DEVICE -> MailboxException.deviceError(0);
                default -> new MailboxException(Kind.COMMUNICATION_ERROR, message);
            };
        }
        Pointer response = out.getPointer(0);
        long length = CCalls.readSize(out, Native.POINTER_SIZE);
        if (response == null || length == 0) {
            throw new MailboxException(Kind.COMMUNICATION_ERROR, what + " returned Success without a response");
        }
        if (length < 0 || length > MAX_RESPONSE) {
            throw new MailboxException(Kind.BUFFER_OVERFLOW, what + " returned a response of " + Long.toUnsignedString(length)
                    + " bytes; no mailbox response exceeds " + MAX_RESPONSE);
        }
        return response.getByteArray(0, (int) length);
    }

    @Override
    public boolean isReady() {
        return CCalls.bool(call(vtable().is_ready, "CMailboxDriverVTable.is_ready"), driver);
    }

    @Override
    public boolean callsAreSelfBounded() {
        return true;
    }

    @Override
    public void connect() {
        int rc = call(vtable().connect, "CMailboxDriverVTable.connect").invokeInt(new Object[] {driver});
        if (rc != CError.SUCCESS.code) {
            throw new MailboxException(Kind.NOT_READY, "C mailbox driver: connect returned " + CError.name(rc));
        }
    }

    @Override
    public void disconnect() {
        int rc = call(vtable().disconnect, "CMailboxDriverVTable.disconnect").invokeInt(new Object[] {driver});
        if (rc != CError.SUCCESS.code) {
            throw new MailboxException(Kind.COMMUNICATION_ERROR, "C mailbox driver: disconnect returned " + CError.name(rc));
        }
    }
}
