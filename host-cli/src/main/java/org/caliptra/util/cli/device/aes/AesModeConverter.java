package org.caliptra.util.cli.device.aes;

import org.caliptra.util.protocol.cm.AesMode;
import picocli.CommandLine;

/** {@code cbc} or {@code ctr}. */
final class AesModeConverter implements CommandLine.ITypeConverter<AesMode> {
    @Override
    public AesMode convert(String value) {
        return switch (value) {
            case "cbc" -> AesMode.CBC;
            case "ctr" -> AesMode.CTR;
            default -> throw new CommandLine.TypeConversionException("'" + value + "': expected cbc or ctr");
        };
    }

    static String name(AesMode mode) {
        return mode == AesMode.CBC ? "cbc" : "ctr";
    }
}
