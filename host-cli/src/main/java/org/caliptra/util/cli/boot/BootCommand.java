package org.caliptra.util.cli.boot;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.image.FuseOptions;
import org.caliptra.util.cli.image.ImageJson;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.soc.SocIfc;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.protocol.core.AuthResult;
import org.caliptra.util.image.soc.ManifestAuthorization;
import org.caliptra.util.image.soc.SocManifest;
import org.caliptra.util.image.verify.FlashVerification;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code caliptra-util boot}: a packaged image booted on an emulated device through its
 * registers — fuses, ROM, FIRMWARE_LOAD, SET_AUTH_MANIFEST, AUTHORIZE_AND_STASH for each image —
 * reported stage by stage.
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = {"Boot a packaged image on an emulated Caliptra through its registers and report each stage:",
            "fuses -> ROM -> FIRMWARE_LOAD -> runtime -> SET_AUTH_MANIFEST -> AUTHORIZE_AND_STASH per SoC image.",
            "Exit code 0 only if everything booted and every image was authorized, 1 otherwise, 2 for bad input."})
public final class BootCommand implements Callable<Integer> {
    static final int FIRMWARE_LOAD = 0x4657_4C44;
    static final int SET_AUTH_MANIFEST = 0x4154_4D4E;
    static final int AUTHORIZE_AND_STASH = 0x4154_5348;
    static final int ROM_STEPS = 1_000;
    static final int COMMAND_STEPS = 1_000;

    static final class Input {
        @Option(names = "--flash", paramLabel = "FILE", required = true, description = "A flash image (FLSH v1, v3, A1 out-bundle).")
        Path flash;

        @Option(names = "--fw", paramLabel = "FILE", required = true, description = "A Caliptra firmware bundle.")
        Path fw;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--manifest", paramLabel = "FILE", description = "With --fw: the SoC manifest to set.")
    Path manifest;

    @Option(names = "--image", paramLabel = "FWID=FILE", description = "With --fw: an image to authorize (repeatable).")
    List<String> images = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", description = "caliptra-1.2, caliptra-2.0 or caliptra-2.1 "
            + "(default: the device file's, else from the bundle: 1.x -> caliptra-1.2, 2.x -> caliptra-2.1).")
    String profile;

    @Mixin
    FuseOptions fuseOptions;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    record Stage(String stage, String result, String errorName, Integer errorCode, Integer fwId, String detail) {
        boolean ok() {
            return errorName == null && !result.equals("failed") && !result.equals("not reached");
        }
    }

    record Work(byte[] bundle, byte[] manifest, List<Object[]> images) {}

