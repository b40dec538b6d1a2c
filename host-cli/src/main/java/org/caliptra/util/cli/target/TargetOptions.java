package org.caliptra.util.cli.target;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.host.transport.plugin.TransportRegistry;

/**
 * What a target is opened with besides its URI: for the embedded emulator, the device file and the
 * firmware to boot instead of the development bundle; for every target, the plugin path whose jars
 * add transports (target schemes) and command families.
 *
 * @param deviceFile the device's TOML description (profile, lifecycle, fuses, identity, secrets, MCU)
 * @param firmware a firmware bundle to boot instead of the development bundle
 * @param flash a flash image to boot instead of the development bundle
 * @param pluginPath directories (their {@code *.jar}) and jar files, in order
 */
public record TargetOptions(Optional<Path> deviceFile, Optional<Path> firmware, Optional<Path> flash, List<Path> pluginPath) {
    public TargetOptions {
        Objects.requireNonNull(deviceFile, "deviceFile");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(flash, "flash");
        pluginPath = List.copyOf(pluginPath);
        if (firmware.isPresent() && flash.isPresent()) {
            throw new TargetException("--fw and --flash both name firmware to boot; give one");
        }
    }

    /** No embedded-device settings and no plugins. */
    public static TargetOptions none() {
        return new TargetOptions(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** {@code dirs} followed by the entries of {@value TransportRegistry#PLUGIN_PATH_VARIABLE}. */
    public static List<Path> pluginPath(List<Path> dirs) {
        var path = new ArrayList<>(dirs);
        path.addAll(TransportRegistry.pluginPath(System.getenv(TransportRegistry.PLUGIN_PATH_VARIABLE)));
        return path;
    }

    /** Whether any setting that only an embedded device can take is given. */
    boolean embeddedSettings() {
        return deviceFile.isPresent() || firmware.isPresent() || flash.isPresent();
    }
}
