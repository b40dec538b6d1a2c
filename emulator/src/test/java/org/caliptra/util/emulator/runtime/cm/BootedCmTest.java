package org.caliptra.util.emulator.runtime.cm;

import java.security.SecureRandom;
import org.caliptra.util.emulator.CaliptraDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A CM test class's booted caliptra-2.1 device, shared by its tests that need no fresh one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BootedCmTest {
    static final SecureRandom RANDOM = new SecureRandom();
    CaliptraDevice device;
    CmClient cm;

    @BeforeAll
    void boot() {
        device = CmClient.booted();
        cm = new CmClient(device.coreMailbox());
    }

    @AfterAll
    void close() {
        device.close();
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
