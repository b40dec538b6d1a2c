package org.caliptra.util.cli.booted;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.SizedData;
import picocli.CommandLine.Command;

/** {@code caliptra-util get-ldevid-cert}: the LDevID certificate (issued by the IDevID key) of a booted device. */
@Command(name = "get-ldevid-cert", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print its LDevID certificate (GET_LDEV_ECC384_CERT, "
                + "or GET_LDEV_MLDSA87_CERT with --mldsa on 2.x), PEM by default.",
            "Exit code 0 on success, 1 if the device did not boot or failed the command, 2 for bad input."})
public final class GetLdevidCertCommand extends CertificateCommand {
    @Override
    CommandCodec<NoFields, SizedData> ecc(Generation generation) {
        return CertificateCommands.getLdevEcc384Cert(generation);
    }

    @Override
    CommandCodec<NoFields, SizedData> mldsa() {
        return CertificateCommands.GET_LDEV_MLDSA87_CERT;
    }
}
