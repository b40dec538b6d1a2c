package org.caliptra.util.cli.booted;

import java.io.ByteArrayInputStream;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.protocol.ProtocolException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code caliptra-util dpe cert-chain}: the DER chain DPE serves (GET_CERTIFICATE_CHAIN, page by page). */
@Command(name = "cert-chain", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print the certificate chain its DPE serves "
                + "(GET_CERTIFICATE_CHAIN, read in 2048-byte pages): LDevID, FMC alias and RT alias (the IDevID first if the "
                + "device holds it), issuer first, as concatenated PEM.",
            "The RT alias certificate issues dpe certify-key's certificates: openssl verify -partial_chain -ignore_critical "
                    + "-CAfile chain.pem leaf.pem (1.2 marks the DICE extensions of its leaves critical, which openssl does not read).",
            "With --der --out FILE the chain is written as DPE returns it: the DER certificates one after the other.",
            "Exit code 0 on success, 1 if the device did not boot or DPE or the runtime refused a command, 2 for bad input."})
public final class DpeCertChainCommand implements Callable<Integer> {
    @Mixin
    BootedDeviceOptions device;

    @Mixin
    DerOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        output.check();
        byte[] chain;
        try (var booted = device.boot()) {
            chain = booted.dpe().certificateChain();
        }
        output.write(spec.commandLine().getOut(), "CERTIFICATE", split(chain));
        return ExitCodes.OK;
    }

    /** The certificates of a concatenated DER chain, each as its own DER. */
    static List<byte[]> split(byte[] chain) {
        try {
            var out = new ArrayList<byte[]>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(chain))) {
                out.add(c.getEncoded());
            }
            return out;
        } catch (CertificateException e) {
            throw new ProtocolException("GET_CERTIFICATE_CHAIN: the chain is not a sequence of DER X.509 certificates: "
                    + e.getMessage());
        }
    }
}