    @Override
    public Integer call() {
        Work work = input.flash != null ? fromFlash(InputFiles.read(input.flash)) : fromFiles();
        if (!FwBundle.isBundle(work.bundle())) {
            throw new UsageException("no Caliptra firmware bundle (CMAN or CMN2) found in " + (input.flash != null ? input.flash : input.fw));
        }
        var bundle = FwBundle.parse(work.bundle(), "firmware");
        Generation generation = bundle instanceof FwBundle.V1 ? Generation.V1 : Generation.V2;
        var fuses = fuseOptions.fuses();
        var file = fuseOptions.file();
        Profile fallback = profile != null ? Profile.fromId(profile).orElseThrow(() -> new UsageException(
                "--profile '" + profile + "': expected caliptra-1.2, caliptra-2.0 or caliptra-2.1"))
                : generation == Generation.V1 ? Profile.CALIPTRA_1_2 : Profile.CALIPTRA_2_1;
        var config = file.map(f -> profile != null ? f.deviceConfig(fallback).toBuilder().profile(fallback).build() : f.deviceConfig(fallback))
                .orElseGet(() -> org.caliptra.util.emulator.DeviceConfig.builder().profile(fallback).lifecycle(fuses.lifecycle()).build());
        config = config.toBuilder().lifecycle(fuses.lifecycle()).build();
        int pl0 = bundle instanceof FwBundle.V1 v1 ? v1.manifest().header().pl0Pauser() : ((FwBundle.V2) bundle).manifest().header().pl0Pauser();

        var stages = new ArrayList<Stage>();
        try (var device = CaliptraDevice.create(config)) {
            device.setRequesterUser(pl0);
            var soc = new SocDriver(device, config.profile().generation());
            boolean ok = soc.writeFuses(fuses);
            stages.add(new Stage("fuses", ok ? "ok" : "failed", ok ? null : "STILL_READY_FOR_FUSES", ok ? null : 0x201, null,
                    "lifecycle " + fuses.lifecycle().cliName() + ", profile " + config.profile().id()));
            soc.go();
            ok = ok && soc.waitFlow(SocIfc.FLOW_READY_FOR_FW, ROM_STEPS);
            stages.add(new Stage("rom", ok ? "ok" : "failed", null, null, null, ok ? "ready_for_fw" : "ready_for_fw never set"));
            if (ok) {
                var load = soc.transact(FIRMWARE_LOAD, work.bundle(), COMMAND_STEPS);
                boolean loaded = load.status() == MailboxStatus.CMD_COMPLETE;
                stages.add(loaded ? new Stage("firmware-load", "ok", null, null, null, "CMD_COMPLETE")
                        : failure("firmware-load", load, generation, null));
                ok = loaded && soc.waitFlow(SocIfc.FLOW_READY_FOR_RUNTIME, ROM_STEPS);
                if (loaded) {
                    int bootStatus = soc.read(SocIfc.BASE + SocIfc.BOOT_STATUS);
                    stages.add(new Stage("runtime", ok ? "ok" : "failed", null, null, null,
                            ok ? "ready_for_runtime" + (config.debugLocked() ? "" : String.format(", boot status 0x%X", bootStatus))
                                    : "ready_for_runtime never set"));
                }
            }
            if (ok && work.manifest() != null) {
                byte[] body = ByteBuffer.allocate(4 + work.manifest().length).order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(work.manifest().length).put(work.manifest()).array();
                var set = soc.transact(SET_AUTH_MANIFEST, MailboxChecksum.seal(SET_AUTH_MANIFEST, body), COMMAND_STEPS);
                boolean setOk = set.status() == MailboxStatus.DATA_READY;
                stages.add(setOk ? new Stage("set-auth-manifest", "ok", null, null, null, SocManifest.parse(work.manifest(), "m").kind())
                        : failure("set-auth-manifest", set, generation, null));
                ok = setOk;
            }
            if (ok) {
                for (Object[] img : work.images()) {
                    int fwId = (Integer) img[0];
                    String name = (String) img[1];
                    byte[] data = (byte[]) img[2];
                    if (data == null) {
                        stages.add(new Stage("authorize", "not checked", null, null, fwId, name));
                        continue;
                    }
                    var req = ByteBuffer.allocate(generation == Generation.V1 ? 112 : 116).order(ByteOrder.LITTLE_ENDIAN);
                    req.putInt(fwId).put(ManifestAuthorization.imageDigest(data).toByteArray()).put(new byte[48]).putInt(0).putInt(0).putInt(1);
                    var r = soc.transact(AUTHORIZE_AND_STASH, MailboxChecksum.seal(AUTHORIZE_AND_STASH, req.array()), COMMAND_STEPS);
                    if (r.status() != MailboxStatus.DATA_READY) {
                        stages.add(failure("authorize", r, generation, fwId));
                        continue;
                    }
                    int code = ByteBuffer.wrap(r.response()).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
                    AuthResult result = null;
                    for (AuthResult a : AuthResult.values()) {
                        if (a.code() == code) {
                            result = a;
                        }
                    }
                    boolean authorized = result != null && result.authorized();
                    stages.add(new Stage("authorize", authorized ? "authorized" : result == null ? "failed" : result.name(),
                            authorized ? null : result == null ? String.format("0x%08X", code) : result.name(), authorized ? null : code,
                            fwId, name));
                }
            }
        }
        boolean booted = stages.stream().allMatch(Stage::ok) && stages.size() >= 4;
        print(stages, booted);
        return booted ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static Stage failure(String stage, SocDriver.Result r, Generation generation, Integer fwId) {
        if (r.status() == null) {
            return new Stage(stage, "failed", "MBX_BUSY", null, fwId, "the mailbox lock was held");
        }
        if (r.status() == MailboxStatus.CMD_BUSY) {
            return new Stage(stage, "failed", "MBX_TIMEOUT", null, fwId, "no answer within " + COMMAND_STEPS + " steps");
        }
        int code = r.fwErrorNonFatal();
        return new Stage(stage, "failed", errorName(code, generation), code, fwId, r.status().name());
    }

    static String errorName(int code, Generation generation) {
        return CaliptraError.of(code, generation).map(CaliptraError::name).orElse(String.format("0x%08X", code));
    }

    private Work fromFlash(byte[] bytes) {
        var contents = FlashVerification.contents(bytes);
        byte[] manifest = contents.manifest() == null ? null
                : FlashVerification.trimmed(contents.manifest(), org.caliptra.util.image.soc.SocManifestVariant.detect(contents.manifest()));
        var list = new ArrayList<Object[]>();
        for (var slot : contents.slots()) {
            var e = slot.entry();
            String name = e == null ? slot.note() : e.filename() != null && !e.filename().isEmpty() ? e.filename()
                    : String.format("flash image 0x%X", e.identifier());
            list.add(new Object[] {slot.metadata().fwId(), name, e == null ? null : e.data().toByteArray()});
        }
        return new Work(contents.caliptra(), manifest, list);
    }

    private Work fromFiles() {
        byte[] bundle = InputFiles.read(input.fw);
        byte[] man = manifest == null ? null : InputFiles.read(manifest);
        if (man != null) {
            SocManifest.parse(man, manifest.toString());
        }
        if (!images.isEmpty() && man == null) {
            throw new UsageException("--image needs --manifest: images are authorized against a SoC manifest");
        }
        var list = new ArrayList<Object[]>();
        for (String s : images) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--image " + s + ": expected FWID=FILE");
            }
            Path file = Path.of(s.substring(eq + 1));
            list.add(new Object[] {U32Converter.parse(s.substring(0, eq)), file.toString(), InputFiles.read(file)});
        }
        return new Work(bundle, man, list);
    }

    private void print(List<Stage> stages, boolean booted) {
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            var list = new ArrayList<Map<String, Object>>();
            for (Stage s : stages) {
                var m = new LinkedHashMap<String, Object>();
                m.put("stage", s.stage());
                m.put("result", s.result());
                if (s.fwId() != null) {
                    m.put("fw_id", Integer.toUnsignedLong(s.fwId()));
                }
                if (s.errorName() != null) {
                    var error = new LinkedHashMap<String, Object>();
                    error.put("name", s.errorName());
                    error.put("code", s.errorCode() == null ? null : String.format("0x%08X", s.errorCode()));
                    m.put("error", error);
                }
                if (s.detail() != null) {
                    m.put("detail", s.detail());
                }
                list.add(m);
            }
            var json = new LinkedHashMap<String, Object>();
            json.put("verdict", booted ? "booted" : "failed");
            json.put("stages", list);
            ImageJson.print(out, json);
            return;
        }
        out.printf("%-20s %-8s %-22s %s%n", "STAGE", "FW_ID", "RESULT", "DETAIL");
        for (Stage s : stages) {
            String result = s.errorName() == null ? s.result()
                    : s.errorName() + (s.errorCode() == null ? "" : String.format(" (0x%08X)", s.errorCode()));
            out.printf("%-20s %-8s %-22s %s%n", s.stage(), s.fwId() == null ? "-" : s.fwId(), result, s.detail() == null ? "" : s.detail());
        }
        out.println(booted ? "verdict: booted" : "verdict: failed");
        out.flush();
    }
}
