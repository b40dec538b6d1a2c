package org.caliptra.util.host.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionConfigTest {
    @Test
    void defaultsAreTheReferences() {
        var c = SessionConfig.defaults();
        assertEquals(Duration.ofSeconds(5), c.connectTimeout());
        assertEquals(Duration.ofSeconds(10), c.commandTimeout());
        assertEquals(3, c.maxRetries());
        assertEquals(new RetryBackoff(Duration.ofMillis(50), 2.0, Duration.ofSeconds(1)), c.retryBackoff());
        assertTrue(c.autoReconnect());
        assertEquals(Duration.ofSeconds(30), c.keepaliveInterval());
        assertNull(c.keepaliveCommand());
        assertFalse(c.keepaliveEnabled(), "no command, no keepalive");
    }

    @Test
    void keepaliveNeedsBothAnIntervalAndACommand() {
        Command<Void> ping = new Command<>() {
            public int commandId() { return 2; }
            public String name() { return "Ping"; }
            public byte[] encodeRequest() { return new byte[0]; }
            public Void decodeResponse(byte[] r) { return null; }
        };
        assertTrue(SessionConfig.builder().keepalive(Duration.ofSeconds(1), () -> ping).build().keepaliveEnabled());
        assertFalse(SessionConfig.builder().keepalive(Duration.ZERO, () -> ping).build().keepaliveEnabled());
        var c = SessionConfig.builder().keepalive(Duration.ofSeconds(7), () -> ping).maxRetries(0).build();
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void nonsenseIsRefusedWithTheFieldNamed() {
        assertEquals("command timeout must be positive: PT0S",
                assertThrows(IllegalArgumentException.class, () -> SessionConfig.builder().commandTimeout(Duration.ZERO).build()).getMessage());
        assertEquals("connect timeout must be positive: PT-1S",
                assertThrows(IllegalArgumentException.class, () -> SessionConfig.builder().connectTimeout(Duration.ofSeconds(-1)).build()).getMessage());
        assertEquals("max retries must not be negative: -1",
                assertThrows(IllegalArgumentException.class, () -> SessionConfig.builder().maxRetries(-1).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofMillis(10), 0.5, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)));
    }

    @Test
    void backoffGrowsAndIsCapped() {
        var b = new RetryBackoff(Duration.ofMillis(50), 3.0, Duration.ofMillis(1000));
        assertEquals(Duration.ofMillis(50), b.delayBefore(1));
        assertEquals(Duration.ofMillis(150), b.delayBefore(2));
        assertEquals(Duration.ofMillis(450), b.delayBefore(3));
        assertEquals(Duration.ofMillis(1000), b.delayBefore(4));
        assertEquals(Duration.ofMillis(1000), b.delayBefore(60), "no overflow far out");
        assertEquals(Duration.ZERO, RetryBackoff.none().delayBefore(5));
    }

    @Test
    void durationsReadWell() {
        assertEquals("200 ms", CaliptraSession.format(Duration.ofMillis(200)));
        assertEquals("10 s", CaliptraSession.format(Duration.ofSeconds(10)));
        assertEquals("1.5 s", CaliptraSession.format(Duration.ofMillis(1500)));
    }
}
