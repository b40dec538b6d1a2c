package org.caliptra.util.cli.booted;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.SizedData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caliptra-util get-cert-chain}: the device's DICE chain below the IDevID — LDevID, FMC
 * alias, RT alias — in that order, issuer first and the leaf (RT alias) last, as Caliptra's own
 * certificate chains are ordered.
 */
@Command(name = "get-cert-chain", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print its certificate chain: LDevID, FMC alias and RT alias, "
                + "issuer first and the leaf (RT alias) last, as concatenated PEM.",
            "The chain ends below the IDevID, whose public key (GET_IDEV_ECC384_INFO) is the trust anchor: "
                    + "openssl verify -partial_chain -CAfile ldevid.pem -untrusted chain.pem rt-alias.pem.",
            "With --der --out-dir DIR each certificate is written to a file of its own: ldevid.der, fmc-alias.der and "
                    + "rt-alias.der (ldevid-mldsa87.der and so on with --mldsa), all of them or none.",
            "Exit code 0 on success, 1 if the device did not boot or failed a command, 2 for bad input."})
public final class GetCertChainCommand implements Callable<Integer> {
    static final List<String> NAMES = List.of("ldevid", "fmc-alias", "rt-alias");

    @Mixin
    BootedDeviceOptions device;

    @Option(names = "--der", description = "Write DER, one file per certificate (needs --out-dir).")
    boolean der;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the PEM chain to FILE (atomically, replacing it) instead of stdout.")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "With --der: the directory to write the three DER files to "
            + "(replacing files of those names).")
    Path outDir;

    @Option(names = "--mldsa", description = "2.x: the ML-DSA-87 chain instead of the ECC P-384 one.")
    boolean mldsa;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (der && outDir == null) {
            throw new UsageException("--der writes one DER file per certificate: give --out-dir DIR (or drop --der for a PEM chain)");
        }
        if (outDir != null && !der) {
            throw new UsageException("--out-dir goes with --der; a PEM chain is one file: use --out FILE");
        }
        if (der && out != null) {
            throw new UsageException("--out is for the PEM chain; with --der the files go to --out-dir");
        }
        if (outDir != null && !Files.isDirectory(outDir)) {
            throw new UsageException("--out-dir " + outDir + ": no such directory");
        }
        if (mldsa) {
            device.requireMldsa("--mldsa");
        }
        var chain = new ArrayList<byte[]>();
        try (var booted = device.boot()) {
            var g = booted.generation();
            List<CommandCodec<NoFields, SizedData>> codecs = mldsa
                    ? List.of(CertificateCommands.GET_LDEV_MLDSA87_CERT, CertificateCommands.GET_FMC_ALIAS_MLDSA87_CERT,
                            CertificateCommands.GET_RT_ALIAS_MLDSA87_CERT)
                    : List.of(CertificateCommands.getLdevEcc384Cert(g), CertificateCommands.getFmcAliasEcc384Cert(g),
                            CertificateCommands.getRtAliasEcc384Cert(g));
            for (var codec : codecs) {
                chain.add(booted.call(codec, NoFields.INSTANCE).data().toByteArray());
            }
        }
        if (der) {
            var outputs = new ArrayList<AtomicFiles.Output>();
            for (int i = 0; i < chain.size(); i++) {
                outputs.add(AtomicFiles.Output.replacing(outDir.resolve(NAMES.get(i) + (mldsa ? "-mldsa87" : "") + ".der"), chain.get(i)));
            }
            AtomicFiles.writeAll(outputs);
            return ExitCodes.OK;
        }
        var pem = new StringBuilder();
        chain.forEach(c -> pem.append(DerOutput.pem("CERTIFICATE", c)));
        if (out != null) {
            AtomicFiles.write(out, pem.toString().getBytes(StandardCharsets.US_ASCII), AtomicFiles.Mode.PUBLIC, AtomicFiles.Existing.REPLACE);
        } else {
            var stdout = spec.commandLine().getOut();
            stdout.print(pem);
            stdout.flush();
        }
        return ExitCodes.OK;
    }
}
