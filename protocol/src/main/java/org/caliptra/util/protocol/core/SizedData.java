package org.caliptra.util.protocol.core;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;

/**
 * The used part of a size-prefixed buffer ({@code data_size:u32, data[data_size]}): a DER
 * certificate or CSR, a COSE-signed CSR, the PCR log.
 */
public record SizedData(Octets data) {
    public SizedData {
        Objects.requireNonNull(data, "data");
    }

    public static SizedData of(byte[] data) {
        return new SizedData(Octets.of(data));
    }
}
