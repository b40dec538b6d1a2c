package org.caliptra.util.protocol.mcu;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.InfoCommands;

/**
 * The device-information MC_* commands (spec/device.md §4.5): MC_FIRMWARE_VERSION,
 * MC_DEVICE_CAPABILITIES, and MC_DEVICE_ID / MC_DEVICE_INFO of the older MCU mailbox revision.
 */
public final class McDeviceInfoCommands {
    /** Longest version string MC_FIRMWARE_VERSION carries. */
    public static final int MAX_VERSION_SIZE = 32;
    /** Longest MC_DEVICE_INFO data (a unique chip identifier). */
    public static final int MAX_DEVICE_INFO_SIZE = 32;

    private McDeviceInfoCommands() {}

    /** MC_DEVICE_ID ("MDID"): no request fields; the PCI-style ids, four u16. */
    public static final CommandCodec<NoFields, DeviceIdentity> MC_DEVICE_ID = CommandCodec.of(McCommand.MC_DEVICE_ID,
            NoFields.CODEC, Codec.fixed(8,
                    (v, out) -> out.u16(v.vendorId()).u16(v.deviceId()).u16(v.subsystemVendorId()).u16(v.subsystemId()),
                    in -> new DeviceIdentity(in.u16("vendor_id"), in.u16("device_id"), in.u16("subsystem_vendor_id"),
                            in.u16("subsystem_id"))));

    /**
     * Which firmware MC_FIRMWARE_VERSION asks about; kept as the raw u32 because indexes above 2 are
     * firmware-specific and an unknown one is the device's to refuse.
     */
    public record FirmwareVersionRequest(int index) {
        public static final int CALIPTRA_CORE = 0;
        public static final int MCU_RUNTIME = 1;
        /** An integrator-defined aggregate SoC firmware-set version; optional. */
        public static final int SOC = 2;
    }

    /** A firmware version as the device sends it: {@code data_len} bytes of ASCII "major.minor.patch", at most 32. */
    public record FirmwareVersion(Octets version) {
        public FirmwareVersion {
            Fields.atMost("version", version, MAX_VERSION_SIZE);
        }

        public static FirmwareVersion of(String version) {
            return new FirmwareVersion(Octets.of(Fields.asciiBytes("version", version)));
        }

        /** The version as text, without the NUL padding a responder may count in {@code data_len}. */
        public String text() {
            return Fields.ascii(version);
        }
    }

    public static final CommandCodec<FirmwareVersionRequest, FirmwareVersion> MC_FIRMWARE_VERSION = CommandCodec.of(
            McCommand.MC_FIRMWARE_VERSION,
            Codec.fixed(4, (v, out) -> out.u32(v.index()), in -> new FirmwareVersionRequest(in.u32("index"))),
            Codec.variable(4, 4 + MAX_VERSION_SIZE, (v, out) -> out.sized(v.version()),
                    in -> new FirmwareVersion(in.bytes("version", McFields.declaredRest(in, "data_len", 0, MAX_VERSION_SIZE)))));

    /**
     * MC_DEVICE_CAPABILITIES' {@code caps:u8[36]}: seven big-endian words (bytes 0–7 caliptra_rt,
     * 8–11 caliptra_fmc, 12–15 caliptra_rom, 16–19 mcu_rom, 20–23 mcu_rt, 24–27 external_commands,
     * 28–31 authorized_subcommands) and 4 reserved bytes.
     */
    public record DeviceCapabilities(Octets caps) {
        public static final int SIZE = 36;

        public DeviceCapabilities {
            Fields.exactly("caps", caps, SIZE);
        }

        /** The capabilities with zero reserved bytes. */
        public static DeviceCapabilities of(long caliptraRt, int caliptraFmc, int caliptraRom, int mcuRom, int mcuRt,
                int externalCommands, int authorizedSubcommands) {
            byte[] b = new byte[SIZE];
            putBigEndian(b, 0, caliptraRt, 8);
            putBigEndian(b, 8, caliptraFmc, 4);
            putBigEndian(b, 12, caliptraRom, 4);
            putBigEndian(b, 16, mcuRom, 4);
            putBigEndian(b, 20, mcuRt, 4);
            putBigEndian(b, 24, externalCommands, 4);
            putBigEndian(b, 28, authorizedSubcommands, 4);
            return new DeviceCapabilities(Octets.of(b));
        }

        /**
         * Bytes 0–15 are Caliptra core's CAPABILITIES u128 copied unchanged, so the core bit
         * numbering ({@link InfoCommands.Capabilities#RT_BASE} and friends) applies to them.
         */
        public InfoCommands.Capabilities coreCapabilities() {
            return new InfoCommands.Capabilities(caps.slice(0, InfoCommands.Capabilities.SIZE));
        }

        public long caliptraRt() {
            return bigEndian(0, 8);
        }

        public int caliptraFmc() {
            return (int) bigEndian(8, 4);
        }

        public int caliptraRom() {
            return (int) bigEndian(12, 4);
        }

        /** Reserved for a future ROM-to-runtime handoff; responders send zero until it exists. */
        public int mcuRom() {
            return (int) bigEndian(16, 4);
        }

        public int mcuRt() {
            return (int) bigEndian(20, 4);
        }

        public int externalCommands() {
            return (int) bigEndian(24, 4);
        }

        public int authorizedSubcommands() {
            return (int) bigEndian(28, 4);
        }

