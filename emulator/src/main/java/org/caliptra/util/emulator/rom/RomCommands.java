package org.caliptra.util.emulator.rom;

import org.caliptra.util.emulator.dice.DiceAlgorithm;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.SizedData;

import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.firmware.Identity;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.core.InfoCommands.Capabilities;
import org.caliptra.util.protocol.core.MeasurementCommands;
import org.caliptra.util.protocol.core.SelfTestCommands;

import static org.caliptra.util.protocol.error.CaliptraError.FW_PROC_MAILBOX_GET_IDEV_CSR_UNPROVISIONED_CSR;
import static org.caliptra.util.protocol.error.CaliptraError.FW_PROC_MAILBOX_STASH_MEASUREMENT_MAX_LIMIT;

/**
 * The commands the ROM serves before FIRMWARE_LOAD (spec/device.md §3.2): CAPABILITIES (ROM_BASE),
 * VERSION, SELF_TEST_START / GET_RESULTS, SHUTDOWN and STASH_MEASUREMENT (at most eight, each
 * extended into PCR31, which the runtime's quotes then show); on 2.x also GET_LDEV_ECC384_CERT and
 * GET_LDEV_MLDSA87_CERT.
 */
final class RomCommands implements CommandTable.CommandFamily {
    static final int MAX_STASHED_MEASUREMENTS = 8;

    private final CaliptraFirmware firmware;
    private boolean selfTestInProgress;
    private int stashed;

    RomCommands(CaliptraFirmware firmware) {
        this.firmware = firmware;
    }

    /** The CSR the ROM made this cold boot; without one, FW_PROC_MAILBOX_GET_IDEV_CSR_UNPROVISIONED_CSR (fatal, as every ROM error). */
    private SizedData idevidCsr(DiceAlgorithm algorithm) {
        if (!firmware.csrGenerated()) {
            throw CommandFailure.fatal(FW_PROC_MAILBOX_GET_IDEV_CSR_UNPROVISIONED_CSR,
                    "the ROM made no IDevID CSR this cold boot (manufacturing lifecycle and DBG_MANUF_SERVICE_REG[0] set)");
        }
        return SizedData.of(firmware.dice().idevidCsr(algorithm));
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(InfoCommands.CAPABILITIES, (request, requester) -> Capabilities.of(Capabilities.ROM_BASE));
        table.add(InfoCommands.VERSION, (request, requester) -> Identity.fipsVersion(firmware.soc()));
        table.add(SelfTestCommands.SELF_TEST_START, (request, requester) -> {
            if (selfTestInProgress) {
                throw CommandFailure.withoutCode("a ROM self test is already in progress");
            }
            selfTestInProgress = true; // the ROM runs its KATs synchronously
            return NoFields.INSTANCE;
        });
        table.add(SelfTestCommands.SELF_TEST_GET_RESULTS, (request, requester) -> {
            if (!selfTestInProgress) {
                throw CommandFailure.withoutCode("no ROM self test was started");
            }
            selfTestInProgress = false;
            return NoFields.INSTANCE;
        });
        table.add(SelfTestCommands.SHUTDOWN, (request, requester) -> NoFields.INSTANCE);
        if (firmware.generation() == Generation.V2) {
            table.addAll(org.caliptra.util.emulator.runtime.SignatureVerifyHandlers.rom(firmware));
            table.addAllFatal(org.caliptra.util.emulator.runtime.cm.CryptoMailbox.rom(firmware));
            table.add(CertificateCommands.GET_IDEV_ECC384_CSR_V2, (request, requester) -> idevidCsr(DiceAlgorithm.ECC384));
            table.add(CertificateCommands.GET_IDEV_MLDSA87_CSR, (request, requester) -> idevidCsr(DiceAlgorithm.MLDSA87));
            // The 2.x ROM hands out the LDevID certificates it has made, before any firmware.
            table.add(CertificateCommands.GET_LDEV_ECC384_CERT_V2, (request, requester) ->
                    SizedData.of(
                            firmware.dice().ldevidCert(DiceAlgorithm.ECC384)));
            table.add(CertificateCommands.GET_LDEV_MLDSA87_CERT, (request, requester) ->
                    SizedData.of(
                            firmware.dice().ldevidCert(DiceAlgorithm.MLDSA87)));
        } else {
            // caliptra-1.2's ROM serves GET_IDEV_CSR ("IDCR") too, with the whole 512-byte buffer (spec/device.md §3.2).
            table.add(CertificateCommands.GET_IDEV_ECC384_CSR_V1, (request, requester) -> idevidCsr(DiceAlgorithm.ECC384));
        }
        table.add(MeasurementCommands.STASH_MEASUREMENT, (request, requester) -> {
            if (stashed == MAX_STASHED_MEASUREMENTS) {
                // Fatal, so that no SoC firmware can believe a measurement was stored that was not.
                throw CommandFailure.fatal(FW_PROC_MAILBOX_STASH_MEASUREMENT_MAX_LIMIT,
                        "more than " + MAX_STASHED_MEASUREMENTS + " measurements");
            }
            stashed++;
            firmware.logRomMeasurement(request.tciType(), request.measurement().toByteArray());
            return new MeasurementCommands.StashMeasurementResponse(0);
        });
    }
}
