package org.caliptra.util.emulator.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** How the socket endpoints name a peer in log lines: "127.0.0.1:40001". */
final class ServerPeers {
    private ServerPeers() {}

    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
