package org.caliptra.util.cli.booted;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.SignRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util dpe sign}: SIGN with the default context's key, after the {@code --measurement} derivations. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash, derive the --measurement contexts, sign a SHA-384 digest with the "
                + "default context's key (DPE SIGN, ECDSA P-384) and write the DER signature (SEQUENCE of r and s) to --out.",
            "DPE signs the 48-byte digest as given: --digest-file is that digest, --data-file is data the CLI hashes with SHA-384 first.",
            "The key is the one dpe certify-key certifies with the same boot options, --measurement and --label values; "
                    + "take its public key with openssl x509 -in cert.pem -pubkey -noout > pub.pem, then verify: "
                    + "openssl dgst -sha384 -verify pub.pem -signature sig.der DATA (for --data-file), or "
                    + "openssl pkeyutl -verify -pubin -inkey pub.pem -in DIGEST -sigfile sig.der (for --digest-file).",
            "Exit code 0 on success, 1 if the device did not boot or DPE or the runtime refused a command, 2 for bad input."})
public final class DpeSignCommand implements Callable<Integer> {
    static final class Input {
        @Option(names = "--digest-file", paramLabel = "FILE", required = true,
                description = "The SHA-384 digest to sign: a file of exactly 48 bytes.")
        Path digest;

        @Option(names = "--data-file", paramLabel = "FILE", required = true,
                description = "Data to sign: the CLI takes its SHA-384 and DPE signs that (up to 64 MiB).")
        Path data;
    }

    @Mixin
    BootedDeviceOptions device;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Mixin
    DpeMeasurements measurements;

    @Mixin
    DpeLabel label;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where to write the DER signature (atomically, replacing it).")
    Path out;

    @Override
    public Integer call() {
        var derivations = measurements.parse();
        var request = new SignRequest(ContextHandle.DEFAULT, label.parse(), 0, digest());
        EccSignature signature;
        try (var booted = device.boot()) {
            var dpe = booted.dpe();
            DpeMeasurements.derive(dpe, derivations);
            var signed = dpe.sign(request);
            signature = new EccSignature(signed.signatureR(), signed.signatureS());
        }
        AtomicFiles.write(out, signature.toDer(), AtomicFiles.Mode.PUBLIC, AtomicFiles.Existing.REPLACE);
        return ExitCodes.OK;
    }

    /** The 48 bytes DPE signs: the digest file's, or the SHA-384 of the data file (exit 2 naming the file). */
    private Octets digest() {
        if (input.data != null) {
            return Sha384.of(InputFiles.read(input.data, InputFiles.Kind.DATA_TO_SIGN));
        }
        byte[] digest = InputFiles.read(input.digest, InputFiles.Kind.SHA384_DIGEST);
        if (digest.length != Sha384.SIZE) {
            throw new UsageException("--digest-file " + input.digest + ": " + digest.length + " bytes; a SHA-384 digest is exactly "
                    + Sha384.SIZE + " bytes (to sign other data, give it as --data-file)");
        }
        return Octets.of(digest);
    }
}
