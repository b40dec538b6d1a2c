package org.caliptra.util.host.commands.deviceinfo;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CodecVdmMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.Capabilities;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.DeviceInfoData;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.FirmwareVersion;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetDeviceCapabilities;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetDeviceInfo;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetFirmwareVersion;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.host.transport.mctp.VdmCommandMapping;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.mctp.VdmCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;

import static org.caliptra.util.host.commands.CommandId.*;

/**
 * Device information over each route.
 *
 * <ul>
 * <li>MCU mailbox: MC_FIRMWARE_VERSION (the version string read as the reference reads it),
 *     MC_DEVICE_CAPABILITIES, MC_DEVICE_ID, MC_DEVICE_INFO.
 * <li>Caliptra core mailbox, 1.x and 2.x alike: GetFirmwareVersion index 0 as VERSION, whose runtime revision word the
 *     MCU formats the same way for its own index 0 (major 31:24, minor 23:16, patch 15:0); other
 *     indexes name MCU or SoC firmware a core cannot report, and are refused before anything is sent.
 *     GetDeviceCapabilities as CAPABILITIES: its 16 bytes are the first 16 of the 36-byte caps
 *     (caliptra_rt, caliptra_fmc, caliptra_rom, as the MCU copies them); the MCU and command words
 *     and the reserved bytes are zero, since a core has none of them.
 * <li>MCTP-VDM: FirmwareVersion (0x01) and DeviceCapabilities (0x02), the version string ending at
 *     its first NUL; fips_status is the completion code, 0.
 * </ul>
 */
public final class DeviceInfoFamily implements CommandFamily {
    @Override
    public String name() {
        return "device-info";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(GET_FIRMWARE_VERSION, GET_DEVICE_CAPABILITIES, GET_DEVICE_ID, GET_DEVICE_INFO),
                EnumSet.of(GET_FIRMWARE_VERSION, GET_DEVICE_CAPABILITIES, GET_DEVICE_ID, GET_DEVICE_INFO),
                EnumSet.of(GET_FIRMWARE_VERSION, GET_DEVICE_CAPABILITIES),
                EnumSet.of(GET_FIRMWARE_VERSION, GET_DEVICE_CAPABILITIES)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(GetFirmwareVersion.TYPE, GetDeviceCapabilities.TYPE, GetDeviceId.TYPE, GetDeviceInfo.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return switch (kind) {
            case MCU -> List.of(
                    CodecMailboxMapping.of(GetFirmwareVersion.TYPE, McDeviceInfoCommands.MC_FIRMWARE_VERSION,
                            q -> new McDeviceInfoCommands.FirmwareVersionRequest(q.index()),
                            (fips, v) -> FirmwareVersion.parse(fips, v.version())),
                    CodecMailboxMapping.of(GetDeviceCapabilities.TYPE, McDeviceInfoCommands.MC_DEVICE_CAPABILITIES,
                            q -> NoFields.INSTANCE, Capabilities::new),
                    CodecMailboxMapping.of(GetDeviceId.TYPE, McDeviceInfoCommands.MC_DEVICE_ID, q -> NoFields.INSTANCE,
                            GetDeviceId.Response::new),
                    CodecMailboxMapping.of(GetDeviceInfo.TYPE, McDeviceInfoCommands.MC_DEVICE_INFO,
                            q -> new McDeviceInfoCommands.DeviceInfoRequest(q.index()),
                            (fips, info) -> new DeviceInfoData(fips, info.data())));
            case CALIPTRA_CORE -> List.of(
                    CodecMailboxMapping.of(GetFirmwareVersion.TYPE, InfoCommands.VERSION, DeviceInfoFamily::coreIndex,
                            (fips, v) -> FirmwareVersion.ofRevision(fips, v.runtimeRevision())),
                    CodecMailboxMapping.of(GetDeviceCapabilities.TYPE, InfoCommands.CAPABILITIES, q -> NoFields.INSTANCE,
                            (fips, caps) -> new Capabilities(fips, fromCore(caps))));
        };
    }

    @Override
    public List<VdmCommandMapping> vdmMappings() {
        return List.of(
                CodecVdmMapping.of(GetFirmwareVersion.TYPE, VdmCommands.VDM_FIRMWARE_VERSION,
                        q -> new VdmCommands.FirmwareVersionRequest(q.index()),
                        v -> FirmwareVersion.parse(CodecVdmMapping.SUCCESS_STATUS, v.string())),
                CodecVdmMapping.of(GetDeviceCapabilities.TYPE, VdmCommands.VDM_DEVICE_CAPABILITIES, q -> NoFields.INSTANCE,
                        caps -> new Capabilities(CodecVdmMapping.SUCCESS_STATUS, caps)));
    }

    private static NoFields coreIndex(GetFirmwareVersion q) {
        if (q.index() != GetFirmwareVersion.CALIPTRA_CORE) {
            throw new IllegalArgumentException("index " + Integer.toUnsignedString(q.index())
                    + " names firmware a Caliptra core mailbox cannot report; it answers index 0 (Caliptra core) only — ask the "
                    + "MCU mailbox or MCTP-VDM");
        }
        return NoFields.INSTANCE;
    }

    /** The core's 16 capability bytes as the first 16 of the 36; the rest zero. */
    static DeviceCapabilities fromCore(InfoCommands.Capabilities core) {
        byte[] caps = new byte[DeviceCapabilities.SIZE];
        core.bits().copyTo(caps, 0);
        return new DeviceCapabilities(Octets.of(caps));
    }
}
