package org.caliptra.util.cli.device.hash;

import org.caliptra.util.protocol.cm.HashAlgorithm;
import picocli.CommandLine;

/** {@code sha384} or {@code sha512}. */
public final class HashAlgorithmConverter implements CommandLine.ITypeConverter<HashAlgorithm> {
    @Override
    public HashAlgorithm convert(String value) {
        return switch (value) {
            case "sha384" -> HashAlgorithm.SHA384;
            case "sha512" -> HashAlgorithm.SHA512;
            default -> throw new CommandLine.TypeConversionException("'" + value + "': expected sha384 or sha512");
        };
    }

    public static String name(HashAlgorithm algorithm) {
        return algorithm == HashAlgorithm.SHA384 ? "sha384" : "sha512";
    }
}
