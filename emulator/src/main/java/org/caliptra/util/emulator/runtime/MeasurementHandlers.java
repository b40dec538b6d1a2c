package org.caliptra.util.emulator.runtime;

import org.caliptra.util.emulator.dice.PcrBank;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.runtime.dpe.DpeHandlers;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.MeasurementCommands;
import org.caliptra.util.protocol.core.MeasurementCommands.PcrQuoteEcc384;
import org.caliptra.util.protocol.core.MeasurementCommands.PcrQuoteMldsa87;
import org.caliptra.util.protocol.core.MeasurementCommands.StashMeasurementResponse;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INCREMENT_PCR_RESET_MAX_REACHED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INSUFFICIENT_MEMORY;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_PCR_INVALID_INDEX;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_PCR_RESERVED;

/**
 * The PCR commands of the runtime (spec/device.md §4.2): STASH_MEASUREMENT derives a DPE context and
 * extends PCR31 (PL0 only, which the runtime loop enforces), EXTEND_PCR any of PCR4–31, INCREMENT_PCR_RESET_COUNTER bumps a
 * counter, QUOTE_PCRS signs SHA-384 over the 32 PCRs and the caller's nonce with the FMC alias key
 * (the key the PCR signing hardware is wired to).
 */
final class MeasurementHandlers implements CommandTable.CommandFamily {
    /** PCR0–3 belong to the ROM and FMC. */
    private static final int FIRST_EXTENDABLE = 4;
    /** The firmware's limit on a PCR index field before it checks the bank's size. */
    private static final int MAX_INDEX_FIELD = 255;

    private final CaliptraFirmware firmware;
    private final DpeHandlers dpe;

    MeasurementHandlers(CaliptraFirmware firmware, DpeHandlers dpe) {
        this.firmware = firmware;
        this.dpe = dpe;
    }

    @Override
    public void register(CommandTable.Builder table) {
        // The reference parses these with ref_from_bytes and answers a wrong size with INSUFFICIENT_MEMORY.
        table.add(MeasurementCommands.STASH_MEASUREMENT, RUNTIME_INSUFFICIENT_MEMORY,
                (request, requester) -> new StashMeasurementResponse(dpe.stash(request, requester)));
        table.add(MeasurementCommands.EXTEND_PCR, RUNTIME_INSUFFICIENT_MEMORY, (request, requester) -> {
            int index = request.pcrIdx();
            if (Integer.compareUnsigned(index, MAX_INDEX_FIELD) > 0) {
                throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "pcr_idx " + Integer.toUnsignedString(index));
            }
            if (index >= PcrBank.COUNT) {
                throw CommandFailure.of(RUNTIME_PCR_INVALID_INDEX, "pcr_idx " + index + ": the bank has PCR0–PCR31");
            }
            if (index < FIRST_EXTENDABLE) {
                throw CommandFailure.of(RUNTIME_PCR_RESERVED, "PCR" + index + " is the ROM's and FMC's");
            }
            firmware.pcrs().extend(index, request.data().toByteArray());
            return NoFields.INSTANCE;
        });
        table.add(MeasurementCommands.INCREMENT_PCR_RESET_COUNTER, RUNTIME_INSUFFICIENT_MEMORY, (request, requester) -> {
            int index = request.index();
            if (Integer.compareUnsigned(index, PcrBank.COUNT) >= 0) {
                throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "index " + Integer.toUnsignedString(index));
            }
            if (!firmware.pcrs().incrementResetCounter(index)) {
                throw CommandFailure.of(RUNTIME_INCREMENT_PCR_RESET_MAX_REACHED, "PCR" + index + "'s reset counter");
            }
            return NoFields.INSTANCE;
        });
        if (firmware.generation() == Generation.V1) {
            table.add(MeasurementCommands.QUOTE_PCRS_ECC384_V1, (request, requester) -> quoteEcc(request.nonce()));
        } else {
            table.add(MeasurementCommands.QUOTE_PCRS_ECC384_V2, (request, requester) -> quoteEcc(request.nonce()));
            table.add(MeasurementCommands.QUOTE_PCRS_MLDSA87, (request, requester) -> quoteMldsa(request.nonce()));
        }
    }

    /** The PCR hash engine: all 32 PCRs, then the nonce. */
    private byte[] pcrHash(Octets nonce, String algorithm) {
        try {
            var digest = java.security.MessageDigest.getInstance(algorithm);
            firmware.pcrs().values().forEach(p -> digest.update(p.toByteArray()));
            digest.update(nonce.toByteArray());
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private PcrQuoteEcc384 quoteEcc(Octets nonce) {
        var pcrs = firmware.pcrs();
        byte[] digest = firmware.generation() == Generation.V1 ? pcrHash(nonce, "SHA-384")
                : java.util.Arrays.copyOf(pcrHash(nonce, "SHA-512"), 48);
        var signature = firmware.alias().fmcAlias().eccKey().signer().signDigest(Sha384Digest.fromBytes(digest));
        return new PcrQuoteEcc384(pcrs.values(), nonce, pcrs.resetCounters(), Octets.of(digest), signature.r(), signature.s());
    }

    private PcrQuoteMldsa87 quoteMldsa(Octets nonce) {
        var pcrs = firmware.pcrs();
        byte[] hash = pcrHash(nonce, "SHA-512");
        byte[] digest = new byte[hash.length];
        for (int i = 0; i < hash.length; i++) {
            digest[i] = hash[hash.length - 1 - i];
        }
        var key = firmware.alias().fmcAlias().mldsaKey().orElseThrow();
        return new PcrQuoteMldsa87(pcrs.values(), nonce, pcrs.resetCounters(), Octets.of(digest),
                Octets.of(key.signer().sign(digest).fips204()));
    }
}
