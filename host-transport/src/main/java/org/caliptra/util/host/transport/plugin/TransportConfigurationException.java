package org.caliptra.util.host.transport.plugin;

import org.caliptra.util.protocol.CaliptraException;

/**
 * A transport that cannot be set up: an unknown name, a bad parameter, a plugin jar that cannot be
 * loaded, two providers claiming one name. The message names the jar, provider or parameter.
 */
public final class TransportConfigurationException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    public TransportConfigurationException(String message) {
        super(message);
    }

    public TransportConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
