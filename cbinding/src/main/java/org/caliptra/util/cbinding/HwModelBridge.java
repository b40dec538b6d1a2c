package org.caliptra.util.cbinding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.caliptra.util.cli.config.DeviceFile;
import org.caliptra.util.cli.config.TomlFile;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.soc.fuses.FuseSet;

/**
 * The Java side of {@code libcaliptra_hw_model_c_binding.so}: makes the {@link HwModel} behind a
 * C {@code caliptra_model_init_default} call. Called through JNI; never throws.
 *
 * <p>The C caller's parameters say what the reference model's say (generation by the header the
 * caller compiled against, the 2.x {@code hw_version}, {@code security_state}, the 2.x requester and
 * obfuscation key); a device file ({@code CALIPTRA_DEVICE}) adds fuses, secrets and identity and,
 * where it sets them explicitly, overrides the profile, lifecycle and debug lock.
 */
public final class HwModelBridge {
    /** The reference 1.x model's requester on the SoC bus (hw-model DEFAULT_APB_PAUSER). */
    static final int DEFAULT_APB_PAUSER = 1;
    /** caliptra_hw_version values. */
    static final int HW_VERSION_2_0 = 0;
    static final int HW_VERSION_2_1 = 1;
    static final int HW_VERSION_2_2 = 2;

    private static final ThreadLocal<String> LAST_ERROR = ThreadLocal.withInitial(() -> "");

    private HwModelBridge() {}

    /** The message of the calling thread's last failure. */
    public static String lastError() {
        return LAST_ERROR.get();
    }

    static int fail(int status, String message) {
        LAST_ERROR.set(message == null ? "" : message);
        return status;
    }

    /**
     * {@code caliptra_model_init_default}: an unbooted model, or null with {@code statusOut[0]} set.
     *
     * @param generation 1 or 2: the {@code caliptra_model.h} the caller compiled against
     * @param hwVersion the 2.x {@code caliptra_hw_version}; ignored for 1.x
     * @param rom the ROM image, null when none was given; recorded, not executed
     * @param socUser the 2.x requester; 1.x callers present {@link #DEFAULT_APB_PAUSER}
     * @param obfuscationKey the 2.x {@code optional_obf_key} as the caller's eight native (little-endian)
     *     words, null for the default
     * @param deviceFile {@code $CALIPTRA_DEVICE}, or null
     * @param emulator {@code $CALIPTRA_EMULATOR}, or null
     */
    public static HwModel create(int generation, int hwVersion, byte[] rom, long dccmLength, long iccmLength, int securityState,
            int socUser, byte[] obfuscationKey, String deviceFile, String emulator, int[] statusOut) {
        try {
            statusOut[0] = HwModel.OK;
            return open(generation, hwVersion, rom, dccmLength, iccmLength, securityState, socUser, obfuscationKey, deviceFile,
                    emulator, statusOut);
        } catch (Throwable t) {
            statusOut[0] = HwModel.fail(t);
            return null;
        }
    }

