package org.caliptra.util.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link CaliptraDevice#executor()}: tasks on the device thread, in order, calling the device inline; none once closed. */
class CaliptraDeviceExecutorTest {
    /** CPTRA_FW_EXTENDED_ERROR_INFO[7] (soc_ifc 0x034): read-write from the SoC. */
    private static final int SCRATCH = 0x3003_0034;

    /** Both kinds of device: with a thread of its own, and running on its callers' threads under a lock. */
    static java.util.stream.Stream<java.util.function.Supplier<CaliptraDevice>> devices() {
        return java.util.stream.Stream.of(CaliptraDevice::createDefault, () -> CaliptraDevice.createOnCallerThread(DeviceConfig.defaults()));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("devices")
    void tasksRunInOrderOnTheDeviceThreadAndCallItInline(java.util.function.Supplier<CaliptraDevice> kind) throws Exception {
        try (var device = kind.get()) {
            var seen = new ArrayList<String>();
            var threads = new ArrayList<String>();
            var done = new CountDownLatch(100);
            for (int i = 0; i < 100; i++) {
                int n = i;
                device.executor().execute(() -> {
                    // Inline: a call from the device thread does not wait for the device thread.
                    device.asUser(1).write32(SCRATCH, n);
                    seen.add(Integer.toString(device.read32(SCRATCH)));
                    threads.add(Thread.currentThread().getName());
                    done.countDown();
                });
            }
            assertTrue(done.await(60, TimeUnit.SECONDS));
            var expected = new ArrayList<String>();
            for (int i = 0; i < 100; i++) {
                expected.add(Integer.toString(i));
            }
            assertEquals(expected, seen);
            assertEquals(1, threads.stream().distinct().count());
            // The device's own thread, or for a device on its callers' threads the one that handed the tasks over.
            assertTrue(threads.get(0).startsWith("caliptra-device-") || threads.get(0).equals(Thread.currentThread().getName()),
                    threads.get(0));
            assertEquals(99, device.read32(SCRATCH), "a caller after the tasks sees what they did");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("devices")
    void aClosedDeviceTakesNoTask(java.util.function.Supplier<CaliptraDevice> kind) {
        var device = kind.get();
        device.close();
        assertThrows(DeviceClosedException.class, () -> device.executor().execute(() -> { }));
    }
}
