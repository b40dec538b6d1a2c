package org.caliptra.util.cli.booted;

import java.util.List;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.IdevIdCsrEnvelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caliptra-util get-idevid-csr}: the IDevID CSR, from the runtime (GET_IDEV_*_CSR) or, with
 * {@code --manufacturing-csr}, from the ROM's manufacturing hand-off during boot.
 */
@Command(name = "get-idevid-csr", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print its IDevID certificate signing request, PEM by default.",
            "Without --manufacturing-csr the runtime is asked (GET_IDEV_ECC384_CSR, GET_IDEV_MLDSA87_CSR with --mldsa), "
                    + "which fails with RUNTIME_GET_IDEV_ID_UNPROVISIONED (0x000E0051) unless the ROM made a CSR at cold boot.",
            "Exit code 0 on success, 1 if the device did not boot or failed the command, 2 for bad input."})
public final class GetIdevidCsrCommand implements Callable<Integer> {
    @Mixin
    BootedDeviceOptions device;

    @Mixin
    DerOutput output;

    @Option(names = "--mldsa", description = "2.x: the ML-DSA-87 CSR instead of the ECC P-384 one.")
    boolean mldsa;

    @Option(names = "--manufacturing-csr", description = "Boot the part in the manufacturing lifecycle and request the CSR "
            + "(CPTRA_DBG_MANUF_SERVICE_REG[0]), taking it from the ROM's mailbox hand-off before ready_for_fw.")
    boolean manufacturing;

    @Option(names = "--envelope", description = "2.x, with --manufacturing-csr and --out: write the raw 8784-byte "
            + "InitDevIdCsrEnvelope (both CSRs and their HMAC) as the ROM handed it over.")
    boolean envelope;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (envelope) {
            if (!manufacturing) {
                throw new UsageException("--envelope is the ROM's manufacturing hand-off: it needs --manufacturing-csr");
            }
            if (mldsa || output.der) {
                throw new UsageException("--envelope writes the envelope as it is; it takes neither --mldsa nor --der");
            }
            if (output.out == null) {
                throw new UsageException("--envelope writes binary, which goes to a file: give --out FILE");
            }
            if (device.generation() == Generation.V1) {
                throw new UsageException("--envelope: a Caliptra 1.x ROM hands over a bare DER CSR, not an envelope; drop --envelope");
            }
        }
        output.check();
        if (mldsa) {
            device.requireMldsa("--mldsa");
        }
        byte[] csr;
        if (manufacturing) {
            byte[] payload;
            try (var booted = device.bootRequestingIdevidCsr()) {
                payload = booted.idevidCsr().orElseThrow().toByteArray();
            }
            if (envelope) {
                AtomicFiles.write(output.out, payload, AtomicFiles.Mode.PUBLIC, AtomicFiles.Existing.REPLACE);
                return ExitCodes.OK;
            }
            csr = device.generation() == Generation.V1 ? payload : fromEnvelope(payload, mldsa);
        } else {
            try (var booted = device.boot()) {
                var codec = mldsa ? CertificateCommands.GET_IDEV_MLDSA87_CSR : CertificateCommands.getIdevEcc384Csr(booted.generation());
                csr = booted.call(codec, NoFields.INSTANCE).data().toByteArray();
            }
        }
        output.write(spec.commandLine().getOut(), "CERTIFICATE REQUEST", List.of(csr));
        return ExitCodes.OK;
    }

    /** One CSR of a 2.x envelope, its length checked against its slot. */
    static byte[] fromEnvelope(byte[] envelope, boolean mldsa) {
        var decoded = IdevIdCsrEnvelope.decode(envelope);
        return (mldsa ? decoded.mldsaCsr() : decoded.eccCsr()).toByteArray();
    }
}
