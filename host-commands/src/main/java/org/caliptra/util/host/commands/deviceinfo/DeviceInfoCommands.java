package org.caliptra.util.host.commands.deviceinfo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;

/**
 * The device-information commands (spec/hostlib.md §2.1, §2.3): GetFirmwareVersion,
 * GetDeviceCapabilities, and GetDeviceId ({@link GetDeviceId}) / GetDeviceInfo of the older MCU
 * mailbox revision.
 */
public final class DeviceInfoCommands {
    /** Internal buffer of GetDeviceInfo's data (MC_DEVICE_INFO's 32 bytes). */
    public static final int MAX_DEVICE_INFO = 32;
    public static final int COMMIT_ID_SIZE = 20;

    private DeviceInfoCommands() {}

    /** The device-information commands. */
    public sealed interface DeviceInfoCommand<R> extends CatalogCommand<R>
            permits GetFirmwareVersion, GetDeviceCapabilities, GetDeviceId, GetDeviceInfo {}

    /**
     * GetFirmwareVersion (0x0001): the version of one firmware. Indexes: {@link #CALIPTRA_CORE},
     * {@link #MCU_RUNTIME}, {@link #SOC}; others are firmware-specific and the device's to refuse.
     *
     * <pre>
     * internal request:  index u32                                              (4)
     * internal response: fips_status, version u32[4], commit_id u8[20]         (40)
     * </pre>
     */
    public record GetFirmwareVersion(int index) implements DeviceInfoCommand<FirmwareVersion> {
        public static final int CALIPTRA_CORE = 0;
        public static final int MCU_RUNTIME = 1;
        /** An integrator-defined aggregate SoC firmware-set version; optional. */
        public static final int SOC = 2;

        public static final CommandType<GetFirmwareVersion, FirmwareVersion> TYPE = CommandType.of(
                CommandId.GET_FIRMWARE_VERSION, GetFirmwareVersion.class, true,
                "Version of one firmware: index 0 Caliptra core, 1 MCU runtime, 2 SoC aggregate",
                Codec.fixed(4, (v, out) -> out.u32(v.index()), in -> new GetFirmwareVersion(in.u32("index"))),
                FirmwareVersion.CODEC, () -> new GetFirmwareVersion(CALIPTRA_CORE));

        @Override
        public CommandType<GetFirmwareVersion, FirmwareVersion> type() {
            return TYPE;
        }
    }

    /**
     * A firmware version as four numbers (major, minor, patch, build) and up to 20 bytes of commit id
     * (NUL-padded).
     */
    public record FirmwareVersion(int fipsStatus, int major, int minor, int patch, int build, Octets commitId) {
        public static final int SIZE = 40;
        static final Codec<FirmwareVersion> CODEC = Codec.fixed(SIZE,
                (v, out) -> out.u32(v.fipsStatus()).u32(v.major()).u32(v.minor()).u32(v.patch()).u32(v.build()).bytes(v.commitId()),
                in -> new FirmwareVersion(in.u32("fips_status"), in.u32("version[0]"), in.u32("version[1]"), in.u32("version[2]"),
                        in.u32("version[3]"), in.bytes("commit_id", COMMIT_ID_SIZE)));

        public FirmwareVersion {
            InternalFields.exactly("GetFirmwareVersion", "commit_id", commitId, COMMIT_ID_SIZE);
        }

