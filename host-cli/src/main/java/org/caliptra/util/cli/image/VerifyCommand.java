package org.caliptra.util.cli.image;

import org.caliptra.util.protocol.Text;

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
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerificationResult;
import org.caliptra.util.image.soc.ManifestAuthorization;
import org.caliptra.util.image.soc.SocManifest;
import org.caliptra.util.image.verify.FlashVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image verify FILE}: would this part accept the bundle, manifest or flash image, and if not, why. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a firmware bundle, SoC manifest or flash image as the device would judge it.",
            "A bundle is judged as the boot ROM does, against the given fuses; a flash image end to end "
                    + "(container, bundle, SET_AUTH_MANIFEST, every image the manifest lists); a SoC manifest "
                    + "against the bundle of --fw.",
            "Exit code 0 accepted, 1 rejected by the device, 2 not a valid input of its kind."})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A firmware bundle, a SoC manifest or a flash image.")
    Path file;

    @Mixin
    FuseOptions fuseOptions;

    @picocli.CommandLine.Option(names = "--fw", paramLabel = "FILE",
            description = "For a SoC manifest: the Caliptra firmware bundle whose keys it must chain to.")
    Path fw;

    @picocli.CommandLine.Option(names = "--image", paramLabel = "FWID=FILE",
            description = "For a SoC manifest: authorize FILE as fw_id FWID (repeatable).")
    java.util.List<String> images = new java.util.ArrayList<>();

    @picocli.CommandLine.Option(names = "--cfg", paramLabel = "FILE",
            description = "For a flash image: the cptra_imgtool configuration, to name images by file.")
    Path cfg;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] bytes = InputFiles.read(file, InputFiles.Kind.ANY_IMAGE);
        Fuses fuses = fuseOptions.fuses();
        if (ImageKinds.isFlash(bytes)) {
            refuseOptions("a flash image", fw != null ? "--fw" : null, images.isEmpty() ? null : "--image");
            return verifyFlash(bytes, fuses);
        }
        if (!FwBundle.isBundle(bytes)) {
            if (SocManifest.isSocManifest(bytes)) {
                refuseOptions("a SoC manifest", cfg != null ? "--cfg" : null);
                return verifyManifest(bytes, fuses);
            }
            // A bundle is known by its marker; a file without one is no input of this command at all.
            throw ImageKinds.unknown(file, bytes);
        }
        refuseOptions("a firmware bundle", fw != null ? "--fw" : null, images.isEmpty() ? null : "--image",
                cfg != null ? "--cfg" : null);
        FwBundle.requireWithinLimit(bytes, file.toString());
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

    /** An option that means nothing for this kind of input is refused rather than silently ignored. */
    private void refuseOptions(String kind, String... given) {
        for (String option : given) {
            if (option != null) {
                throw new org.caliptra.util.cli.UsageException(option + " does not apply: " + file + " is " + kind + " ("
                        + (option.equals("--cfg") ? "--cfg goes with a flash image" : option + " goes with a SoC manifest") + ")");
            }
        }
    }

    private Integer verifyFlash(byte[] bytes, Fuses fuses) {
        var names = new java.util.HashMap<Integer, String>();
        if (cfg != null) {
            org.caliptra.util.cli.imgtool.ImgtoolConfig.read(cfg).images().forEach(e -> names.put(e.fwId(), e.file()));
        }
        var contents = FlashVerification.contents(bytes, file.toString());
        Generation generation = fuseOptions.generation().orElse(contents.generation());
        var report = FlashVerification.verify(contents, file.toString(), fuses, generation, names);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            var json = new LinkedHashMap<String, Object>();
            json.put("verdict", report.passed() ? "accepted" : "rejected");
            json.put("file", file.toString());
            json.put("kind", report.kind());
            json.put("generation", generation == Generation.V1 ? "1.x" : "2.x");
            json.put("caliptra_fw", report.bundle().accepted() ? "accepted"
                    : ((VerificationResult.Rejected) report.bundle()).rejection().name());
            json.put("soc_manifest", report.manifestError() != null ? report.manifestError().name()
                    : report.bundle().accepted() ? "loaded" : "not checked");
            var list = new java.util.ArrayList<Object>();
            for (var img : report.images()) {
                var m = new LinkedHashMap<String, Object>();
                m.put("fw_id", Integer.toUnsignedLong(img.fwId()));
                m.put("file", img.file());
                m.put("result", img.result() == null ? "missing" : img.result().authorized() ? "authorized" : img.result().name());
                if (img.note() != null) {
                    m.put("note", img.note());
                }
                list.add(m);
            }
            json.put("images", list);
            if (report.firstFailure() != null) {
                var f = report.firstFailure();
                var error = new LinkedHashMap<String, Object>();
                error.put("stage", f.stage());
                error.put("name", f.name());
                error.put("code", f.hexCode());
                error.put("detail", f.detail());
                json.put("error", error);
            }
            ImageJson.print(out, json);
        } else {
            out.printf("%s: %s %s%n", file, report.kind(), report.passed() ? "verified end to end" : "REJECTED");
            out.printf("  container     ok (checksums, identifiers)%n");
            out.printf("  caliptra fw   %s%n", report.bundle().accepted() ? "accepted"
                    : ((VerificationResult.Rejected) report.bundle()).rejection());
            out.printf("  soc manifest  %s%n", report.manifestError() != null ? report.manifestError()
                    : report.bundle().accepted() ? "loaded (" + report.manifestKind() + ")" : "not checked");
            for (var img : report.images()) {
                out.printf("  fw_id %-4d %-28s %s%n", img.fwId(), Text.oneLine(img.file()), img.result() == null ? "missing: " + img.note()
                        : img.result().authorized() ? "authorized" : img.result().name() + " (" + img.result().hexCode() + ")");
            }
            if (report.firstFailure() != null) {
                var f = report.firstFailure();
                out.printf("first failure: %s: %s%s: %s%n", Text.oneLine(f.stage()), f.name(),
                        f.code() == null ? "" : " (" + f.hexCode() + ")", Text.oneLine(f.detail()));
            }
        }
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private Integer verifyManifest(byte[] bytes, Fuses fuses) {
        if (fw == null) {
            throw new org.caliptra.util.cli.UsageException(file + ": verifying a SoC manifest needs --fw FILE, the Caliptra "
                    + "firmware bundle whose keys endorse it");
        }
        // Parsed before anything is judged, so a malformed --image is reported whatever the verdict.
        var imageArgs = images.stream().map(FwIdFile::parse).toList();
        byte[] bundleBytes = InputFiles.readBundle(fw);
        Generation marked = FwBundle.generationOf(bundleBytes).orElseThrow(() -> new org.caliptra.util.cli.UsageException(fw
                + ": not a Caliptra firmware bundle (no CMAN or CMN2 marker at offset 0)"));
        Generation generation = fuseOptions.generation().orElse(marked);
        var result = RomVerifier.verify(bundleBytes, fuses, generation);
        PrintWriter out = spec.commandLine().getOut();
        var json = new LinkedHashMap<String, Object>();
        String verdict;
        Map<String, Object> error = null;
        var imageResults = new java.util.ArrayList<Object>();
        if (result instanceof VerificationResult.Rejected r) {
            verdict = "rejected";
            error = errorJson("caliptra-fw", r.rejection().name(), r.rejection().hexCode(), r.rejection().detail());
        } else {
            var bundle = FwBundle.parse(bundleBytes, fw.toString());
            var trust = org.caliptra.util.image.soc.FirmwareTrust.of(bundle, ((VerificationResult.Accepted) result).image(), fuses);
            var load = FlashVerification.setAuthManifest(bundle, bundle.bootRequester(), bytes, trust);
            if (load instanceof ManifestAuthorization.Load.Refused refused) {
                verdict = "rejected";
                var e = refused.error();
                error = errorJson("soc-manifest", e.name(), e.hexCode(), e.detail());
            } else {
                verdict = "accepted";
                var auth = ((ManifestAuthorization.Load.Loaded) load).authorization();
                for (var image : imageArgs) {
                    int fwId = image.fwId();
                    Path imageFile = image.file();
                    var r = auth.authorize(fwId, ManifestAuthorization.imageDigest(InputFiles.read(imageFile, InputFiles.Kind.SOC_IMAGE)));
                    var m = new LinkedHashMap<String, Object>();
                    m.put("fw_id", Integer.toUnsignedLong(fwId));
                    m.put("file", imageFile.toString());
                    m.put("result", r.authorized() ? "authorized" : r.name());
                    m.put("code", r.hexCode());
                    imageResults.add(m);
                    if (!r.authorized() && error == null) {
                        verdict = "rejected";
                        error = errorJson("authorize fw_id " + fwId, r.name(), r.hexCode(), imageFile + ": " + r.name());
                    }
                }
            }
        }
        json.put("verdict", verdict);
        json.put("file", file.toString());
        json.put("kind", SocManifest.parse(bytes, file.toString()).kind());
        json.put("images", imageResults);
        if (error != null) {
            json.put("error", error);
        }
        if (format.json()) {
            ImageJson.print(out, json);
        } else {
            out.printf("%s: %s%s%n", file, verdict, error == null ? "" : ": " + error.get("name") + " (" + error.get("code") + "): " + error.get("detail"));
            for (Object o : imageResults) {
                @SuppressWarnings("unchecked") var m = (Map<String, Object>) o;
                out.printf("  fw_id %s %s: %s%n", m.get("fw_id"), m.get("file"), m.get("result"));
            }
            out.flush();
        }
        return verdict.equals("accepted") ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static Map<String, Object> errorJson(String stage, String name, String code, String detail) {
        var error = new LinkedHashMap<String, Object>();
        error.put("stage", stage);
        error.put("name", name);
        error.put("code", code);
        error.put("detail", detail);
        return error;
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
