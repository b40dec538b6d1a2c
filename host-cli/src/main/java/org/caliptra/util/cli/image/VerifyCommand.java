package org.caliptra.util.cli.image;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.bundle.ManifestV2;
import org.caliptra.util.image.verify.AcceptedImage;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.image.verify.Generation;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerificationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image verify FILE}: would this part's boot ROM accept the bundle, and if not, why. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a firmware bundle exactly as the boot ROM does, against given fuses.",
            "Exit code 0 accepted, 1 rejected, 2 bad input."})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A firmware bundle.")
    Path file;

    @Mixin
    FuseOptions fuseOptions;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] bytes = InputFiles.read(file);
        Fuses fuses = fuseOptions.fuses();
        Generation generation = fuseOptions.generation()
                .orElse(FwBundle.marker(bytes) == ManifestV2.MARKER ? Generation.V2 : Generation.V1);
        VerificationResult result = RomVerifier.verify(bytes, fuses, generation);
        PrintWriter out = spec.commandLine().getOut();
        String gen = generation == Generation.V1 ? "1.x" : "2.x";
        if (format.json()) {
            var json = new LinkedHashMap<String, Object>();
            json.put("verdict", result.accepted() ? "accepted" : "rejected");
            json.put("file", file.toString());
            json.put("generation", gen);
            json.put("lifecycle", fuses.lifecycle().cliName());
            if (result instanceof VerificationResult.Accepted a) {
                json.putAll(details(a.image()));
            } else {
                var r = ((VerificationResult.Rejected) result).rejection();
                var error = new LinkedHashMap<String, Object>();
                error.put("name", r.name());
                error.put("code", r.hexCode());
                error.put("detail", r.detail());
                json.put("error", error);
            }
            ImageJson.print(out, json);
        } else if (result instanceof VerificationResult.Accepted a) {
            var img = a.image();
            out.printf("%s: accepted by the %s boot ROM (%s lifecycle)%n", file, gen, fuses.lifecycle().cliName());
            out.printf("  signatures verified  %s%n", String.join(", ", img.signaturesVerified()));
            out.printf("  vendor key hash      %s%n", img.vendorPkHash().hex());
            out.printf("  owner key hash       %s%s%n", img.ownerPkHash().hex(), img.ownerPkHashInFuses() ? "" : " (not fused: any owner)");
            out.printf("  FMC                  load 0x%08X entry 0x%08X svn %d digest %s%n", img.fmcLoadAddress(),
                    img.fmcEntryPoint(), img.fmcSvn(), img.fmcDigest().hex());
            out.printf("  runtime              load 0x%08X entry 0x%08X svn %d digest %s%n", img.runtimeLoadAddress(),
                    img.runtimeEntryPoint(), img.runtimeSvn(), img.runtimeDigest().hex());
        } else {
            var r = ((VerificationResult.Rejected) result).rejection();
            out.printf("%s: rejected by the %s boot ROM: %s (%s): %s%n", file, gen, r.name(), r.hexCode(), r.detail());
        }
        out.flush();
        return result.accepted() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    static Map<String, Object> details(AcceptedImage img) {
        var json = new LinkedHashMap<String, Object>();
        json.put("vendor_pk_hash", img.vendorPkHash().hex());
        json.put("owner_pk_hash", img.ownerPkHash().hex());
        json.put("owner_pk_hash_fused", img.ownerPkHashInFuses());
        json.put("vendor_ecc_key_index", img.vendorEccKeyIndex());
        json.put("vendor_pqc_key_index", img.vendorPqcKeyIndex() < 0 ? null : img.vendorPqcKeyIndex());
        json.put("pqc_key_type", img.pqcKeyType() == null ? null : img.pqcKeyType().cliName());
        json.put("signatures_verified", img.signaturesVerified());
        json.put("fuse_svn", img.fuseSvn());
        json.put("fmc", image(img.fmcDigest().hex(), img.fmcSvn(), img.fmcLoadAddress(), img.fmcEntryPoint(), img.fmcSize()));
        json.put("runtime", image(img.runtimeDigest().hex(), img.runtimeSvn(), img.runtimeLoadAddress(),
                img.runtimeEntryPoint(), img.runtimeSize()));
        return json;
    }

    private static Map<String, Object> image(String digest, int svn, int load, int entry, int size) {
        var m = new LinkedHashMap<String, Object>();
        m.put("digest", digest);
        m.put("svn", Integer.toUnsignedLong(svn));
        m.put("load_address", Integer.toUnsignedLong(load));
        m.put("entry_point", Integer.toUnsignedLong(entry));
        m.put("size", Integer.toUnsignedLong(size));
        return m;
    }
}