    private static HwModel open(int generation, int hwVersion, byte[] rom, long dccmLength, long iccmLength, int securityState,
            int socUser, byte[] obfuscationKey, String deviceFile, String emulator, int[] statusOut) {
        if (generation == 2 && obfuscationKey != null && obfuscationKey.length != 32) {
            statusOut[0] = fail(HwModel.INVALID_OBF_KEY_SIZE, "optional_obf_key is " + obfuscationKey.length
                    + " bytes; the obfuscation key is 32 (eight 32-bit words)");
            return null;
        }
        if ((securityState & ~0b111) != 0 || (securityState & 0b11) == 2) {
            statusOut[0] = fail(HwModel.INVALID_ARGUMENT, String.format("security_state 0x%02X is not a CALIPTRA_SEC_STATE_* value: "
                    + "bits [1:0] are the lifecycle (0 unprovisioned, 1 manufacturing, 3 production), bit 2 debug locked", securityState));
            return null;
        }
        var lines = new StringBuilder();
        Optional<Path> file = Optional.ofNullable(deviceFile).filter(f -> !f.isEmpty()).map(Path::of);
        Optional<DeviceFile> described = Optional.empty();
        if (file.isPresent()) {
            Path path = file.get();
            if (!Files.isRegularFile(path)) {
                statusOut[0] = fail(HwModel.INVALID_ARGUMENT, "CALIPTRA_DEVICE=" + path + ": no such device file");
                return null;
            }
            try {
                described = Optional.of(DeviceFile.read(path));
            } catch (RuntimeException e) {
                statusOut[0] = fail(HwModel.INVALID_ARGUMENT, "CALIPTRA_DEVICE=" + path + ": " + e.getMessage());
                return null;
            }
        }
        Profile profile;
        var named = described.flatMap(DeviceFile::profile).flatMap(Profile::fromId);
        if (named.isPresent()) {
            profile = named.get();
        } else if (generation == 1) {
            profile = Profile.CALIPTRA_1_2;
        } else if (hwVersion == HW_VERSION_2_0) {
            profile = Profile.CALIPTRA_2_0;
        } else if (hwVersion == HW_VERSION_2_1) {
            profile = Profile.CALIPTRA_2_1;
        } else {
            statusOut[0] = fail(HwModel.INVALID_ARGUMENT, "hw_version " + hwVersion + (hwVersion == HW_VERSION_2_2
                    ? " (CALIPTRA_HW_VERSION_2_2): the emulator has no Caliptra 2.2 profile; use CALIPTRA_HW_VERSION_2_0 or _2_1"
                    : " is not a caliptra_hw_version (0 = 2.0, 1 = 2.1, 2 = 2.2); was the program compiled against the 1.x caliptra_model.h?"));
            return null;
        }
        Lifecycle lifecycle = switch (securityState & 0b11) {
            case 0 -> Lifecycle.UNPROVISIONED;
            case 1 -> Lifecycle.MANUFACTURING;
            default -> Lifecycle.PRODUCTION;
        };
        boolean debugLocked = (securityState & 0b100) != 0;
        Generation gen = profile.generation();
        DeviceConfig.Builder config;
        FuseSet fuses;
        if (described.isPresent()) {
            DeviceFile f = described.get();
            Path path = file.get();
            try {
                // The file's explicit settings describe the part; the call's security_state is the default.
                if (TomlFile.read(path).root().contains("lifecycle")) {
                    lifecycle = f.fuses().lifecycle();
                }
                debugLocked = f.debugLocked().orElse(debugLocked);
                config = f.deviceConfig(profile).toBuilder();
                fuses = f.fuseSet(f.fuses(), gen, path);
            } catch (RuntimeException e) {
                statusOut[0] = fail(HwModel.INVALID_ARGUMENT, "CALIPTRA_DEVICE=" + path + ": " + e.getMessage());
                return null;
            }
            lines.append("[model] device file ").append(path).append('\n');
        } else {
            config = DeviceConfig.builder().profile(profile);
            fuses = FuseSet.defaults(gen);
        }
        config.lifecycle(lifecycle).debugLocked(debugLocked).fuses(fuses);
        if (obfuscationKey != null) {
            config.obfuscationKey(Octets.of(bigEndianWords(obfuscationKey)));
        }
        int requester = generation == 1 ? DEFAULT_APB_PAUSER : socUser;
        DeviceConfig built;
        try {
            built = config.build();
        } catch (IllegalArgumentException e) {
            statusOut[0] = fail(HwModel.INVALID_ARGUMENT, file.map(p -> "CALIPTRA_DEVICE=" + p + ": ").orElse("") + e.getMessage());
            return null;
        }
        lines.insert(0, String.format("[model] caliptra-util hw-model, %s API: profile %s, lifecycle %s, debug %s, requester 0x%08X\n",
                generation == 1 ? "1.x" : "2.x", profile.id(), lifecycle.cliName(), debugLocked ? "locked" : "unlocked", requester));
        if (generation == 1 && gen != Generation.V1 || generation == 2 && gen != Generation.V2) {
            lines.append("[model] note: the device file's ").append(profile.id()).append(" registers differ from the ")
                    .append(generation).append(".x caliptra_top_reg.h the program was built with\n");
        }
        lines.append(rom == null ? "[model] no ROM image given\n" : String.format("[model] ROM image %d bytes, SHA-384 %s: recorded; "
                + "the emulator's ROM is behavioural\n", rom.length, sha384(rom)));
        if (dccmLength != 0 || iccmLength != 0) {
            lines.append(String.format("[model] DCCM (%d bytes) and ICCM (%d bytes) preloads ignored\n", dccmLength, iccmLength));
        }
        if (emulator != null && !emulator.isEmpty()) {
            // A served device: its registers over the CPTR endpoint; the fuses boot_default writes still come from here.
            ServedModelTarget served;
            try {
                served = ServedModelTarget.connect(emulator, generation == 1 ? Generation.V1 : Generation.V2);
            } catch (IllegalArgumentException e) {
                statusOut[0] = fail(HwModel.INVALID_ARGUMENT, e.getMessage());
                return null;
            }
            String prologue = String.format("[model] caliptra-util hw-model, %s API: the device served at %s (its profile, lifecycle "
                    + "and requester are the server's)\n", generation == 1 ? "1.x" : "2.x", emulator)
                    + lines.substring(lines.indexOf("\n") + 1);
            return new HwModel(served, fuses, prologue);
        }
        var target = new EmulatedModelTarget(built, requester);
        return new HwModel(target, fuses, lines.toString());
    }

    /** The C caller's eight native words (little-endian on every supported host) as the big-endian key bytes. */
    private static byte[] bigEndianWords(byte[] nativeWords) {
        byte[] out = new byte[nativeWords.length];
        for (int i = 0; i < out.length; i += 4) {
            for (int j = 0; j < 4; j++) {
                out[i + j] = nativeWords[i + 3 - j];
            }
        }
        return out;
    }

    private static String sha384(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-384").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-384 is part of every JDK", e);
        }
    }
}
