package org.caliptra.util.protocol.core;

import static org.caliptra.util.protocol.codec.CodecChecks.assertMessage;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.counting;
import static org.caliptra.util.protocol.codec.CodecChecks.fill;
import static org.caliptra.util.protocol.codec.CodecChecks.random;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsRequest;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsResponse;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsWrongRequestSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsWrongResponseSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.roundTrip;
import static org.caliptra.util.protocol.codec.CodecChecks.zeroAt;
import static org.caliptra.util.protocol.core.MeasurementCommands.DPE_GET_TAGGED_TCI_V1;
import static org.caliptra.util.protocol.core.MeasurementCommands.DPE_GET_TAGGED_TCI_V2;
import static org.caliptra.util.protocol.core.MeasurementCommands.DPE_TAG_TCI;
import static org.caliptra.util.protocol.core.MeasurementCommands.EXTEND_PCR;
import static org.caliptra.util.protocol.core.MeasurementCommands.GET_PCR_LOG_V1;
import static org.caliptra.util.protocol.core.MeasurementCommands.GET_PCR_LOG_V2;
import static org.caliptra.util.protocol.core.MeasurementCommands.INCREMENT_PCR_RESET_COUNTER;
import static org.caliptra.util.protocol.core.MeasurementCommands.QUOTE_PCRS_ECC384_V1;
import static org.caliptra.util.protocol.core.MeasurementCommands.QUOTE_PCRS_ECC384_V2;
import static org.caliptra.util.protocol.core.MeasurementCommands.QUOTE_PCRS_MLDSA87;
import static org.caliptra.util.protocol.core.MeasurementCommands.STASH_MEASUREMENT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CodecChecks.Wire;
import org.caliptra.util.protocol.core.MeasurementCommands.ExtendPcrRequest;
import org.caliptra.util.protocol.core.MeasurementCommands.GetTaggedTciRequest;
import org.caliptra.util.protocol.core.MeasurementCommands.IncrementPcrResetCounterRequest;
import org.caliptra.util.protocol.core.MeasurementCommands.PcrQuoteEcc384;
import org.caliptra.util.protocol.core.MeasurementCommands.PcrQuoteMldsa87;
import org.caliptra.util.protocol.core.MeasurementCommands.QuoteRequest;
import org.caliptra.util.protocol.core.MeasurementCommands.TagTciRequest;
import org.caliptra.util.protocol.core.MeasurementCommands.TaggedTciV1;
import org.caliptra.util.protocol.core.MeasurementCommands.TaggedTciV2;
import org.junit.jupiter.api.Test;

class MeasurementCommandsTest {
    private static List<Octets> pcrs() {
        var pcrs = new ArrayList<Octets>();
        for (int i = 0; i < 32; i++) {
            pcrs.add(fill(i, 48));
        }
        return pcrs;
    }

    private static List<Integer> counters() {
        var counters = new ArrayList<Integer>();
        for (int i = 0; i < 32; i++) {
            counters.add(0x100 + i);
        }
        return counters;
    }

