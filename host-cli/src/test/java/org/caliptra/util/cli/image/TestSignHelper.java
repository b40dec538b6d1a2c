package org.caliptra.util.cli.image;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.image.keys.LmsSigners;

/**
 * A sign helper speaking ASPEED's protocol, for tests: {@code --type ecc|lms --key FILE}, then
 * either {@code --input FILE} (by file: digest in, signature written back) or stdin/stdout in hex.
 * ECC answers DER (RFC 6979, so equal to file signing); LMS answers the raw 1620 bytes.
 */
public final class TestSignHelper {
    public static void main(String[] args) throws Exception {
        String type = null;
        Path key = null;
        Path input = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--type" -> type = args[++i];
                case "--key" -> key = Path.of(args[++i]);
                case "--input" -> input = Path.of(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        byte[] digest = input != null ? Files.readAllBytes(input)
                : HexFormat.of().parseHex(new String(System.in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        byte[] sig = "ecc".equals(type) ? KeyFiles.readEccPrivate(key).signer().signDigest(Sha384Digest.fromBytes(digest)).toDer()
                : LmsSigners.zeroLeaf(KeyFiles.readLmsPrivate(key)).sign(digest).bytes().toByteArray();
        System.err.println("test helper signed " + digest.length + " bytes with " + key.getFileName());
        if (input != null) {
            Files.write(input, sig);
        } else {
            System.out.println(HexFormat.of().formatHex(sig));
        }
    }
}
