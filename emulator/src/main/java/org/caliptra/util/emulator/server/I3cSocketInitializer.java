package org.caliptra.util.emulator.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.caliptra.util.protocol.mctp.VdmPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCTP-over-I3C socket endpoint (spec/hostlib.md §4.4; docs/protocols.md) for a TCP
 * server channel: each accepted connection gets a pipeline of its own — command frame decoder,
 * target frame encoder, and the I3C target with its own MCTP reassembly, tag and packet queue — so
 * any number of clients are served at once and one client's malformed input closes only its own
 * connection.
 *
 * <p>The emulated target answers at dynamic address {@link #TARGET_ADDRESS}, as the reference's
 * first target does, and its MCTP endpoint has EID {@link #DEVICE_EID} (no bus owner has assigned
 * one). VDM requests go to the device's {@link VdmPort} on {@code deviceCalls} (see
 * {@link DeviceCalls}); give each device one executor shared by its endpoints.
 */
public final class I3cSocketInitializer extends ChannelInitializer<Channel> {
    /** The target's dynamic address: the first one an I3C controller assigns. */
    public static final int TARGET_ADDRESS = 0x08;
    /** The device's MCTP endpoint id, 0 until a bus owner runs Set EID (spec/hostlib.md §4.1). */
    public static final int DEVICE_EID = 0x00;
    private static final Logger LOG = LoggerFactory.getLogger(I3cSocketInitializer.class);

    private final VdmPort port;
    private final Executor deviceCalls;
    private final Consumer<String> log;

    /** Logs to SLF4J (logger {@code org.caliptra.util.emulator.server.I3cSocketInitializer}, level WARN). */
    public I3cSocketInitializer(VdmPort port, Executor deviceCalls) {
        this(port, deviceCalls, LOG::warn);
    }

    /** @param log receives one line per closed connection, dropped packet and abandoned message */
    public I3cSocketInitializer(VdmPort port, Executor deviceCalls, Consumer<String> log) {
        this.port = Objects.requireNonNull(port, "port");
        this.deviceCalls = Objects.requireNonNull(deviceCalls, "deviceCalls");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    protected void initChannel(Channel ch) {
        String peer = "i3c " + ServerPeers.describe(ch.remoteAddress());
        ch.pipeline().addLast("i3c-command-decoder", new I3cCommandDecoder(TARGET_ADDRESS, peer, log))
                .addLast("i3c-target-encoder", new I3cTargetFrameEncoder())
                .addLast("i3c-target", new I3cTargetHandler(port, deviceCalls, peer, log));
    }
}