    @Test
    void sizesFollowTheSpec() {
        assertSizes(STASH_MEASUREMENT.request(), 108 - 4, 108 - 4);
        // pcr_idx:u32, data:u8[48].
        assertSizes(EXTEND_PCR.request(), 4 + 48, 4 + 48);
        assertSizes(EXTEND_PCR.response(), 0, 0);
        assertSizes(INCREMENT_PCR_RESET_COUNTER.request(), 4, 4);
        // nonce:u8[32]; responses 1848 total.
        for (var quote : List.of(QUOTE_PCRS_ECC384_V1, QUOTE_PCRS_ECC384_V2)) {
            assertSizes(quote.request(), 32, 32);
            assertSizes(quote.response(), 1848 - 8, 1848 - 8);
        }
        // pcrs:u8[32][48], nonce:u8[32], reset_ctrs:u32[32], digest:u8[64], signature:u8[4628].
        assertSizes(QUOTE_PCRS_MLDSA87.request(), 32, 32);
        assertSizes(QUOTE_PCRS_MLDSA87.response(), 32 * 48 + 32 + 32 * 4 + 64 + 4628, 32 * 48 + 32 + 32 * 4 + 64 + 4628);
        assertSizes(GET_PCR_LOG_V1.request(), 0, 0);
        // 1.x GetPcrLogResp holds 952 bytes (rt-1.2.4+ api/src/mailbox.rs); 2.x the generic 9216.
        assertSizes(GET_PCR_LOG_V1.response(), 4, 4 + 952);
        assertSizes(GET_PCR_LOG_V2.response(), 4, 4 + 9216);
        // handle:u8[16], tag:u32.
        assertSizes(DPE_TAG_TCI.request(), 16 + 4, 16 + 4);
        assertSizes(DPE_GET_TAGGED_TCI_V1.request(), 4, 4);
        // tci_cumulative:u8[48], tci_current:u8[48]; 2.x appends svn:u32.
        assertSizes(DPE_GET_TAGGED_TCI_V1.response(), 96, 96);
        assertSizes(DPE_GET_TAGGED_TCI_V2.response(), 96 + 4, 96 + 4);
    }

    @Test
    void selectorsAndCodes() {
        assertSame(QUOTE_PCRS_ECC384_V1, MeasurementCommands.quotePcrsEcc384(Generation.V1));
        assertSame(QUOTE_PCRS_ECC384_V2, MeasurementCommands.quotePcrsEcc384(Generation.V2));
        assertSame(GET_PCR_LOG_V1, MeasurementCommands.getPcrLog(Generation.V1));
        assertSame(GET_PCR_LOG_V2, MeasurementCommands.getPcrLog(Generation.V2));
        assertSame(DPE_GET_TAGGED_TCI_V1, MeasurementCommands.dpeGetTaggedTci(Generation.V1));
        assertSame(DPE_GET_TAGGED_TCI_V2, MeasurementCommands.dpeGetTaggedTci(Generation.V2));
        assertEquals(0x5043_5245, EXTEND_PCR.code());
        assertEquals(0x5451_4754, DPE_TAG_TCI.code());
        assertEquals("QUOTE_PCRS", CaliptraCommand.QUOTE_PCRS_ECC384.nameIn(Generation.V1));
    }

    @Test
    void extendPcrHandVector() {
        var request = new ExtendPcrRequest(4, counting(0x10, 48));
        byte[] expected = new Wire().hex("04000000").counting(0x10, 48).bytes();
        assertArrayEquals(expected, EXTEND_PCR.encodeRequest(request));
        assertEquals(request, EXTEND_PCR.decodeRequest(expected));
        assertMessage(rejectsRequest(EXTEND_PCR, Arrays.copyOf(expected, 51)), "EXTEND_PCR request: 51 bytes, expected exactly 52; field 'data' at offset 4 needs 48 bytes, only 47 remain");
        rejectsWrongRequestSizes(EXTEND_PCR, expected);
        assertThrows(IllegalArgumentException.class, () -> new ExtendPcrRequest(4, fill(0, 32)));
    }

