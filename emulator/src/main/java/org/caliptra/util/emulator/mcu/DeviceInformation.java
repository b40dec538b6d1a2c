package org.caliptra.util.emulator.mcu;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.mctp.VdmCompletionCode;
import org.caliptra.util.protocol.mcu.McCommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.AuthorizedSubcommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.CapabilityFlag;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.ExternalCommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.FirmwareVersionRequest;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.McuRuntimeCapability;

/**
 * What the MCU says about the device in the common commands FirmwareVersion and DeviceCapabilities
 * (spec/hostlib.md §4.2, caliptra-mcu-sw {@code caliptra_common_commands.md}): the one home for both,
 * which the MCI mailbox and the MCTP-VDM responder share.
 */
final class DeviceInformation {
    /**
     * Which MC_* command implements each external common command that needs one; the four MCTP-VDM
     * commands are the VDM responder's, always present.
     */
    private static final Map<ExternalCommand, McCommand> EXTERNAL_BY_MC = new EnumMap<>(Map.of(
            ExternalCommand.GET_ATTESTATION, McCommand.MC_GET_ATTESTATION,
            ExternalCommand.REQUEST_DEBUG_UNLOCK, McCommand.MC_PROD_DEBUG_UNLOCK_REQ,
            ExternalCommand.AUTHORIZE_DEBUG_UNLOCK_TOKEN, McCommand.MC_PROD_DEBUG_UNLOCK_TOKEN,
            ExternalCommand.EXPORT_ATTESTED_CSR, McCommand.MC_EXPORT_ATTESTED_CSR,
            ExternalCommand.DEVICE_OWNERSHIP_TRANSFER, McCommand.MC_DEVICE_OWNERSHIP_TRANSFER));
    /** Which MC_* command implements each authorized subcommand (the DOT ones are DOT family subcommands). */
    private static final Map<AuthorizedSubcommand, McCommand> SUBCOMMAND_BY_MC = subcommands();

    private final CoreLink core;
    private final int mcuRuntimeVersion;
    private final OptionalInt socFirmwareVersion;
    private final IntPredicate served;

    /**
     * @param served whether the MCU mailbox serves an MC_* code: capabilities follow the command
     *     table, so a family registered there is advertised without another edit
     */
    DeviceInformation(CoreLink core, int mcuRuntimeVersion, OptionalInt socFirmwareVersion, IntPredicate served) {
        this.core = core;
        this.mcuRuntimeVersion = mcuRuntimeVersion;
        this.socFirmwareVersion = socFirmwareVersion;
        this.served = served;
    }

    /**
     * "major.minor.patch" of firmware {@code index}: 0 the Caliptra core's runtime (the core's
     * VERSION fips_rev[2], CPTRA_FW_REV_ID[1]: "0.0.0" while the core is in its ROM), 1 the MCU
     * runtime, 2 the SoC aggregate if configured.
     *
     * @throws CommonCommandException UnsupportedOperation for index 2 without a SoC version,
     *     InvalidParameter for any other index, GeneralError (or CaliptraMailboxBusy) when the core
     *     does not answer VERSION — the reference's answers
     */
    String firmwareVersion(int index) {
        int packed = switch (index) {
            case FirmwareVersionRequest.CALIPTRA_CORE -> coreRuntimeVersion();
            case FirmwareVersionRequest.MCU_RUNTIME -> mcuRuntimeVersion;
            case FirmwareVersionRequest.SOC -> socFirmwareVersion.orElseThrow(() -> new CommonCommandException(
                    VdmCompletionCode.UNSUPPORTED_OPERATION, "no aggregate SoC firmware version is configured (index 2)"));
            default -> throw new CommonCommandException(VdmCompletionCode.INVALID_PARAMETER,
                    "firmware version index " + Integer.toUnsignedString(index) + " is none of 0 (Caliptra core), 1 (MCU runtime), 2 (SoC)");
        };
        return (packed >>> 24) + "." + ((packed >>> 16) & 0xFF) + "." + (packed & 0xFFFF);
    }

    private int coreRuntimeVersion() {
        try {
            return core.call(InfoCommands.VERSION, NoFields.INSTANCE).runtimeRevision();
        } catch (CommandFailure failure) {
            throw CommonCommandException.fromCore(failure);
        }
    }

