package org.caliptra.util.cli.image;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.image.keys.LmsSigners;

/**
 * A stand-in for cptra_imgtool's {@code sign_helper_example/rust_sign_helper} with its command
 * line, so the upstream sign-helper configurations can run unchanged:
 * {@code --algo ecc|lms --key fw|man [--by-file] [--input FILE]}, keys read from
 * {@code key/ast2700a1-default/own-{fw,man}-{ecc,lms}-prvk.pem} relative to the working directory,
 * as the upstream helper hard-codes them. ECC answers DER, LMS the raw 1620 bytes (hex on stdout
 * in stdin mode).
 */
public final class UpstreamSignHelper {
    public static void main(String[] args) throws Exception {
        String algo = "";
        String key = "";
        boolean byFile = false;
        Path input = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--algo" -> algo = args[++i];
                case "--key" -> key = args[++i];
                case "--by-file" -> byFile = true;
                case "--input" -> input = Path.of(args[++i]);
                default -> { }
            }
        }
        Path keyFile = Path.of("key/ast2700a1-default/own-" + key + "-" + algo + "-prvk.pem");
        byte[] digest = byFile ? Files.readAllBytes(input)
                : HexFormat.of().parseHex(new String(System.in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        byte[] sig = algo.equals("ecc") ? KeyFiles.readEccPrivate(keyFile).signer().signDigest(Sha384Digest.fromBytes(digest)).toDer()
                : LmsSigners.zeroLeaf(KeyFiles.readLmsPrivate(keyFile)).sign(digest).bytes().toByteArray();
        System.err.println("[stand-in rust_sign_helper] signed with " + keyFile);
        if (byFile) {
            Files.write(input, sig);
        } else {
            System.out.println(HexFormat.of().formatHex(sig));
        }
    }
}
