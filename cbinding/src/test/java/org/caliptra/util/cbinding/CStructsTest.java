package org.caliptra.util.cbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.caliptra.util.host.session.SessionConfig;
import org.junit.jupiter.api.Test;

/**
 * JNA's view of the header's structs: the sizes and offsets caliptra_util_host.h gives them on
 * LP64 (the reference's numbers for its structs), which test_uhost_layout.c checks from the C
 * compiler's side; and the session configuration's way through the C struct and back.
 */
class CStructsTest {
    private static final Memory MEMORY = new Memory(256);

    @Test
    void theReferenceStructsHaveTheReferenceLayout() {
        assertEquals(8, Native.POINTER_SIZE, "the numbers below are LP64's");
        var vtable = new CStructs.TransportVTable(MEMORY);
        assertEquals(48, vtable.size());
        assertEquals(0, vtable.offsetOf("send"));
        assertEquals(32, vtable.offsetOf("is_connected"));
        assertEquals(40, vtable.offsetOf("destroy"));
        var driverVTable = new CStructs.MailboxDriverVTable(MEMORY);
        assertEquals(32, driverVTable.size());
        assertEquals(24, driverVTable.offsetOf("disconnect"));
        var driver = new CStructs.MailboxDriver(MEMORY);
        assertEquals(56, driver.size());
        assertEquals(8, driver.offsetOf("device_id"));
        assertEquals(14, driver.offsetOf("subsystem_id"));
        assertEquals(16, driver.offsetOf("ready"));
        assertEquals(17, driver.offsetOf("connected"));
        assertEquals(18, driver.offsetOf("response_buffer"));
    }

    @Test
    void theExtensionStructsHaveTheHeadersLayout() {
        var config = new CStructs.SessionConfig(MEMORY);
        assertEquals(40, config.size());
        assertEquals(20, config.offsetOf("keepalive_interval_ms"));
        assertEquals(24, config.offsetOf("retry_multiplier"));
        assertEquals(32, config.offsetOf("auto_reconnect"));
        var statistics = new CStructs.SessionStatistics(MEMORY);
        assertEquals(80, statistics.size());
        assertEquals(72, statistics.offsetOf("bytes_received"));
        var options = new CStructs.TargetOptions(MEMORY);
        assertEquals(32, options.size());
        assertEquals(24, options.offsetOf("plugin_path"));
    }

    @Test
    void theDefaultConfigurationSurvivesTheCStruct() {
        Pointer p = new Memory(40);
        var c = new CStructs.SessionConfig(p);
        NativeBridge.toC(SessionConfig.defaults(), c);
        // The bytes as the header lays them out: connect 5000 at 0, command 10000 at 4, 3 retries at 8, 50 and 1000 ms.
        assertEquals(5000, p.getInt(0));
        assertEquals(10000, p.getInt(4));
        assertEquals(3, p.getInt(8));
        assertEquals(50, p.getInt(12));
        assertEquals(1000, p.getInt(16));
        assertEquals(0, p.getInt(20), "no keepalive command: keepalive off");
        assertEquals(2.0, p.getDouble(24));
        assertEquals(1, p.getByte(32));
        SessionConfig back = NativeBridge.fromC(new CStructs.SessionConfig(p));
        assertEquals(SessionConfig.defaults().connectTimeout(), back.connectTimeout());
        assertEquals(SessionConfig.defaults().retryBackoff(), back.retryBackoff());
        assertEquals(3, back.maxRetries());
        assertTrue(back.autoReconnect());
        assertTrue(!back.keepaliveEnabled());
    }

    @Test
    void aConfigurationOutOfRangeNamesTheField() {
        Pointer p = new Memory(40);
        NativeBridge.toC(SessionConfig.defaults(), new CStructs.SessionConfig(p));
        p.setInt(4, 0);
        var e = assertThrows(IllegalArgumentException.class, () -> NativeBridge.fromC(new CStructs.SessionConfig(p)));
        assertEquals("CaliptraSessionConfig.command_timeout_ms must be greater than 0", e.getMessage());
        p.setInt(4, 10000);
        p.setInt(16, 10);
        e = assertThrows(IllegalArgumentException.class, () -> NativeBridge.fromC(new CStructs.SessionConfig(p)));
        assertEquals("CaliptraSessionConfig.retry_max_delay_ms (10) is below retry_initial_delay_ms (50)", e.getMessage());
        p.setInt(16, 1000);
        p.setInt(20, 250);
        assertEquals(java.time.Duration.ofMillis(250), NativeBridge.fromC(new CStructs.SessionConfig(p)).keepaliveInterval());
        assertTrue(NativeBridge.fromC(new CStructs.SessionConfig(p)).keepaliveEnabled());
    }
}
