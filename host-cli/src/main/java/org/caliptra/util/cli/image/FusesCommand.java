package org.caliptra.util.cli.image;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.bundle.FwBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image fuses FILE}: the key hashes a part must have fused to accept this bundle. */
@Command(name = "fuses", mixinStandardHelpOptions = true,
        description = "Print the vendor and owner key hashes to burn into fuses for a firmware bundle.")
public final class FusesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A firmware bundle.")
    Path file;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] bytes = InputFiles.readBundle(file);
        var hashes = KeyHashes.of(FwBundle.parse(bytes, file.toString()), bytes);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            var json = new LinkedHashMap<String, Object>();
            json.put("vendor_pk_hash", hashes.vendor().hex());
            json.put("owner_pk_hash", hashes.owner().hex());
            ImageJson.print(out, json);
        } else {
            out.println("vendor_pk_hash: " + hashes.vendor().hex());
            out.println("owner_pk_hash:  " + hashes.owner().hex());
            out.println("as fuse register words (word i = big-endian bytes 4i..4i+3):");
            out.println("  vendor: " + words(hashes.vendor()));
            out.println("  owner:  " + words(hashes.owner()));
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static String words(Octets hash) {
        var sb = new StringBuilder();
        String hex = hash.hex();
        for (int i = 0; i < hex.length(); i += 8) {
            sb.append(i == 0 ? "" : " ").append("0x").append(hex, i, i + 8);
        }
        return sb.toString();
    }
}
