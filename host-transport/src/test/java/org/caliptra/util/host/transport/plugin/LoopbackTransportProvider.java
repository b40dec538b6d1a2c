package org.caliptra.util.host.transport.plugin;

import org.caliptra.util.host.transport.Transport;

/** A provider found on the test class path through its service file: a transport that echoes requests. */
public final class LoopbackTransportProvider implements TransportProvider {
    @Override
    public String name() {
        return "loopback-test";
    }

    @Override
    public String description() {
        return "echoes each request (test class path)";
    }

    @Override
    public Transport create(TransportSpec spec) {
        String label = spec.parameter("label").orElse("loopback");
        return new Transport() {
            private boolean connected;
            private byte[] pending;

            public String name() { return label; }
            public void connect() { connected = true; }
            public void disconnect() { connected = false; }
            public boolean isConnected() { return connected; }
            public void send(int commandId, byte[] request) { pending = request.clone(); }
            public byte[] receive() { return pending; }
        };
    }
}
