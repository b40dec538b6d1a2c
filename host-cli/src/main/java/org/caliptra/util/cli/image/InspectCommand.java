package org.caliptra.util.cli.image;

import org.caliptra.util.protocol.Text;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.bundle.TocEntry;
import org.caliptra.util.image.flash.FlashImage;
import org.caliptra.util.image.soc.SocManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image inspect FILE}: what a file is and every field in it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show every field of a Caliptra image (kind detected from its contents).")
public final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The image to inspect.")
    Path file;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] bytes = InputFiles.read(file, InputFiles.Kind.ANY_IMAGE);
        PrintWriter writer = spec.commandLine().getOut();
        if (SocManifest.isSocManifest(bytes) && !FwBundle.isBundle(bytes)) {
            return inspectManifest(writer, bytes);
        }
        if (ImageKinds.isFlash(bytes)) {
            return inspectFlash(writer, bytes);
        }
        if (!FwBundle.isBundle(bytes)) {
            throw ImageKinds.unknown(file, bytes);
        }
        FwBundle.requireWithinLimit(bytes, file.toString());
        FwBundle bundle = FwBundle.parse(bytes, file.toString());
        var hashes = KeyHashes.of(bundle, bytes);
        PrintWriter out = writer;
        if (format.json()) {
            var report = new LinkedHashMap<String, Object>();
            report.put("kind", bundle.kind());
            report.put("file", file.toString());
            report.put("size", bytes.length);
            report.put("vendor_pk_hash", hashes.vendor().hex());
            report.put("owner_pk_hash", hashes.owner().hex());
            report.put("manifest", bundle instanceof FwBundle.V1 v1 ? v1.manifest() : ((FwBundle.V2) bundle).manifest());
            report.put("body_size", bundle.body().length());
            ImageJson.print(out, report);
            return ExitCodes.OK;
        }
        out.printf("%s: Caliptra %s firmware bundle, %d bytes%n", file, bundle.kind().substring("fw-bundle-".length()),
                bytes.length);
        out.printf("  vendor key hash  %s%n", hashes.vendor().hex());
        out.printf("  owner key hash   %s%n", hashes.owner().hex());
        if (bundle instanceof FwBundle.V1 v1) {
            var m = v1.manifest();
            out.printf("  vendor keys      ECC index %d, LMS index %d%n", m.vendorEccKeyIndex(), m.vendorLmsKeyIndex());
            out.printf("  header           flags 0x%X, pl0_pauser 0x%08X, toc_len %d%n", m.header().flags(),
                    m.header().pl0Pauser(), m.header().tocLength());
            out.printf("  signatures       vendor LMS q=%d, owner LMS q=%d%s%n", m.vendorLmsSignature().q(),
                    m.ownerLmsSignature().q(), m.vendorLmsSignature().isZero() ? " (LMS fields empty: ECC-only bundle)" : "");
        } else {
            var m = ((FwBundle.V2) bundle).manifest();
            out.printf("  PQC key type     %d (%s)%n", m.pqcKeyType(), m.pqcKeyType() == 3 ? "LMS" : m.pqcKeyType() == 1 ? "ML-DSA-87" : "invalid");
            out.printf("  vendor keys      ECC index %d of %d, PQC index %d of %d%n", m.vendorEccKeyIndex(),
                    m.eccKeyDescriptor().hashCount(), m.vendorPqcKeyIndex(), m.pqcKeyDescriptor().hashCount());
            out.printf("  header           flags 0x%X, pl0_pauser 0x%08X, toc_len %d, svn %d%n", m.header().flags(),
                    m.header().pl0Pauser(), m.header().tocLength(), m.header().svn());
        }
        printToc(out, "FMC", bundle.fmc());
        printToc(out, "runtime", bundle.runtime());
        out.flush();
        return ExitCodes.OK;
    }

    private Integer inspectManifest(PrintWriter out, byte[] bytes) {
        var m = SocManifest.parse(bytes, file.toString());
        if (format.json()) {
            var report = new LinkedHashMap<String, Object>();
            report.put("kind", m.kind());
            report.put("file", file.toString());
            report.put("size", bytes.length);
            report.put("manifest", m);
            ImageJson.print(out, report);
            return ExitCodes.OK;
        }
        out.printf("%s: %s, %d bytes%n", file, m.kind(), bytes.length);
        out.printf("  version %d, flags 0x%X%s%s%n", m.version(), m.flags(), m.secVer() == null ? "" : ", sec_ver " + m.secVer(),
                m.svn() == null ? "" : ", svn " + m.svn());
        out.printf("  %d image metadata entries:%n", m.imc().entryCount());
        for (var e : m.imc().used()) {
            out.printf("    fw_id %-4d flags 0x%08X (source %d, ignore_auth_check %s, load_stage %d) digest %s%n", e.fwId(), e.flags(),
                    e.source(), e.ignoreAuthCheck(), e.loadStage(), e.digest().hex());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Integer inspectFlash(PrintWriter out, byte[] bytes) {
        boolean outBundle = !FlashImage.isFlashV1(bytes) && FlashImage.isOutBundle(bytes);
        byte[] flashBytes = outBundle ? java.util.Arrays.copyOfRange(bytes, FlashImage.OUT_BUNDLE_FLASH_OFFSET, bytes.length) : bytes;
        var flash = FlashImage.parse(flashBytes, file.toString());
        var problems = flash.checksumProblems();
        if (format.json()) {
            var report = new LinkedHashMap<String, Object>();
            report.put("kind", flash.kind());
            report.put("file", file.toString());
            report.put("size", bytes.length);
            report.put("container", outBundle ? "ast2700-a1-out-bundle" : null);
            report.put("checksums_ok", problems.isEmpty());
            report.put("checksum_problems", problems);
            var images = new java.util.ArrayList<Object>();
            for (var e : flash.entries()) {
                var img = new LinkedHashMap<String, Object>();
                img.put("identifier", Integer.toUnsignedLong(e.identifier()));
                img.put("offset", Integer.toUnsignedLong(e.offset()) + (outBundle ? FlashImage.OUT_BUNDLE_FLASH_OFFSET : 0));
                img.put("size", Integer.toUnsignedLong(e.size()));
                img.put("filename", e.filename());
                img.put("sha384", org.caliptra.util.image.Sha384.of(e.data()).hex());
                images.add(img);
            }
            report.put("images", images);
            ImageJson.print(out, report);
            return ExitCodes.OK;
        }
        out.printf("%s: %s%s, %d bytes, %d images, checksums %s%n", file, flash.kind(), outBundle ? " (AST2700-A1 out-bundle)" : "",
                bytes.length, flash.entries().size(), problems.isEmpty() ? "ok" : "BAD: " + String.join("; ", problems));
        for (var e : flash.entries()) {
            out.printf("  id 0x%04X  offset 0x%08X  size %8d%s%n", e.identifier(), e.offset(), Integer.toUnsignedLong(e.size()),
                    e.filename() == null || e.filename().isEmpty() ? "" : "  " + Text.oneLine(e.filename()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printToc(PrintWriter out, String name, TocEntry e) {
        out.printf("  %-16s offset 0x%X, size %d, load 0x%08X, entry 0x%08X, version %d, svn %d%n", name,
                e.offset(), Integer.toUnsignedLong(e.size()), e.loadAddress(), e.entryPoint(), e.version(), e.svn());
        out.printf("  %-16s digest %s%n", "", e.digest().hex());
    }
}
