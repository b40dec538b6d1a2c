package org.caliptra.util.emulator.mcu;

/**
 * Firmware handler for one MC_* command: request fields after the checksum in, response fields
 * after the checksum (starting with fips_status) out.
 */
@FunctionalInterface
public interface McCommandHandler {
    byte[] handle(byte[] requestBody) throws McCommandFailure;
}
