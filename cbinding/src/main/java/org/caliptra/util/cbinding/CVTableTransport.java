package org.caliptra.util.cbinding;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.TransportException.Phase;

/**
 * A transport whose calls are a C program's {@code CTransportVTable} (protocol Custom): the internal
 * command id and request struct go to {@code send}, the internal response struct comes back from
 * {@code receive}, as in the reference (spec/hostlib.md §5.3). The vtable is copied when the
 * transport is made, so the caller's may live on its stack; {@code ctx} is passed back unchanged and
 * never freed.
 *
 * <p>Calls run on the thread that called the library ({@link #callsAreSelfBounded()}): C code
 * cannot be cut short, and a session that abandoned a thread inside C and called {@code disconnect}
 * from another would break C written for the reference's one-thread contract. The C code bounds its
 * own calls.
 */
final class CVTableTransport implements Transport {
    /** What {@code receive} is offered, as by the reference: above every internal response (7180 at most). */
    static final int RECEIVE_BUFFER = 8192;
    /** Room for the largest request of any command (MldsaVerify's 8856 bytes, framed), reused for every send. */
    static final int SEND_BUFFER = 16 * 1024;

    private final Function send;
    private final Function receive;
    private final Function connect;
    private final Function disconnect;
    private final Function isConnected;
    private final Function destroy;
    private final Pointer context;
    private final Memory buffer = new Memory(RECEIVE_BUFFER);
    private final Memory request = new Memory(SEND_BUFFER);
    private final Memory receivedLength = new Memory(Native.SIZE_T_SIZE);
    /** Whether this library connected the C transport and has not disconnected it since. */
    private boolean connected;
    private boolean released;

    private CVTableTransport(CStructs.TransportVTable vtable, Pointer context) {
        this.send = CCalls.function(vtable.send, "CTransportVTable.send");
        this.receive = CCalls.function(vtable.receive, "CTransportVTable.receive");
        this.connect = CCalls.function(vtable.connect, "CTransportVTable.connect");
        this.disconnect = CCalls.function(vtable.disconnect, "CTransportVTable.disconnect");
        this.isConnected = CCalls.function(vtable.is_connected, "CTransportVTable.is_connected");
        this.destroy = vtable.destroy == null ? null : Function.getFunction(vtable.destroy, Function.C_CONVENTION);
        this.context = context;
    }

    /** @throws IllegalArgumentException naming a NULL function pointer (destroy may be NULL) */
    static CVTableTransport of(Pointer vtable, Pointer context) {
        return new CVTableTransport(new CStructs.TransportVTable(vtable), context);
    }

    @Override
    public String name() {
        return "custom/c-vtable";
    }

    @Override
    public void connect() {
        int rc = connect.invokeInt(new Object[] {context});
        if (rc != CError.SUCCESS.code) {
            throw new TransportException(Kind.CONNECTION_FAILED, Phase.BEFORE_SEND, name() + ": connect returned " + CError.name(rc), null);
        }
        connected = true;
    }

    @Override
    public void disconnect() {
        connected = false;
        int rc = disconnect.invokeInt(new Object[] {context});
        if (rc != CError.SUCCESS.code) {
            throw new TransportException(Kind.CONNECTION_FAILED, name() + ": disconnect returned " + CError.name(rc));
        }
    }

    @Override
    public boolean isConnected() {
        return CCalls.bool(isConnected, context);
    }

    @Override
    public void send(int commandId, byte[] internalRequest) {
        if (internalRequest.length > SEND_BUFFER) {
            throw new TransportException(Kind.BUFFER_ERROR, Phase.BEFORE_SEND, name() + ": a " + internalRequest.length
                    + "-byte request exceeds the " + SEND_BUFFER + " bytes any command needs", null);
        }
        request.write(0, internalRequest, 0, internalRequest.length);
        int rc = send.invokeInt(new Object[] {context, commandId, request, CCalls.size(internalRequest.length)});
        if (rc != CError.SUCCESS.code) {
            throw failure(rc, String.format("send of command id 0x%04X", commandId), Kind.SEND_FAILED);
        }
    }

    @Override
    public byte[] receive() {
        CCalls.writeSize(receivedLength, 0, 0);
        int rc = receive.invokeInt(new Object[] {context, buffer, CCalls.size(RECEIVE_BUFFER), receivedLength});
        if (rc != CError.SUCCESS.code) {
            throw failure(rc, "receive", Kind.RECEIVE_FAILED);
        }
        long n = CCalls.readSize(receivedLength, 0);
        if (n < 0 || n > RECEIVE_BUFFER) {
            throw new TransportException(Kind.INVALID_MESSAGE, Phase.AFTER_SEND, name() + ": receive reported "
                    + Long.toUnsignedString(n) + " bytes received into a " + RECEIVE_BUFFER + "-byte buffer", null);
        }
        return buffer.getByteArray(0, (int) n);
    }

    /** The C error a callback returned, as the transport failure of the same class. */
    private TransportException failure(int rc, String call, Kind otherwise) {
        String what = name() + ": " + call + " returned " + CError.name(rc);
        return switch (CError.fromCode(rc)) {
            case TIMEOUT -> new TransportException(Kind.TIMEOUT, what);
            case BUSY -> new TransportException(Kind.BUSY, what);
            case NOT_SUPPORTED -> new TransportException(Kind.NOT_SUPPORTED, what);
            case STATE -> new TransportException(Kind.DISCONNECTED, what);
            case PROTOCOL -> new TransportException(Kind.INVALID_MESSAGE, what);
            case MEMORY -> new TransportException(Kind.BUFFER_ERROR, what);
            default -> new TransportException(otherwise, Phase.AFTER_SEND, what, null);
        };
    }

    @Override
    public boolean callsAreSelfBounded() {
        return true;
    }

    /** Disconnects if this library connected it, then calls {@code destroy(ctx)} (when given), once. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (connected) {
                disconnect();
            }
        } finally {
            if (destroy != null) {
                destroy.invokeVoid(new Object[] {context});
            }
        }
    }
}
