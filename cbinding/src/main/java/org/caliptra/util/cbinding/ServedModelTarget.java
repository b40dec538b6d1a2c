package org.caliptra.util.cbinding;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.caliptra.util.host.transport.socket.CptrRegisterBus;
import org.caliptra.util.host.transport.socket.SocketTimeouts;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.regs.SocIfcRegs;

/**
 * A device served by {@code caliptra-util emulator serve} on its CPTR register endpoint, named by
 * {@code CALIPTRA_EMULATOR} ({@code apb+unix:PATH} or {@code apb://HOST:PORT}), so a program linked
 * against the hw-model library (QEMU) and other clients share one device.
 *
 * <p>What the CPTR protocol carries is what this model can do: word reads and writes. Each access
 * the server serves advances the device one step, so a {@code caliptra_model_step} is one read of
 * CPTRA_FLOW_STATUS. The protocol names no requester: accesses present the one the server gives its
 * endpoint (the booting bundle's PL0 requester when it booted the device, else the device's
 * default), so a request for another is refused rather than silently ignored. The server's debug
 * output stays with the server; the model's output is its own lines.
 */
final class ServedModelTarget implements ModelTarget {
    private static final int FLOW_STATUS = SocIfcRegs.BASE + SocIfcRegs.FLOW_STATUS;
    private static final int FW_ERROR_FATAL = SocIfcRegs.BASE + SocIfcRegs.FW_ERROR_FATAL;
    private static final SocketTimeouts TIMEOUTS = new SocketTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));

    private final CptrRegisterBus cptr;
    private final Generation generation;
    private final RegisterBus bus;
    private volatile boolean readyForFwSeen;

    private ServedModelTarget(CptrRegisterBus cptr, Generation generation) {
        this.cptr = cptr;
        this.generation = generation;
        this.bus = new RegisterBus() {
            @Override
            public int read32(int address) {
                int value = cptr.read32(address);
                if (address == FLOW_STATUS) {
                    noteFlowStatus(value);
                }
                return value;
            }

            @Override
            public void write32(int address, int value) {
                cptr.write32(address, value);
            }

            /** One step: the server steps the device once per access it serves. */
            @Override
            public void idle() {
                noteFlowStatus(cptr.read32(FLOW_STATUS));
            }

            @Override
            public <T> T exclusive(Function<RegisterBus, T> sequence) {
                // One connection, one access at a time: other clients of the server may still come in between.
                synchronized (ServedModelTarget.this) {
                    return sequence.apply(this);
                }
            }
        };
    }

    /**
     * Connects to the served device {@code uri} names.
     *
     * @throws IllegalArgumentException for a URI that names no CPTR endpoint, or one that does not answer
     */
    static ServedModelTarget connect(String uri, Generation generation) {
        SocketAddress address = address(uri);
        try {
            return new ServedModelTarget(CptrRegisterBus.connect(address, "CALIPTRA_EMULATOR=" + uri, TIMEOUTS), generation);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code apb+unix:PATH} or {@code apb://HOST:PORT}. */
    static SocketAddress address(String uri) {
        if (uri.startsWith("apb+unix:")) {
            String path = uri.substring("apb+unix:".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("CALIPTRA_EMULATOR=" + uri + ": no socket path after apb+unix:");
            }
            return UnixDomainSocketAddress.of(Path.of(path));
        }
        if (uri.startsWith("apb://")) {
            String hostPort = uri.substring("apb://".length());
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1) {
                throw new IllegalArgumentException("CALIPTRA_EMULATOR=" + uri + ": expected apb://HOST:PORT");
            }
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("CALIPTRA_EMULATOR=" + uri + ": port '" + hostPort.substring(colon + 1)
                        + "' is not 1 to 65535");
            }
            String host = hostPort.substring(0, colon);
            try {
                return new InetSocketAddress(InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host),
                        port);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("CALIPTRA_EMULATOR=" + uri + ": unknown host '" + host + "'");
            }
        }
        throw new IllegalArgumentException("CALIPTRA_EMULATOR=" + uri + ": expected apb+unix:PATH or apb://HOST:PORT (the CPTR "
                + "endpoint of caliptra-util emulator serve)");
    }

    private void noteFlowStatus(int value) {
        if ((value & SocIfcRegs.FLOW_READY_FOR_FW) != 0) {
            readyForFwSeen = true;
        }
    }

    @Override
    public RegisterBus bus() {
        return bus;
    }

    @Override
    public Generation generation() {
        return generation;
    }

    @Override
    public void setRequesterUser(int user) {
        throw new IllegalArgumentException(String.format("requester 0x%08X: a served device's accesses present the requester its "
                + "server gives the endpoint (the CPTR protocol carries none); start the server with the firmware whose PL0 this is", user));
    }

    /** The latch, as far as this model has seen CPTRA_FLOW_STATUS; and ready_for_fw now. */
    @Override
    public boolean readyForFwSeen() {
        if (!readyForFwSeen) {
            noteFlowStatus(cptr.read32(FLOW_STATUS));
        }
        return readyForFwSeen;
    }

    @Override
    public boolean halted() {
        return cptr.read32(FW_ERROR_FATAL) != 0;
    }

    @Override
    public int outputLength() {
        return 0;
    }

    @Override
    public int outputCapacity() {
        return 0;
    }

    @Override
    public byte[] output(int from) {
        return new byte[0];
    }

    @Override
    public void close() {
        cptr.close();
    }
}
