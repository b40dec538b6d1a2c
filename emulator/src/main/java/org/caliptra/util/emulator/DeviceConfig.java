package org.caliptra.util.emulator;

import java.util.Objects;
import org.caliptra.util.protocol.mcu.DeviceIdentity;

/**
 * Everything that makes one emulated device different from another. Immutable; build with
 * {@link #builder()}.
 *
 * @param profile the generation and integration mode
 * @param identity what MC_DEVICE_ID reports
 * @param mciBase SoC bus address of the MCI block (MCU mailbox 0 is at {@code mciBase + 0x40_0000})
 */
public record DeviceConfig(Profile profile, DeviceIdentity identity, int mciBase) {
    /** The emulator's own identifiers; a real part reports its PCI-style ids from its straps. */
    public static final DeviceIdentity DEFAULT_IDENTITY = new DeviceIdentity(0xCA11, 0x0021, 0xCA11, 0x0001);
    /** Where the reference MCU emulator maps MCI. */
    public static final int DEFAULT_MCI_BASE = 0x2100_0000;

    public DeviceConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(identity, "identity");
        if ((mciBase & 0x00FF_FFFF) != 0) {
            throw new IllegalArgumentException(String.format("mci_base 0x%08X must be 16 MiB aligned", mciBase));
        }
    }

    public static DeviceConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().profile(profile).identity(identity).mciBase(mciBase);
    }

    public static final class Builder {
        private Profile profile = Profile.CALIPTRA_2_1;
        private DeviceIdentity identity = DEFAULT_IDENTITY;
        private int mciBase = DEFAULT_MCI_BASE;

        private Builder() {}

        public Builder profile(Profile profile) {
            this.profile = profile;
            return this;
        }

        public Builder identity(DeviceIdentity identity) {
            this.identity = identity;
            return this;
        }

        public Builder mciBase(int mciBase) {
            this.mciBase = mciBase;
            return this;
        }

        public DeviceConfig build() {
            return new DeviceConfig(profile, identity, mciBase);
        }
    }
}
