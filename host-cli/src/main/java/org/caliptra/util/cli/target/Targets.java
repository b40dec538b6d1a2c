package org.caliptra.util.cli.target;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.transport.mailbox.InProcessMailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;

/**
 * Wires a target URI to a transport: the one place that knows both the host library and the
 * emulator. The CLI and the C ABI both open targets through here.
 *
 * <p>URIs: {@code emulator} (an embedded device; {@code emulator?profile=caliptra-2.1} picks the
 * profile). The scheme is the part before {@code ://}, or before {@code ?} for the embedded
 * emulator.
 */
public final class Targets {
    /** The target used when neither {@code --target} nor {@code CALIPTRA_TARGET} names one. */
    public static final String DEFAULT = "emulator";
    public static final String ENVIRONMENT_VARIABLE = "CALIPTRA_TARGET";

    private static final Map<String, Function<TargetUri, OpenTarget>> OPENERS = new LinkedHashMap<>();

    static {
        OPENERS.put("emulator", Targets::openEmbeddedEmulator);
    }

    private Targets() {}

    /** The target from the environment, or {@link #DEFAULT}. */
    public static String fromEnvironment() {
        String env = System.getenv(ENVIRONMENT_VARIABLE);
        return env == null || env.isBlank() ? DEFAULT : env.trim();
    }

    public static OpenTarget open(String uri) {
        TargetUri parsed = TargetUri.parse(uri);
        var opener = OPENERS.get(parsed.scheme());
        if (opener == null) {
            throw new TargetException("unknown target '" + uri + "': supported targets are "
                    + String.join(", ", OPENERS.keySet()));
        }
        return opener.apply(parsed);
    }

    private static OpenTarget openEmbeddedEmulator(TargetUri uri) {
        var config = DeviceConfig.builder();
        for (var entry : uri.query().entrySet()) {
            switch (entry.getKey()) {
                case "profile" -> config.profile(Profile.fromId(entry.getValue()).orElseThrow(() -> new TargetException(
                        "target '" + uri.text() + "': unknown profile '" + entry.getValue() + "' (known: "
                                + java.util.Arrays.stream(Profile.values()).map(Profile::id).collect(Collectors.joining(", ")) + ")")));
                default -> throw new TargetException("target '" + uri.text() + "': unknown parameter '"
                        + entry.getKey() + "' (known: profile)");
            }
        }
        var built = config.build();
        if (!built.profile().subsystemMode()) {
            // The device commands are MC_* commands answered by the MCU; a passive core has none and,
            // unfused and unbooted, would never answer.
            throw new TargetException("target '" + uri.text() + "': profile " + built.profile().id()
                    + " has no MCU mailbox for device commands (use caliptra-2.1; boot images on it with `caliptra-util boot`)");
        }
        var device = CaliptraDevice.create(built);
        var transport = new MailboxTransport(new InProcessMailboxDriver(device), CommandCatalog.builtIn().mailboxTable());
        return new OpenTarget(uri.text(), transport, device);
    }
}
