package org.caliptra.util.emulator;

import java.util.Arrays;
import java.util.Optional;
import org.caliptra.util.protocol.Generation;

/**
 * A device profile: which Caliptra generation the emulated device models, and how it is integrated.
 *
 * <ul>
 *   <li>{@code caliptra-1.2}: Caliptra 1.2 in passive mode (AST2700 class): 128 KiB mailbox, 1.x ROM.
 *   <li>{@code caliptra-2.0}: Caliptra 2.0 core in passive mode: 256 KiB mailbox, 2.x ROM.
 *   <li>{@code caliptra-2.1}: Caliptra 2.1 subsystem: the 2.x core (FIRMWARE_LOAD accepted, as in
 *       passive mode) plus the MCU and its MCI mailbox answering MC_* commands.
 * </ul>
 */
public enum Profile {
    CALIPTRA_1_2("caliptra-1.2", Generation.V1, false, 0x0011, 0x0880),
    CALIPTRA_2_0("caliptra-2.0", Generation.V2, false, 0x0002, 0x1000),
    CALIPTRA_2_1("caliptra-2.1", Generation.V2, true, 0x0112, 0x1043);

    private final String id;
    private final Generation generation;
    private final boolean subsystemMode;
    private final int hwRevId;
    private final int romVersion;

    Profile(String id, Generation generation, boolean subsystemMode, int hwRevId, int romVersion) {
        this.id = id;
        this.generation = generation;
        this.subsystemMode = subsystemMode;
        this.hwRevId = hwRevId;
        this.romVersion = romVersion;
    }

    /**
     * The reference ROM's version word for this profile, (major << 11) | (minor << 6) | patch: 1.2.0,
     * 2.0.0, 2.1.3 (caliptra-sw builder/src/version.rs); the ROM writes it to CPTRA_FW_REV_ID[0][15:0].
     */
    public int romVersion() {
        return romVersion;
    }

    /** The name used in configuration files, URIs and on the command line. */
    public String id() {
        return id;
    }

    public Generation generation() {
        return generation;
    }

    /** Whether the MCU and its MCI mailbox (MC_* commands) are present. */
    public boolean subsystemMode() {
        return subsystemMode;
    }

    /** Caliptra core mailbox SRAM, which bounds DLEN. */
    public int mailboxBytes() {
        return generation.mailboxSize();
    }

    /** CPTRA_HW_REV_ID as the reference emulator reports it. */
    public int hwRevId() {
        return hwRevId;
    }

    public boolean isV1() {
        return generation == Generation.V1;
    }

    public static Optional<Profile> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
