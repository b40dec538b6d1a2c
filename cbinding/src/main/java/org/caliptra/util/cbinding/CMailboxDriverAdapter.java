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

    /** Where the struct fields are, as {@link CStructs} lays them out: read once, then plain pointer reads per call. */
    private static final long VTABLE;
    private static final long SEND_COMMAND;
    private static final long IS_READY;
    private static final long CONNECT;
    private static final long DISCONNECT;

    static {
        var scratch = new Memory(64);
        VTABLE = new CStructs.MailboxDriver(scratch).offsetOf("vtable");
        var vt = new CStructs.MailboxDriverVTable(scratch);
        SEND_COMMAND = vt.offsetOf("send_command");
        IS_READY = vt.offsetOf("is_ready");
        CONNECT = vt.offsetOf("connect");
        DISCONNECT = vt.offsetOf("disconnect");
    }

    private final Pointer driver;
    private final Memory request = new Memory(CVTableTransport.SEND_BUFFER);
    private final Memory out = new Memory(Native.POINTER_SIZE + Native.SIZE_T_SIZE);

    private CMailboxDriverAdapter(Pointer driver) {
        this.driver = driver;
    }

    /** @throws IllegalArgumentException when the driver has no vtable or a NULL function in it */
    static CMailboxDriverAdapter of(Pointer driver) {
        var adapter = new CMailboxDriverAdapter(driver);
        for (long field : new long[] {SEND_COMMAND, IS_READY, CONNECT, DISCONNECT}) {
            adapter.call(field);
        }
        return adapter;
    }

    /** The function in the driver's current vtable at {@code field}. */
    private Function call(long field) {
        Pointer vt = driver.getPointer(VTABLE);
        if (vt == null) {
            throw new IllegalArgumentException("CMailboxDriver.vtable is NULL");
        }
        String name = field == SEND_COMMAND ? "send_command" : field == IS_READY ? "is_ready" : field == CONNECT ? "connect"
                : "disconnect";
        return CCalls.function(vt.getPointer(field), "CMailboxDriverVTable." + name);
    }

    @Override
    public String name() {
        return "c-driver";
    }

    @Override
    public byte[] sendCommand(int externalCommand, byte[] payload) {
        Function send = call(SEND_COMMAND);
        if (payload.length > request.size()) {
            throw new MailboxException(Kind.BUFFER_OVERFLOW, "a " + payload.length + "-byte mailbox request exceeds the "
                    + request.size() + " bytes any command needs");
        }
        request.write(0, payload, 0, payload.length);
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
        return CCalls.bool(call(IS_READY), driver);
    }

    @Override
    public boolean callsAreSelfBounded() {
        return true;
    }

    @Override
    public void connect() {
        int rc = call(CONNECT).invokeInt(new Object[] {driver});
        if (rc != CError.SUCCESS.code) {
            throw new MailboxException(Kind.NOT_READY, "C mailbox driver: connect returned " + CError.name(rc));
        }
    }

    @Override
    public void disconnect() {
        int rc = call(DISCONNECT).invokeInt(new Object[] {driver});
        if (rc != CError.SUCCESS.code) {
            throw new MailboxException(Kind.COMMUNICATION_ERROR, "C mailbox driver: disconnect returned " + CError.name(rc));
        }
    }
}
