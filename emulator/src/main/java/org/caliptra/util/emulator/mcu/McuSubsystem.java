package org.caliptra.util.emulator.mcu;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_COMMON;

import java.util.List;
import org.caliptra.util.emulator.DeviceConfig;
import java.util.function.Supplier;
import org.caliptra.util.emulator.dice.DiceIdentity;
import org.caliptra.util.emulator.dice.Lazy;
import org.caliptra.util.emulator.dice.Ueid;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.mcu.fuse.FuseMap;
import org.caliptra.util.emulator.mcu.fuse.FuseStore;
import org.caliptra.util.emulator.mcu.fuse.SubsystemFuses;
import org.caliptra.util.protocol.Generation;

/**
 * The caliptra-2.1 subsystem state behind the MCU's fuse, authorization, debug-unlock and DOT
 * commands, as one cold boot of the subsystem finds it: the OTP and DOT blob (from the configured
 * fuse store, or made from the configured fuses), the core fuses and identity the MCU ROM derives
 * from the OTP, and the production debug-unlock hashes it copies into MCI. What the OTP gains later
 * (a burnt UDS, a new debug-unlock hash) takes effect at the next device made from the same store,
 * as it takes effect at the next reset on silicon.
 *
 * <p>Not thread-safe: owned by the device thread.
 */
public final class McuSubsystem implements CommandTable.CommandFamily {
    private final List<CommandTable.CommandFamily> families;

    private McuSubsystem(List<CommandTable.CommandFamily> families) {
        this.families = families;
    }

    /**
     * The subsystem of a caliptra-2.1 device.
     *
     * @throws java.io.UncheckedIOException when the configured fuse store cannot be read, written or parsed
     */
    public static McuSubsystem open(DeviceConfig config, CaliptraFirmware firmware) {
        if (!config.profile().subsystemMode()) {
            throw new IllegalArgumentException(config.profile().id() + " has no subsystem MCU");
        }
        var store = config.fuseStore().map(path -> FuseStore.open(path, () -> SubsystemFuses.seed(config.fuses())))
                .orElseGet(() -> FuseStore.inMemory(SubsystemFuses.seed(config.fuses())));
        store.onSaveFailure(e -> CommandFailure.of(MCU_MBOX_COMMON, e.getMessage()));
        var fuses = new SubsystemFuses(store.otp());
        var coreFuses = fuses.coreFuses(config.fuses());
        // Derived when DOT first needs it: a device that is only asked its id loads no crypto.
        Supplier<DiceIdentity> dice = Lazy.of(() -> DiceIdentity.coldBoot(Generation.V2, coreFuses, config.obfuscationKey(),
                config.csrHmacKey(), config.debugLocked()));
        byte[][] levelHashes = new byte[FuseMap.PROD_DEBUG_UNLOCK_LEVELS][];
        for (int level = 1; level <= levelHashes.length; level++) {
            levelHashes[level - 1] = fuses.prodDebugUnlockPkHash(level);
        }
        var core = new CoreState(firmware);
        var gate = new AuthorizationGate(firmware.trng(), config.authorizationPkHash());
        return new McuSubsystem(List.of(new FuseHandlers(gate, fuses, core), new DebugUnlockHandlers(core, levelHashes, Ueid.of(Generation.V2, coreFuses.idevidCertAttr())),
                new OwnershipHandlers(gate, store, core, dice)));
    }

    @Override
    public void register(CommandTable.Builder table) {
        families.forEach(table::addAll);
    }
}