    @Test
    void quoteFieldOrderDiffersByGeneration() {
        var quote = new PcrQuoteEcc384(pcrs(), fill(0xCC, 32), counters(), fill(0xD1, 48), fill(0x52, 48), fill(0x53, 48));
        var pcrBytes = new Wire();
        for (int i = 0; i < 32; i++) {
            pcrBytes.fill(i, 48);
        }
        byte[] pcrWire = pcrBytes.bytes();
        var counterBytes = new Wire();
        for (int i = 0; i < 32; i++) {
            counterBytes.le32(0x100 + i);
        }
        byte[] counterWire = counterBytes.bytes();
        byte[] v1 = new Wire().raw(pcrWire).fill(0xCC, 32).fill(0xD1, 48).raw(counterWire).fill(0x52, 48).fill(0x53, 48).bytes();
        byte[] v2 = new Wire().raw(pcrWire).fill(0xCC, 32).raw(counterWire).fill(0xD1, 48).fill(0x52, 48).fill(0x53, 48).bytes();
        assertArrayEquals(v1, QUOTE_PCRS_ECC384_V1.encodeResponse(quote));
        assertArrayEquals(v2, QUOTE_PCRS_ECC384_V2.encodeResponse(quote));
        assertEquals(quote, QUOTE_PCRS_ECC384_V1.decodeResponse(v1));
        assertEquals(quote, QUOTE_PCRS_ECC384_V2.decodeResponse(v2));
        rejectsWrongResponseSizes(QUOTE_PCRS_ECC384_V2, v2);
        assertMessage(rejectsResponse(QUOTE_PCRS_ECC384_V1, Arrays.copyOf(v1, 1839)),
                "QUOTE_PCRS_ECC384 response: 1839 bytes, expected exactly 1840; field 'signature_s' at offset 1792 needs 48 bytes, only 47 remain");
    }

