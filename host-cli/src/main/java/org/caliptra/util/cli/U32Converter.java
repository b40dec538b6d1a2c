package org.caliptra.util.cli;

import picocli.CommandLine;

/** Unsigned 32-bit values given as decimal or 0x-hex, e.g. {@code 0x40000000}. */
public final class U32Converter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        return parse(value);
    }

    public static int parse(String value) {
        String v = value.trim().replace("_", "");
        try {
            long parsed = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            if (parsed < 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is negative; an unsigned 32-bit value is "
                        + "0..4294967295 (0xFFFFFFFF)");
            }
            if (parsed > 0xFFFF_FFFFL) {
                throw new CommandLine.TypeConversionException("'" + value + "' does not fit in 32 bits (at most 0xFFFFFFFF)");
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number (decimal or 0x-hex)");
        }
    }
}
