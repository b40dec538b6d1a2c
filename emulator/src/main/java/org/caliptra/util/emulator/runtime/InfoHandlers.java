package org.caliptra.util.emulator.runtime;

import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.firmware.Identity;
import org.caliptra.util.emulator.firmware.LoadedFirmware;
import org.caliptra.util.image.verify.AcceptedImage;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.core.InfoCommands.Capabilities;
import org.caliptra.util.protocol.core.InfoCommands.FwInfoV1;
import org.caliptra.util.protocol.core.InfoCommands.FwInfoV2;

/** CAPABILITIES (RT_BASE), VERSION and FW_INFO at runtime. */
final class InfoHandlers implements CommandTable.CommandFamily {
    private final CaliptraFirmware firmware;
    private final RuntimeFirmware runtime;

    InfoHandlers(CaliptraFirmware firmware, RuntimeFirmware runtime) {
        this.firmware = firmware;
        this.runtime = runtime;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(InfoCommands.CAPABILITIES, (request, requester) -> Capabilities.of(Capabilities.RT_BASE));
        table.add(InfoCommands.VERSION, (request, requester) -> Identity.fipsVersion(firmware.soc()));
        if (firmware.generation() == Generation.V1) {
            table.add(InfoCommands.FW_INFO_V1, (request, requester) -> fwInfoV1(firmware.loaded()));
        } else {
            table.add(InfoCommands.FW_INFO_V2, (request, requester) -> fwInfoV2(firmware.loaded()));
        }
    }

    /**
     * The ROM's revision (its git commit) and SHA-256 come from the ROM image's info block; the
     * emulator runs no ROM image, so both are zero.
     */
    private static final Octets NO_ROM_DIGEST = Octets.zeros(32);
    private static final Octets NO_REVISION = Octets.zeros(20);

    private FwInfoV1 fwInfoV1(LoadedFirmware loaded) {
        AcceptedImage m = loaded.accepted();
        return new FwInfoV1(loaded.pl0Pauser(), m.runtimeSvn(), loaded.minRuntimeSvn(), loaded.coldBoot().fmcSvn(),
                firmware.attestationDisabled() ? 1 : 0, NO_REVISION, loaded.bundle().fmc().revision(),
                loaded.bundle().runtime().revision(), NO_ROM_DIGEST, m.fmcDigest(), m.runtimeDigest(), m.ownerPkHash());
    }

    private FwInfoV2 fwInfoV2(LoadedFirmware loaded) {
        AcceptedImage m = loaded.accepted();
        var fuses = firmware.soc().readFuses();
        return new FwInfoV2(loaded.pl0Pauser(), m.runtimeSvn(), loaded.minRuntimeSvn(), loaded.coldBoot().runtimeSvn(),
                firmware.attestationDisabled() ? 1 : 0, NO_REVISION, loaded.bundle().fmc().revision(),
                loaded.bundle().runtime().revision(), NO_ROM_DIGEST, m.fmcDigest(), m.runtimeDigest(), m.ownerPkHash(),
                runtime.authManifestDigest(), runtime.previousFwError(), fuses.vendorPkHash(),
                m.pqcKeyType() == null ? 0 : m.pqcKeyType().value(), m.vendorEccKeyIndex(), m.vendorPqcKeyIndex(),
                0, fuses.socManifestSvn(), 0, 0);
    }
}
