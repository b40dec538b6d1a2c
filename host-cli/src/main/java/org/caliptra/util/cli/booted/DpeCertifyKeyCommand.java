package org.caliptra.util.cli.booted;

import java.util.List;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caliptra-util dpe certify-key}: CERTIFY_KEY in the default context, after the {@code --measurement} derivations. */
@Command(name = "certify-key", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash, derive the --measurement contexts, and print the certificate DPE "
                + "issues for the default context's key (CERTIFY_KEY, X.509, issued by the RT alias key), PEM by default.",
            "--csr asks for a CSR instead: a PKCS#10 request inside CMS SignedData signed by the RT alias key (PEM type CMS).",
            "The key depends on the boot options, the measurements and --label: the same ones give the same key in every run, "
                    + "so dpe sign with them signs with the key certified here.",
            "Exit code 0 on success, 1 if the device did not boot or DPE or the runtime refused a command, 2 for bad input."})
public final class DpeCertifyKeyCommand implements Callable<Integer> {
    @Mixin
    BootedDeviceOptions device;

    @Mixin
    DpeMeasurements measurements;

    @Mixin
    DpeLabel label;

    @Option(names = "--csr", description = "A certificate signing request (CMS-wrapped PKCS#10) instead of an X.509 certificate.")
    boolean csr;

    @Mixin
    DerOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        output.check();
        var derivations = measurements.parse();
        var request = new CertifyKeyRequest(ContextHandle.DEFAULT, 0, csr ? CertifyKeyRequest.FORMAT_CSR : CertifyKeyRequest.FORMAT_X509,
                label.parse());
        byte[] certified;
        try (var booted = device.boot()) {
            var dpe = booted.dpe();
            DpeMeasurements.derive(dpe, derivations);
            certified = dpe.certifyKey(request).cert().toByteArray();
        }
        output.write(spec.commandLine().getOut(), csr ? "CMS" : "CERTIFICATE", List.of(certified));
        return ExitCodes.OK;
    }
}