    @Test
    void quoteRecordsCheckTheirArrays() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PcrQuoteEcc384(pcrs().subList(0, 31), fill(0, 32),
                counters(), fill(0, 48), fill(0, 48), fill(0, 48)));
        assertTrue(e.getMessage().startsWith("pcrs"), e.getMessage());
        var badPcr = pcrs();
        badPcr.set(5, fill(0, 47));
        e = assertThrows(IllegalArgumentException.class, () -> new PcrQuoteEcc384(badPcr, fill(0, 32), counters(), fill(0, 48),
                fill(0, 48), fill(0, 48)));
        assertTrue(e.getMessage().startsWith("pcrs[5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PcrQuoteMldsa87(pcrs(), fill(0, 32), Collections.nCopies(33, 0),
                fill(0, 64), fill(0, 4627)));
        assertTrue(e.getMessage().startsWith("reset_ctrs"), e.getMessage());
    }

    @Test
    void fixedLayoutsRoundTripRandomBytes() {
        randomBytesSurvive(EXTEND_PCR.request(), 30);
        randomBytesSurvive(INCREMENT_PCR_RESET_COUNTER.request(), 31);
        randomBytesSurvive(QUOTE_PCRS_ECC384_V1.request(), 32);
        randomBytesSurvive(QUOTE_PCRS_ECC384_V1.response(), 33);
        randomBytesSurvive(QUOTE_PCRS_ECC384_V2.response(), 34);
        randomBytesSurvive(QUOTE_PCRS_MLDSA87.response(), 35, zeroAt(32 * 48 + 32 + 32 * 4 + 64 + 4627));
        randomBytesSurvive(DPE_TAG_TCI.request(), 36);
        randomBytesSurvive(DPE_GET_TAGGED_TCI_V1.request(), 37);
        randomBytesSurvive(DPE_GET_TAGGED_TCI_V1.response(), 38);
        randomBytesSurvive(DPE_GET_TAGGED_TCI_V2.response(), 39);
    }

    @Test
    void mldsaQuoteKeepsTheDigestAsSentAndPadsTheSignatureSlot() {
        var random = new Random(40);
        var quote = new PcrQuoteMldsa87(pcrs(), random(random, 32), counters(), counting(0, 64), random(random, 4627));
        byte[] bytes = roundTrip(QUOTE_PCRS_MLDSA87.response(), quote);
        int digestAt = 32 * 48 + 32 + 32 * 4;
        assertArrayEquals(counting(0, 64).toByteArray(), Arrays.copyOfRange(bytes, digestAt, digestAt + 64));
        assertEquals(0, bytes[bytes.length - 1]);
        rejectsWrongResponseSizes(QUOTE_PCRS_MLDSA87, bytes);
    }

    @Test
    void pcrLogIsSentWholeAndDecodedFromEitherForm() {
        var log = new SizedData(counting(0, 56));
        byte[] v1 = GET_PCR_LOG_V1.encodeResponse(log);
        assertArrayEquals(new Wire().hex("38000000").counting(0, 56).fill(0, 952 - 56).bytes(), v1);
        assertEquals(log, GET_PCR_LOG_V1.decodeResponse(v1));
        assertEquals(log, GET_PCR_LOG_V1.decodeResponse(Arrays.copyOf(v1, 4 + 56)));
        assertEquals(4 + 9216, GET_PCR_LOG_V2.encodeResponse(log).length);
        assertMessage(rejectsResponse(GET_PCR_LOG_V1, new Wire().le32(953).fill(0, 952).bytes()),
                "GET_PCR_LOG response: field 'data_size' at offset 0 is 953, at most 952");
        assertMessage(rejectsResponse(GET_PCR_LOG_V1, new Wire().le32(56).fill(0, 10).bytes()),
                "GET_PCR_LOG response: field 'data' at offset 4 needs 56 bytes, only 10 remain");
        rejectsResponse(GET_PCR_LOG_V1, new byte[957]);
        rejectsResponse(GET_PCR_LOG_V2, new byte[2]);
    }

    @Test
    void tagTciHandVectors() {
        var tag = new TagTciRequest(counting(0xA0, 16), 0x1122_3344);
        byte[] expected = new Wire().counting(0xA0, 16).hex("44332211").bytes();
        assertArrayEquals(expected, DPE_TAG_TCI.encodeRequest(tag));
        assertEquals(tag, DPE_TAG_TCI.decodeRequest(expected));
        assertArrayEquals(new Wire().hex("44332211").bytes(), DPE_GET_TAGGED_TCI_V2.encodeRequest(new GetTaggedTciRequest(0x1122_3344)));

        var v2 = new TaggedTciV2(fill(0xC0, 48), fill(0xC1, 48), 7);
        byte[] v2Bytes = new Wire().fill(0xC0, 48).fill(0xC1, 48).hex("07000000").bytes();
        assertArrayEquals(v2Bytes, DPE_GET_TAGGED_TCI_V2.encodeResponse(v2));
        assertEquals(v2, DPE_GET_TAGGED_TCI_V2.decodeResponse(v2Bytes));
        assertEquals(new TaggedTciV1(fill(0xC0, 48), fill(0xC1, 48)), DPE_GET_TAGGED_TCI_V1.decodeResponse(Arrays.copyOf(v2Bytes, 96)));
        assertMessage(rejectsResponse(DPE_GET_TAGGED_TCI_V1, v2Bytes), "DPE_GET_TAGGED_TCI response: 100 bytes, expected exactly 96");
        rejectsWrongResponseSizes(DPE_GET_TAGGED_TCI_V2, v2Bytes);
        rejectsWrongRequestSizes(DPE_TAG_TCI, expected);
    }

    @Test
    void incrementAndQuoteRequests() {
        assertArrayEquals(new Wire().hex("1F000000").bytes(), INCREMENT_PCR_RESET_COUNTER.encodeRequest(new IncrementPcrResetCounterRequest(31)));
        var nonce = new QuoteRequest(counting(0x40, 32));
        assertArrayEquals(new Wire().counting(0x40, 32).bytes(), QUOTE_PCRS_MLDSA87.encodeRequest(nonce));
        rejectsWrongRequestSizes(QUOTE_PCRS_MLDSA87, QUOTE_PCRS_MLDSA87.encodeRequest(nonce));
        rejectsWrongRequestSizes(INCREMENT_PCR_RESET_COUNTER, new byte[4]);
        assertThrows(IllegalArgumentException.class, () -> new QuoteRequest(fill(0, 48)));
    }
}