    /**
     * The 36-byte capabilities: Caliptra's CAPABILITIES copied as the core answers them (ROM or
     * runtime), mcu_rom zero (reserved until the ROM handoff exists), mcu_rt what this MCU runs,
     * and the command bitmaps from what the MCU really serves.
     *
     * @throws CommonCommandException when the core does not answer CAPABILITIES, as in the reference
     */
    DeviceCapabilities capabilities() {
        byte[] coreCaps;
        try {
            coreCaps = core.call(InfoCommands.CAPABILITIES, NoFields.INSTANCE).bits().toByteArray();
        } catch (CommandFailure failure) {
            throw CommonCommandException.fromCore(failure);
        }
        long rt = 0;
        for (int i = 0; i < 8; i++) {
            rt = rt << 8 | (coreCaps[i] & 0xFF);
        }
        int mcuRt = CapabilityFlag.maskOf(McuRuntimeCapability.MCI_MAILBOX_SERVICE, McuRuntimeCapability.MCTP_VDM_RESPONDER,
                McuRuntimeCapability.USERSPACE_DEBUG_LOG);
        int authorized = 0;
        for (var e : SUBCOMMAND_BY_MC.entrySet()) {
            if (served.test(e.getValue().code())) {
                authorized |= e.getKey().mask();
            }
        }
        int external = CapabilityFlag.maskOf(ExternalCommand.FIRMWARE_VERSION, ExternalCommand.DEVICE_CAPABILITIES,
                ExternalCommand.GET_DEBUG_LOG, ExternalCommand.CLEAR_DEBUG_LOG);
        for (var e : EXTERNAL_BY_MC.entrySet()) {
            if (served.test(e.getValue().code())) {
                external |= e.getKey().mask();
            }
        }
        if (authorized != 0) {
            external |= ExternalCommand.AUTHORIZED_COMMAND.mask();
        }
        return DeviceCapabilities.of(rt, bigEndian(coreCaps, 8), bigEndian(coreCaps, 12), 0, mcuRt, external, authorized);
    }

    private static int bigEndian(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 24 | (b[offset + 1] & 0xFF) << 16 | (b[offset + 2] & 0xFF) << 8 | (b[offset + 3] & 0xFF);
    }

    private static Map<AuthorizedSubcommand, McCommand> subcommands() {
        var m = new EnumMap<AuthorizedSubcommand, McCommand>(AuthorizedSubcommand.class);
        m.put(AuthorizedSubcommand.GET_AUTH_CHALLENGE, McCommand.MC_GET_AUTH_CMD_CHALLENGE);
        m.put(AuthorizedSubcommand.PROVISION_VENDOR_PK_HASH, McCommand.MC_PROVISION_VENDOR_PK_HASH);
        m.put(AuthorizedSubcommand.FUSE_INCREASE_CALIPTRA_MIN_SVN, McCommand.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN);
        m.put(AuthorizedSubcommand.PROGRAM_FIELD_ENTROPY, McCommand.MC_FE_PROG);
        m.put(AuthorizedSubcommand.FUSE_REVOKE_VENDOR_PUBLIC_KEY, McCommand.MC_FUSE_REVOKE_VENDOR_PUB_KEY);
        m.put(AuthorizedSubcommand.FUSE_REVOKE_VENDOR_PK_HASH, McCommand.MC_FUSE_REVOKE_VENDOR_PK_HASH);
        m.put(AuthorizedSubcommand.FUSE_LOCK_PARTITION, McCommand.MC_FUSE_LOCK_PARTITION);
        m.put(AuthorizedSubcommand.PROVISION_OWNER_PK_HASH, McCommand.MC_PROVISION_OWNER_PK_HASH);
        for (var dot : new AuthorizedSubcommand[] {AuthorizedSubcommand.DOT_LOCK, AuthorizedSubcommand.DOT_DISABLE,
                AuthorizedSubcommand.DOT_ROTATE, AuthorizedSubcommand.GET_DOT_BACKUP_BLOB}) {
            m.put(dot, McCommand.MC_DEVICE_OWNERSHIP_TRANSFER);
        }
        return m;
    }
}
