package org.caliptra.util.emulator.dice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.soc.fuses.FuseSet;
import org.junit.jupiter.api.Test;

/** The alias layers' edge cases: manifest dates that are no GeneralizedTime, DISABLE_ATTESTATION's key. */
class AliasIdentityTest {
    private static DiceIdentity device(Octets uds) {
        return DiceIdentity.coldBoot(Generation.V1, FuseSet.defaults(Generation.V1).toBuilder().udsSeed(uds).build(),
                DeviceConfig.DEFAULT_OBFUSCATION_KEY, DeviceConfig.DEFAULT_CSR_HMAC_KEY, true);
    }

    private static FirmwareMeasurements measurements(String notBefore) {
        return new FirmwareMeasurements(3, true, false, 0, 0xFF, false, true, new byte[48], new byte[48], 1, 0, new byte[48], 1,
                new byte[48], new byte[48], new String[] {notBefore, "99991231235959Z"}, FirmwareMeasurements.V2Fuses.NONE);
    }

    @Test
    void aManifestDateThatIsNoGeneralizedTimeIsNamedNotThrownRaw() {
        var alias = AliasIdentity.coldBoot(device(Octets.zeros(48)), new PcrBank(), measurements("2023010100000AZ"));
        var e = assertThrows(IllegalArgumentException.class, () -> alias.rtAliasCert(DiceAlgorithm.ECC384));
        assertEquals("the manifest's not_before \"2023010100000AZ\" is not a GeneralizedTime such as 20230101000000Z",
                e.getMessage());
    }

    @Test
    void afterDisableAttestationTheRuntimeKeyNoLongerDependsOnTheDevice() {
        var a = AliasIdentity.coldBoot(device(Octets.zeros(48)), new PcrBank(), measurements("20230101000000Z"));
        var b = AliasIdentity.coldBoot(device(Octets.fromHex("01".repeat(48))), new PcrBank(), measurements("20230101000000Z"));
        assertNotEquals(a.runtimeLayer().eccPublicKey(), b.runtimeLayer().eccPublicKey(), "two devices, two RT keys");
        var aOff = a.withAttestationDisabled();
        var bOff = b.withAttestationDisabled();
        // An all-zero key: every part that disabled attestation holds the same runtime key, chained to nothing.
        assertEquals(aOff.runtimeLayer().eccPublicKey(), bOff.runtimeLayer().eccPublicKey());
        assertNotEquals(a.runtimeLayer().eccPublicKey(), aOff.runtimeLayer().eccPublicKey());
        // The certificates the FMC made stay.
        assertEquals(Octets.of(a.rtAliasCert(DiceAlgorithm.ECC384)), Octets.of(aOff.rtAliasCert(DiceAlgorithm.ECC384)));
    }
}
