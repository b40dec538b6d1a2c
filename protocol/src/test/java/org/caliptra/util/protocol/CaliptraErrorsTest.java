package org.caliptra.util.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CaliptraErrorsTest {
    @Test
    void describesKnownAndUnknownCodes() {
        assertEquals("RUNTIME_UNIMPLEMENTED_COMMAND (0x000E0002)", CaliptraErrors.describe(0x000E_0002));
        assertEquals("0x12345678", CaliptraErrors.describe(0x1234_5678));
        assertEquals("IMAGE_VERIFIER_ERR_VENDOR_ECC_SIGNATURE_INVALID", CaliptraErrors.nameOf(0x000B_000C).orElseThrow());
    }
}
