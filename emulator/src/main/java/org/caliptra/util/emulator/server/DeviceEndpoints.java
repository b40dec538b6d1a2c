package org.caliptra.util.emulator.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.mctp.VdmPort;
import org.caliptra.util.protocol.socket.CptrMessage;
import org.caliptra.util.protocol.socket.MboxMessage;

/**
 * The endpoints of one device, for {@link EmulatorServer}'s registrations. The two ASPEED
 * framings' per-connection pipelines ({@code tcp}/{@code unix}) are frame decoder (header judged
 * before the payload is read) → message codec → handler.
 *
 * <ul>
 *   <li>{@link #cptr()}: "CPTR" register accesses on the device's register bus;
 *   <li>{@link #mbox()}: "MBOX" mailbox transactions on the device's command mailbox (MCU mailbox 0
 *       on caliptra-2.1, the core mailbox otherwise), frames bounded by that mailbox's SRAM;
 *   <li>{@link #udp()}: the UDP mailbox datagrams ({@code udp}), on the same command mailbox;
 *   <li>{@link #i3c()}: MCTP over the I3C socket ({@code tcp}), to the MCU's MCTP-VDM responder, on a
 *       device with an MCU.
 * </ul>
 * All endpoints made from one instance reach the same device as the same requester, and call it
 * through {@link #deviceCalls()} — for a {@link CaliptraDevice}, {@link CaliptraDevice#executor()}:
 * the device's own thread, or, for a device made with {@code createOnCallerThread}, the event loop
 * that read the request, under the device's lock. Either way the device serves one request at a
 * time, and answers are encoded and written on the event loop, outside the device
 * ({@link DeviceCalls}).
 */
public final class DeviceEndpoints {
    /** The endpoint kinds, as they appear in ready lines and logs. */
    public static final String APB = "apb";
    public static final String MBOX = "mbox";
    public static final String UDP = "udp";
    public static final String I3C = "i3c";

    private final RegisterBus bus;
    private final MailboxPort mailbox;
    private final int mailboxBytes;
    private final boolean mcuMailbox;
    private final Executor deviceCalls;
    /** The MCU's MCTP-VDM responder, on a device with an MCU; else null. */
    private final VdmPort vdm;

    private DeviceEndpoints(RegisterBus bus, MailboxPort mailbox, int mailboxBytes, boolean mcuMailbox, Executor deviceCalls,
            VdmPort vdm) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.mailboxBytes = mailboxBytes;
        this.mcuMailbox = mcuMailbox;
        this.deviceCalls = Objects.requireNonNull(deviceCalls, "deviceCalls");
        this.vdm = vdm;
    }

    /** Where every endpoint of this device calls it: one call at a time, in submission order. */
    public Executor deviceCalls() {
        return deviceCalls;
    }

    /** The device as its device-wide requester ({@link CaliptraDevice#setRequesterUser}). */
    public static DeviceEndpoints of(CaliptraDevice device) {
        return new DeviceEndpoints(device, device, device.commandMailboxBytes(), device.config().profile().subsystemMode(),
                device.executor(), responder(device));
    }

    /** The device as requester {@code user}: every access and transaction presents that AXI USER. */
    public static DeviceEndpoints of(CaliptraDevice device, int user) {
        CaliptraDevice.BusMaster agent = device.asUser(user);
        return new DeviceEndpoints(agent, agent, device.commandMailboxBytes(), device.config().profile().subsystemMode(),
                device.executor(), responder(device));
    }

    /** MCTP-VDM presents no requester: the MCU's responder answers whoever sends. */
    private static VdmPort responder(CaliptraDevice device) {
        return device.config().profile().subsystemMode() ? device : null;
    }

    /** Whether the device has the MCU's MCTP-VDM responder, which {@link #i3c()} needs. */
    public boolean hasMctpResponder() {
        return vdm != null;
    }

    /**
     * Any register bus and mailbox port.
     *
     * @param mailboxBytes the mailbox SRAM, which bounds an MBOX request's dlen
     * @param mcuMailbox whether the port is an MCU mailbox (its successes report CMD_COMPLETE)
     * @param deviceCalls where they are called: one call at a time, in submission order (a device's
     *     own thread, or the calling event loop under a lock)
     */
    public static DeviceEndpoints of(RegisterBus bus, MailboxPort mailbox, int mailboxBytes, boolean mcuMailbox, Executor deviceCalls) {
        return new DeviceEndpoints(bus, mailbox, mailboxBytes, mcuMailbox, deviceCalls, null);
    }

    /** A new CPTR pipeline for each connection. */
    public Supplier<ChannelHandler> cptr() {
        return () -> new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new SocketFrameDecoder(CptrMessage.REQUESTS), new SocketMessageCodec(CptrMessage.REQUESTS),
                        new CptrHandler(APB, bus, deviceCalls));
            }
        };
    }

    /** A UDP mailbox handler for each bound datagram channel. */
    public Supplier<ChannelHandler> udp() {
        return () -> new UdpMailboxHandler(mailbox, deviceCalls);
    }

    /**
     * The MCTP-over-I3C initializer for the device's MCTP-VDM responder.
     *
     * @throws IllegalStateException on a device without an MCU
     */
    public Supplier<ChannelHandler> i3c() {
        if (vdm == null) {
            throw new IllegalStateException("MCTP over I3C needs a device with an MCU (caliptra-2.1)");
        }
        VdmPort responder = vdm;
        return () -> new I3cSocketInitializer(responder, deviceCalls);
    }

    /** A new MBOX pipeline for each connection. */
    public Supplier<ChannelHandler> mbox() {
        var codec = MboxMessage.requests(mailboxBytes);
        return () -> new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new SocketFrameDecoder(codec), new SocketMessageCodec(codec), new MboxHandler(MBOX, mailbox, mcuMailbox, deviceCalls));
            }
        };
    }
}
