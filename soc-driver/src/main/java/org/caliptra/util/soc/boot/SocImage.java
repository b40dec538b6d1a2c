package org.caliptra.util.soc.boot;

import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;

/**
 * One SoC image to authorize against the SoC manifest: its fw_id, a name for the report (a file
 * name) and its bytes, absent when the manifest lists the image but the package does not carry it
 * (the boot then fails on it).
 */
public record SocImage(int fwId, String name, Optional<Octets> data) {
    public SocImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }

    public static SocImage of(int fwId, String name, Octets data) {
        return new SocImage(fwId, name, Optional.of(data));
    }

    /** An image the package names but does not carry; {@code why} says so in the report. */
    public static SocImage missing(int fwId, String why) {
        return new SocImage(fwId, why, Optional.empty());
    }
}
