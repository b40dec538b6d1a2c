package org.caliptra.util.host.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.caliptra.util.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's internal request and response sizes: spec/hostlib.md §2.3 where it lays the
 * struct out, this library's documented layout otherwise; and each sample request's round trip.
 */
class InternalLayoutTest {
    /** id → {request size, response size}. */
    private static final Map<Integer, int[]> SIZES = Map.ofEntries(
            // §2.3
            Map.entry(0x0001, new int[] {4, 40}), Map.entry(0x0002, new int[] {0, 40}),
            Map.entry(0x1005, new int[] {40, 4104}), Map.entry(0x1006, new int[] {4, 4104}), Map.entry(0x1007, new int[] {44, 7180}),
            Map.entry(0x2001, new int[] {4104, 204}), Map.entry(0x2002, new int[] {4300, 204}), Map.entry(0x2003, new int[] {4300, 72}),
            Map.entry(0x2013, new int[] {4232, 72}), Map.entry(0x2014, new int[] {4240, 132}), Map.entry(0x2015, new int[] {72, 132}),
            Map.entry(0x2016, new int[] {128, 4}),
            Map.entry(0x3001, new int[] {4232, 4276}), Map.entry(0x3002, new int[] {4256, 4260}), Map.entry(0x3003, new int[] {4248, 4260}),
            Map.entry(0x3004, new int[] {4256, 4260}), Map.entry(0x3010, new int[] {4232, 144}), Map.entry(0x3011, new int[] {4228, 4232}),
            Map.entry(0x3012, new int[] {4228, 4136}), Map.entry(0x3013, new int[] {4244, 132}), Map.entry(0x3014, new int[] {4228, 4232}),
            Map.entry(0x3015, new int[] {4248, 4124}),
            Map.entry(0x4001, new int[] {4228, 100}), Map.entry(0x4002, new int[] {4324, 4}), Map.entry(0x4003, new int[] {4, 176}),
            Map.entry(0x4004, new int[] {128, 100}), Map.entry(0x4005, new int[] {176, 132}),
            Map.entry(0x7005, new int[] {0, 4108}), Map.entry(0x7008, new int[] {0, 4}), Map.entry(0x7010, new int[] {8, 88}),
            Map.entry(0x7011, new int[] {7504, 4}),
            Map.entry(0x8010, new int[] {8, 56}), Map.entry(0x8011, new int[] {7464, 4}), Map.entry(0x8012, new int[] {7512, 4}),
            Map.entry(0x8013, new int[] {7468, 4}), Map.entry(0x8014, new int[] {7476, 4}), Map.entry(0x8015, new int[] {7468, 4}),
            Map.entry(0x8016, new int[] {7464, 4}), Map.entry(0x8017, new int[] {7508, 4}),
            Map.entry(0x8020, new int[] {7556, 8}), Map.entry(0x8021, new int[] {7508, 8}), Map.entry(0x8022, new int[] {0, 52}),
            Map.entry(0x8023, new int[] {7412, 8}), Map.entry(0x8024, new int[] {7560, 8}), Map.entry(0x8025, new int[] {7460, 172}),
            Map.entry(0x8026, new int[] {0, 8}), Map.entry(0x8027, new int[] {168, 8}), Map.entry(0x8028, new int[] {2688, 52}),
            Map.entry(0x8029, new int[] {7412, 8}),
            // this library's layouts (documented on each record)
            Map.entry(0x0003, new int[] {0, 12}), Map.entry(0x0004, new int[] {4, 40}),
            Map.entry(0x1001, new int[] {1016, 4104}), Map.entry(0x1002, new int[] {0, 4104}), Map.entry(0x1003, new int[] {0, 4104}),
            Map.entry(0x1004, new int[] {0, 4104}), Map.entry(0x1010, new int[] {4, 4104}), Map.entry(0x1011, new int[] {1032, 4}),
            Map.entry(0x1012, new int[] {4, 1032}), Map.entry(0x1013, new int[] {1032, 4}),
            Map.entry(0x4010, new int[] {128, 52}), Map.entry(0x4011, new int[] {4228, 1624}), Map.entry(0x4012, new int[] {1716, 4}),
            Map.entry(0x2030, new int[] {4, 4104}), Map.entry(0x2031, new int[] {4100, 4}), Map.entry(0x2032, new int[] {0, 12}),
            Map.entry(0x4020, new int[] {128, 2596}), Map.entry(0x4021, new int[] {4228, 4632}), Map.entry(0x4022, new int[] {8856, 4}),
            Map.entry(0x7001, new int[] {260, 264}), Map.entry(0x7002, new int[] {0, 8}), Map.entry(0x7003, new int[] {8, 4104}),
            Map.entry(0x7004, new int[] {4104, 4}), Map.entry(0x7006, new int[] {8, 4}), Map.entry(0x7007, new int[] {4, 4}),
            Map.entry(0x8001, new int[] {7472, 520}), Map.entry(0x8002, new int[] {7476, 4}), Map.entry(0x8003, new int[] {4, 4}),
            Map.entry(0x8004, new int[] {4, 12}), Map.entry(0x8005, new int[] {520, 4}), Map.entry(0x8006, new int[] {0, 4104}));

