package org.caliptra.util.cli.device;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.cli.TargetOption;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.target.OpenTarget;
import org.caliptra.util.cli.target.TargetOptions;
import org.caliptra.util.cli.target.Targets;
import org.caliptra.util.host.session.SessionConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every device command takes: the target and the embedded device's settings, plugins, the
 * session's timeout and retries, and the output format.
 */
public final class DeviceOptions {
    @Mixin
    TargetOption target;

    @Option(names = "--device", paramLabel = "FILE",
            description = "Embedded emulator only: the device file (profile, lifecycle, fuses, [identity], [secrets], "
                    + "fuse_store, [mcu], [soc]) of the device to create.")
    Path deviceFile;

    @Option(names = "--fw", paramLabel = "FILE",
            description = "Embedded emulator only: boot this firmware bundle instead of the development bundle.")
    Path firmware;

    @Option(names = "--flash", paramLabel = "FILE",
            description = "Embedded emulator only: boot this flash image instead of the development bundle.")
    Path flash;

    @Option(names = "--plugin-dir", paramLabel = "DIR",
            description = "A directory of plugin jars (transports and command families), or one jar; repeatable. "
                    + "$CALIPTRA_PLUGIN_PATH adds more.")
    List<Path> pluginDirs = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "MS", description = "How long one command may take, in milliseconds (default 10000).")
    Integer timeoutMillis;

    @Option(names = "--retries", paramLabel = "N",
            description = "How often a command that failed in transit is tried again, when that is safe (default 3).")
    Integer retries;

    @Mixin
    OutputFormat format;

    /** Whether {@code --format json} was given. */
    public boolean json() {
        return format.json();
    }

    public String targetUri() {
        return target.uri();
    }

    /** The target options these flags give; the environment's plugin path is appended to the flags'. */
    public TargetOptions targetOptions() {
        return new TargetOptions(Optional.ofNullable(deviceFile), Optional.ofNullable(firmware), Optional.ofNullable(flash),
                TargetOptions.pluginPath(pluginDirs));
    }

    /** The session's configuration: the timeout and retries given, no keepalive (a command is short). */
    public SessionConfig sessionConfig() {
        var b = SessionConfig.builder().noKeepalive();
        if (timeoutMillis != null) {
            if (timeoutMillis <= 0) {
                throw new UsageException("--timeout " + timeoutMillis + ": a timeout is a positive number of milliseconds");
            }
            b.commandTimeout(Duration.ofMillis(timeoutMillis));
        }
        if (retries != null) {
            if (retries < 0) {
                throw new UsageException("--retries " + retries + ": the number of retries is 0 or more");
            }
            b.maxRetries(retries);
        }
        return b.build();
    }

    /** Opens the target (exit 2 for one that names nothing openable). */
    public OpenTarget open() {
        sessionConfig();
        return Targets.open(targetUri(), targetOptions());
    }
}
