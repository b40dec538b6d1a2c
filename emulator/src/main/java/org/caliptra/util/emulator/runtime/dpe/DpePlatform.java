package org.caliptra.util.emulator.runtime.dpe;

import org.caliptra.util.emulator.dice.AliasIdentity;

/** What DPE asks of the Caliptra runtime that hosts it (caliptra-sw dpe_platform.rs and dpe_crypto.rs). */
interface DpePlatform {
    /** {@code n} bytes from the TRNG, a draw per 48 bytes. */
    byte[] randomBytes(int n);

    /** The DER chain DPE hands out for {@code profile}'s algorithm: [IDevID,] LDevID, FMC alias, RT alias. */
    byte[] certificateChain(org.caliptra.util.protocol.dpe.DpeProfile profile);

    /** The device UEID from the fuses (17 bytes). */
    byte[] ueid();

    /** The runtime's alias identity: the CDI and keys DPE derives from and signs with. */
    AliasIdentity alias();
}
