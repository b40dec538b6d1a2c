package org.caliptra.util.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.SizedData;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DevelopmentFirmwareTest {
    @ParameterizedTest
    @EnumSource(Profile.class)
    void bootsEveryProfileToRuntimeWithTheSameIdentityEveryTime(Profile profile) {
        byte[] first = rtAliasCert(profile);
        byte[] second = rtAliasCert(profile);
        assertTrue(first.length > 300, "an RT alias certificate, " + first.length + " bytes");
        // The identity rests on the keys and images, which are fixed: a user's device keeps it across runs.
        assertArrayEquals(first, second);
    }

    private static byte[] rtAliasCert(Profile profile) {
        try (var device = CaliptraDevice.create(DeviceConfig.builder().profile(profile).build())) {
            var report = DevelopmentFirmware.boot(device);
            assertTrue(report.booted(), report.toString());
            assertEquals(CaliptraFirmware.Phase.RUNTIME, device.phase());
            CommandCodec<NoFields, SizedData> codec = profile.isV1() ? CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V1
                    : CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V2;
            return device.asUser(DevelopmentFirmware.PL0_REQUESTER).coreMailbox().call(codec, NoFields.INSTANCE).data().toByteArray();
        }
    }
}