    /**
     * Reads, digests of given data, verifications, public-key reads and evidence over a caller's nonce;
     * not RandomGenerate (0x2030), whose replay would draw other bytes, nor RandomStir (0x2031).
     */
    private static final Set<Integer> IDEMPOTENT = Set.of(0x0001, 0x0002, 0x0003, 0x0004, 0x1001, 0x1002, 0x1003, 0x1004, 0x1005,
            0x1006, 0x1007, 0x1010, 0x1012, 0x2001, 0x2013, 0x2032, 0x4001, 0x4002, 0x4004, 0x4010, 0x4012, 0x4020, 0x4021, 0x4022, 0x7001,
            0x7002, 0x7003, 0x8001, 0x8004, 0x8006, 0x8026);

    static Stream<CommandType<?, ?>> commands() {
        return CommandCatalog.builtIn().commands().stream();
    }

    @Test
    void theTableCoversEveryId() {
        assertEquals(Arrays.stream(CommandId.values()).map(CommandId::value).collect(java.util.stream.Collectors.toSet()), SIZES.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void structsHaveTheirExactSizes(CommandType<?, ?> type) {
        int[] sizes = SIZES.get(type.id());
        assertEquals(sizes[0], type.request().minSize(), "request");
        assertEquals(sizes[0], type.request().maxSize(), "request");
        assertEquals(sizes[1], type.response().minSize(), "response");
        assertEquals(sizes[1], type.response().maxSize(), "response");
        assertEquals(sizes[0], type.example().encodeRequest().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void sampleRequestsRoundTripThroughTheInternalStruct(CommandType<?, ?> type) {
        var example = type.example();
        byte[] bytes = example.encodeRequest();
        assertEquals(example, type.decodeRequest(bytes));
        assertArrayEquals(bytes, type.decodeRequest(bytes).encodeRequest());
        assertEquals(IDEMPOTENT.contains(type.id()), example.idempotent(), "idempotent");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aStructOfTheWrongSizeIsRefusedNamingTheCommand(CommandType<?, ?> type) {
        int size = SIZES.get(type.id())[1];
        var e = assertThrows(ProtocolException.class, () -> type.decodeResponse(new byte[size + 1]));
        assertEquals(type.name() + " internal response: " + (size + 1) + " bytes, expected exactly " + size, e.getMessage());
        int request = SIZES.get(type.id())[0];
        var r = assertThrows(ProtocolException.class, () -> type.decodeRequest(new byte[request + 4]));
        assertTrue(r.getMessage().startsWith(type.name() + " internal request: " + (request + 4) + " bytes"), r.getMessage());
    }
}
