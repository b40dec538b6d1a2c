package org.caliptra.util.cli.device.certificate;

import java.nio.file.Path;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.AlgorithmConverter;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.host.commands.AsymAlgorithm;
import org.caliptra.util.host.commands.certificate.CertificateCommands;
import org.caliptra.util.host.commands.certificate.CertificateCommands.DeviceKey;
import org.caliptra.util.host.commands.certificate.Certificates;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util export-attested-csr}: a CSR of a device key, wrapped in a signed EAT. */
@Command(name = "export-attested-csr", mixinStandardHelpOptions = true,
        description = "Export a CSR of the LDevID, FMC alias or RT alias key in a COSE_Sign1 EAT over a nonce "
                + "(ExportAttestedCsr: MC_EXPORT_ATTESTED_CSR or the core's GET_ATTESTED_*_CSR) and write the token to --out.")
public final class ExportAttestedCsrCommand extends DeviceCommand {
    @Option(names = "--key", paramLabel = "KEY", required = true, converter = KeyConverter.class,
            description = "ldevid, fmc-alias or rt-alias.")
    DeviceKey key;

    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "ecc", converter = AlgorithmConverter.class,
            description = "ecc (ECC P-384) or mldsa (ML-DSA-87) (default: ${DEFAULT-VALUE}).")
    AsymAlgorithm algorithm;

    @Option(names = "--nonce", paramLabel = "HEX", description = "32 bytes of hex the token covers (default: fresh random bytes, printed).")
    String nonceHex;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the token (COSE_Sign1, CBOR).")
    Path out;

    private Octets nonce;

    @Override
    protected void prepare() {
        nonce = Outputs.nonce("--nonce", nonceHex, CertificateCommands.NONCE_SIZE);
    }

    @Override
    protected int run(CaliptraSession session) {
        Octets token = Certificates.exportAttestedCsr(session, key, algorithm, nonce);
        Outputs.write(out, token);
        return print(new FieldReport().put("key", KeyConverter.name(key)).put("algorithm", AlgorithmConverter.name(algorithm))
                .put("nonce", nonce).put("out", out.toString()).put("bytes", token.length()));
    }
}
