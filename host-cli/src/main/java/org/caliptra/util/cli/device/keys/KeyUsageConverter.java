package org.caliptra.util.cli.device.keys;

import java.util.Locale;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine;

/** {@code hmac}, {@code aes}, {@code ecdsa}, {@code mldsa} or {@code mlkem}: what a device key may be used for. */
public final class KeyUsageConverter implements CommandLine.ITypeConverter<KeyUsage> {
    @Override
    public KeyUsage convert(String value) {
        for (KeyUsage u : KeyUsage.values()) {
            if (name(u).equals(value)) {
                return u;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "': expected hmac, aes, ecdsa, mldsa or mlkem");
    }

    public static String name(KeyUsage usage) {
        return usage.name().toLowerCase(Locale.ROOT);
    }
}