        /**
         * The reference's reading of a version string (spec/hostlib.md §2.4, MFWV): UTF-8 (anything
         * else reads as ""), trailing NULs trimmed, split at the first space into version and commit;
         * the version's first four dot-separated parts as decimal u32 (a part that does not parse is
         * 0); the commit's first 20 bytes. "1.2.3.4567-mock_commit_hash" gives 1.2.3.0.
         */
        public static FirmwareVersion parse(int fipsStatus, Octets versionString) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(versionString.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                text = "";
            }
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == '\0') {
                end--;
            }
            text = text.substring(0, end);
            int space = text.indexOf(' ');
            String version = space < 0 ? text : text.substring(0, space);
            String commit = space < 0 ? "" : text.substring(space + 1);
            int[] numbers = new int[4];
            String[] parts = version.split("\\.", -1);
            for (int i = 0; i < Math.min(4, parts.length); i++) {
                try {
                    numbers[i] = Integer.parseUnsignedInt(parts[i]);
                } catch (NumberFormatException notANumber) {
                    numbers[i] = 0;
                }
            }
            byte[] commitBytes = commit.getBytes(StandardCharsets.UTF_8);
            return new FirmwareVersion(fipsStatus, numbers[0], numbers[1], numbers[2], numbers[3],
                    Octets.of(Arrays.copyOf(commitBytes, COMMIT_ID_SIZE)));
        }

        /**
         * A Caliptra firmware revision word as the MCU formats it for index 0: major bits 31:24, minor
         * 23:16, patch 15:0; no build number, no commit id.
         */
        public static FirmwareVersion ofRevision(int fipsStatus, int revision) {
            return new FirmwareVersion(fipsStatus, revision >>> 24, (revision >>> 16) & 0xFF, revision & 0xFFFF, 0,
                    Octets.zeros(COMMIT_ID_SIZE));
        }

        /** "major.minor.patch.build", as the reference validator compares versions. */
        public String text() {
            return Integer.toUnsignedString(major) + "." + Integer.toUnsignedString(minor) + "." + Integer.toUnsignedString(patch)
                    + "." + Integer.toUnsignedString(build);
        }

        /** The commit id without its NUL padding. */
        public String commit() {
            byte[] b = commitId.toByteArray();
            int end = 0;
            while (end < b.length && b[end] != 0) {
                end++;
            }
            return new String(b, 0, end, StandardCharsets.UTF_8);
        }
    }

    /**
     * GetDeviceCapabilities (0x0002): the 36-byte capabilities of spec/device.md §4.5 (big-endian
     * words; {@link DeviceCapabilities} reads them).
     *
     * <pre>
     * internal request:  (empty)
     * internal response: fips_status, caps u8[36]                               (40)
     * </pre>
     */
    public record GetDeviceCapabilities() implements DeviceInfoCommand<Capabilities> {
        public static final CommandType<GetDeviceCapabilities, Capabilities> TYPE = CommandType.of(
                CommandId.GET_DEVICE_CAPABILITIES, GetDeviceCapabilities.class, true,
                "Capabilities of Caliptra core, MCU ROM/runtime and the external and authorized commands",
                Codec.fixed(0, (v, out) -> { }, in -> new GetDeviceCapabilities()),
                Codec.fixed(40, (v, out) -> out.u32(v.fipsStatus()).bytes(v.capabilities().caps()),
                        in -> new Capabilities(in.u32("fips_status"), new DeviceCapabilities(in.bytes("caps", DeviceCapabilities.SIZE)))),
                GetDeviceCapabilities::new);

        @Override
        public CommandType<GetDeviceCapabilities, Capabilities> type() {
            return TYPE;
        }
    }

    public record Capabilities(int fipsStatus, DeviceCapabilities capabilities) {
        public Capabilities {
            InternalFields.present("GetDeviceCapabilities", "caps", capabilities);
        }
    }

    /**
     * GetDeviceInfo (0x0004): device information by index; index 0 is the unique chip identifier
     * (MC_DEVICE_INFO of the older MCU mailbox revision). Layout of this library (the reference
     * defines none), after MC_DEVICE_INFO:
     *
     * <pre>
     * internal request:  index u32                                              (4)
     * internal response: fips_status, data_len u32, data u8[32]                 (40)
     * </pre>
     */
    public record GetDeviceInfo(int index) implements DeviceInfoCommand<DeviceInfoData> {
        public static final int UNIQUE_CHIP_ID = 0;

        public static final CommandType<GetDeviceInfo, DeviceInfoData> TYPE = CommandType.of(CommandId.GET_DEVICE_INFO,
                GetDeviceInfo.class, true, "Device information by index; 0 is the unique chip identifier",
                Codec.fixed(4, (v, out) -> out.u32(v.index()), in -> new GetDeviceInfo(in.u32("index"))),
                Codec.fixed(8 + MAX_DEVICE_INFO, (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()), v.data(), MAX_DEVICE_INFO),
                        in -> new DeviceInfoData(in.u32("fips_status"), InternalFields.sized(in, "data_len", "data", MAX_DEVICE_INFO))),
                () -> new GetDeviceInfo(UNIQUE_CHIP_ID));

        @Override
        public CommandType<GetDeviceInfo, DeviceInfoData> type() {
            return TYPE;
        }
    }

    public record DeviceInfoData(int fipsStatus, Octets data) {
        public DeviceInfoData {
            InternalFields.atMost("GetDeviceInfo", "data", data, MAX_DEVICE_INFO);
        }
    }

}
