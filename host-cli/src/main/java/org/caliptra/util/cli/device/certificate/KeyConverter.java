package org.caliptra.util.cli.device.certificate;

import org.caliptra.util.host.commands.certificate.CertificateCommands.DeviceKey;
import picocli.CommandLine;

/** {@code ldevid}, {@code fmc-alias}, {@code rt-alias}. */
final class KeyConverter implements CommandLine.ITypeConverter<DeviceKey> {
    @Override
    public DeviceKey convert(String value) {
        return switch (value) {
            case "ldevid" -> DeviceKey.LDEVID;
            case "fmc-alias" -> DeviceKey.FMC_ALIAS;
            case "rt-alias" -> DeviceKey.RT_ALIAS;
            default -> throw new CommandLine.TypeConversionException("'" + value + "': expected ldevid, fmc-alias or rt-alias");
        };
    }

    static String name(DeviceKey key) {
        return key.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