        public Octets reserved() {
            return caps.slice(32, 4);
        }

        public boolean has(McuRuntimeCapability flag) {
            return (mcuRt() & flag.mask()) != 0;
        }

        public boolean has(McuRomCapability flag) {
            return (mcuRom() & flag.mask()) != 0;
        }

        public boolean has(ExternalCommand flag) {
            return (externalCommands() & flag.mask()) != 0;
        }

        public boolean has(AuthorizedSubcommand flag) {
            return (authorizedSubcommands() & flag.mask()) != 0;
        }

        private long bigEndian(int offset, int length) {
            long v = 0;
            for (int i = 0; i < length; i++) {
                v = v << 8 | (caps.get(offset + i) & 0xFF);
            }
            return v;
        }

        private static void putBigEndian(byte[] b, int offset, long value, int length) {
            for (int i = 0; i < length; i++) {
                b[offset + i] = (byte) (value >>> (8 * (length - 1 - i)));
            }
        }
    }

    /** A named bit of one of the capability words. */
    public interface CapabilityFlag {
        int bit();

        default int mask() {
            return 1 << bit();
        }

        /** The word with these flags set, for {@link DeviceCapabilities#of}. */
        static int maskOf(CapabilityFlag... flags) {
            int m = 0;
            for (CapabilityFlag f : flags) {
                m |= f.mask();
            }
            return m;
        }
    }

    /** Bits of {@code mcu_rt}. */
    public enum McuRuntimeCapability implements CapabilityFlag {
        FLASH_BOOT, STREAMING_BOOT, FIRMWARE_UPDATE, SPDM_RESPONDER, MCTP_VDM_RESPONDER, USERSPACE_DEBUG_LOG,
        MCI_MAILBOX_SERVICE, DOE;

        @Override
        public int bit() {
            return ordinal();
        }
    }

    /** Proposed bits of {@code mcu_rom}; not advertised until the ROM handoff is specified. */
    public enum McuRomCapability implements CapabilityFlag {
        STREAMING_BOOT_I3C, FLASH_BOOT, NETWORK_BOOT;

        @Override
        public int bit() {
            return ordinal();
        }
    }

    /** Bits of {@code external_commands}: common command code {@code N} is bit {@code N - 1}. */
    public enum ExternalCommand implements CapabilityFlag {
        FIRMWARE_VERSION(0x01), DEVICE_CAPABILITIES(0x02), GET_DEBUG_LOG(0x03), CLEAR_DEBUG_LOG(0x04),
        GET_ATTESTATION(0x05), REQUEST_DEBUG_UNLOCK(0x06), AUTHORIZE_DEBUG_UNLOCK_TOKEN(0x07),
        EXPORT_ATTESTED_CSR(0x08), DEVICE_OWNERSHIP_TRANSFER(0x11), AUTHORIZED_COMMAND(0x12);

        private final int commandCode;

        ExternalCommand(int commandCode) {
            this.commandCode = commandCode;
        }

        public int commandCode() {
            return commandCode;
        }

        @Override
        public int bit() {
            return commandCode - 1;
        }
    }

    /** Bits of {@code authorized_subcommands}: stable capability indexes, not command codes. */
    public enum AuthorizedSubcommand implements CapabilityFlag {
        GET_AUTH_CHALLENGE, PROVISION_VENDOR_PK_HASH, FUSE_INCREASE_CALIPTRA_MIN_SVN, PROGRAM_FIELD_ENTROPY,
        FUSE_REVOKE_VENDOR_PUBLIC_KEY, FUSE_REVOKE_VENDOR_PK_HASH, FUSE_LOCK_PARTITION, PROVISION_OWNER_PK_HASH,
        DOT_LOCK, DOT_DISABLE, DOT_ROTATE, GET_DOT_BACKUP_BLOB;

        @Override
        public int bit() {
            return ordinal();
        }
    }

    public static final CommandCodec<NoFields, DeviceCapabilities> MC_DEVICE_CAPABILITIES = CommandCodec.of(
            McCommand.MC_DEVICE_CAPABILITIES, NoFields.CODEC,
            Codec.fixed(DeviceCapabilities.SIZE, (v, out) -> out.bytes(v.caps()),
                    in -> new DeviceCapabilities(in.bytes("caps", DeviceCapabilities.SIZE))));

    /** What MC_DEVICE_INFO asks for; index 0 is the unique chip identifier, others are firmware-specific. */
    public record DeviceInfoRequest(int index) {
        public static final int UNIQUE_CHIP_ID = 0;
    }

    /** MC_DEVICE_INFO's answer: {@code data_len} bytes of binary information, at most 32. */
    public record DeviceInfo(Octets data) {
        public DeviceInfo {
            Fields.atMost("data", data, MAX_DEVICE_INFO_SIZE);
        }
    }

    public static final CommandCodec<DeviceInfoRequest, DeviceInfo> MC_DEVICE_INFO = CommandCodec.of(McCommand.MC_DEVICE_INFO,
            Codec.fixed(4, (v, out) -> out.u32(v.index()), in -> new DeviceInfoRequest(in.u32("index"))),
            Codec.variable(4, 4 + MAX_DEVICE_INFO_SIZE, (v, out) -> out.sized(v.data()),
                    in -> new DeviceInfo(in.bytes("data", McFields.declaredRest(in, "data_len", 0, MAX_DEVICE_INFO_SIZE)))));
}
