package org.caliptra.util.cli.device;

import org.caliptra.util.host.commands.AsymAlgorithm;
import picocli.CommandLine;

/** {@code ecc} (ECC P-384) or {@code mldsa} (ML-DSA-87). */
public final class AlgorithmConverter implements CommandLine.ITypeConverter<AsymAlgorithm> {
    @Override
    public AsymAlgorithm convert(String value) {
        return switch (value) {
            case "ecc" -> AsymAlgorithm.ECC_P384;
            case "mldsa" -> AsymAlgorithm.MLDSA87;
            default -> throw new CommandLine.TypeConversionException("'" + value + "': expected ecc or mldsa");
        };
    }

    public static String name(AsymAlgorithm algorithm) {
        return algorithm == AsymAlgorithm.ECC_P384 ? "ecc" : "mldsa";
    }
}
