package org.caliptra.util.cli.device.asymmetric;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.InputStreams;
import org.caliptra.util.host.commands.asymmetric.Asymmetric;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsPublicKey;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsSignature;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caliptra-util lms-verify}: check an LMS signature of a file's SHA-384 with a given public key. */
@Command(name = "lms-verify", mixinStandardHelpOptions = true,
        description = "Verify an LMS signature (LMS_SHA256_M24_H15 with LMOTS_SHA256_N24_W4, the image-signing set) of a "
                + "file's SHA-384 digest with an LMS public key (LmsVerify: MC_LMS_SIG_VERIFY or LMS_SIGNATURE_VERIFY); a "
                + "signature that does not verify is the device's refusal: exit 1 with its error code.")
public final class LmsVerifyCommand extends DeviceCommand {
    @Option(names = "--public-key", paramLabel = "FILE", required = true,
            description = "The LMS public key: 48 raw bytes or PEM, as image keygen writes it.")
    Path publicKeyFile;

    @Option(names = "--signature", paramLabel = "FILE", required = true, description = "The 1620-byte LMS signature (RFC 8554).")
    Path signatureFile;

    @Parameters(index = "0", paramLabel = "FILE", description = "The signed file (its SHA-384 is what the signature covers).")
    Path file;

    private LmsPublicKey key;
    private LmsSignature signature;
    private Octets digest;

    @Override
    protected void prepare() {
        var k = KeyFiles.readLmsPublic(publicKeyFile);
        key = new LmsPublicKey(k.lmsType(), k.otsType(), k.id(), k.root());
        byte[] s = InputFiles.read(signatureFile, InputFiles.Kind.SIGNATURE);
        if (s.length != org.caliptra.util.image.keys.LmsSignature.SIZE) {
            throw new UsageException("--signature " + signatureFile + ": " + s.length + " bytes; an LMS signature of this "
                    + "parameter set is " + org.caliptra.util.image.keys.LmsSignature.SIZE);
        }
        // RFC 8554 order: q ‖ ots_signature (its type first) ‖ lms type ‖ path, the words big-endian.
        var b = ByteBuffer.wrap(s);
        Octets all = Octets.of(s);
        signature = new LmsSignature(b.getInt(0), all.slice(4, 1252), b.getInt(1256), all.slice(1260, 360));
        digest = Sha384.of(InputFiles.read(file, InputFiles.Kind.DATA_TO_SIGN));
    }

    @Override
    protected int run(CaliptraSession session) {
        Asymmetric.lmsVerify(session, key, signature, digest);
        return print(new FieldReport().put("verified", true).put("sha384", digest));
    }
}
