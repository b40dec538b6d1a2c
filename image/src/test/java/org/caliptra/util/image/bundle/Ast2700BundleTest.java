package org.caliptra.util.image.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.testsupport.SharedTestData;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerificationResult;
import org.junit.jupiter.api.Test;

/** Conformance against the real AST2700 bundle; expected values from testdata/ast2700/README.md. */
class Ast2700BundleTest {
    static final String VENDOR_HASH =
            "428d18b0b49192c0163b4e0b2e231d20eef3ae37f8046c09a31911e3f6875a9a287342c58c7f8d68b69fafe1dd27b2dc";
    static final String OWNER_HASH =
            "124f40b2b2035f15e48782037342d795afc8b36d065d2fea9afaee724b8b9d53433ec6c1b4dbb9dc2c6f9f71e5f218b6";

    static byte[] file() {
        return SharedTestData.read(SharedTestData.prebuilt("caliptra-fw.bin"));
    }

    @Test
    void isTheDocumentedFile() throws Exception {
        byte[] bytes = file();
        assertEquals(108148, bytes.length);
        assertEquals("ad19cb0478c4b7f48a21a3c8ee184ab3a4a4ad4f2caf306b2a9a42332975ddb6",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void parsesEveryDocumentedField() {
        var bundle = assertInstanceOf(FwBundle.V1.class, FwBundle.parse(file(), "caliptra-fw.bin"));
        var m = bundle.manifest();
        assertEquals("fw-bundle-1.x", bundle.kind());
        assertEquals(ManifestV1.MARKER, m.marker());
        assertEquals(5884, m.size());
        assertEquals(3, m.vendorEccKeyIndex());
        assertEquals(3, m.vendorLmsKeyIndex());
        assertEquals(3, m.vendorLmsSignature().q());
        assertEquals(5, m.ownerLmsSignature().q());
        assertEquals(1, m.header().flags());
        assertEquals(0x21212121, m.header().pl0Pauser());
        assertEquals(2, m.header().tocLength());
        // the TOC revision is the 20-byte git commit of the build; the header revision is zero
        assertEquals(new TocEntry(1, 1, Octets.fromHex("e1aab6ef00b13e90c59406677497197f3413d2e0"), 0, 0, 0,
                0x40000000, 0x40000130, 0x16FC, 18848, m.fmc().digest()), m.fmc());
        assertEquals(Octets.zeros(8), m.header().revision());
        assertEquals(0x40005000, m.runtime().loadAddress());
        assertEquals(0x40005540, m.runtime().entryPoint());
        assertEquals(0x609C, m.runtime().offset());
        assertEquals(83416, m.runtime().size());
        // spec/formats.md §0 worked example: standard-order values of hw-format fields
        assertEquals("ffd8fe5155c1eac6fd2e4567", m.header().tocDigest().hex().substring(0, 24));
        assertEquals("4b37512f0697e362", m.fmc().digest().hex().substring(0, 16));
        assertEquals("9688e511a7c4f21b677576c9", m.ownerEccKey().x().hex().substring(0, 24));
        assertEquals(12, m.vendorLmsKeys().get(3).lmsType());
        assertEquals(7, m.vendorLmsKeys().get(3).otsType());
    }

    @Test
    void keyFilesMatchTheBundleAsTheReadmeSays() {
        var m = ((FwBundle.V1) FwBundle.parse(file(), "caliptra-fw.bin")).manifest();
        assertEquals(KeyFiles.readEccPublic(SharedTestData.key("vnd-fw-ecc-pubk.pem")), m.vendorEccKeys().get(3));
        assertEquals(KeyFiles.readEccPublic(SharedTestData.key("own-fw-ecc-pubk.pem")), m.ownerEccKey());
        assertEquals(KeyFiles.readLmsPublic(SharedTestData.key("own-fw-lms-pubk.pem")), m.ownerLmsKey());
    }

    @Test
    void roundTripsByteForByte() {
        byte[] bytes = file();
        FwBundle parsed = FwBundle.parse(bytes, "caliptra-fw.bin");
        assertArrayEquals(bytes, parsed.toBytes());
        assertEquals(parsed, FwBundle.parse(parsed.toBytes(), "again"));
    }

    @Test
    void verifiesWithTheReadmeFusesAndAllFourSignatures() {
        var fuses = Fuses.builder().lifecycle(Lifecycle.PRODUCTION).lmsVerify(true)
                .vendorPkHash(Octets.fromHex(VENDOR_HASH)).ownerPkHash(Octets.fromHex(OWNER_HASH)).build();
        var result = RomVerifier.verify(file(), fuses);
        var accepted = assertInstanceOf(VerificationResult.Accepted.class, result, result.toString()).image();
        assertEquals(List.of("vendor ECC", "vendor LMS", "owner ECC", "owner LMS"), accepted.signaturesVerified());
        assertEquals(VENDOR_HASH, accepted.vendorPkHash().hex());
        assertEquals(OWNER_HASH, accepted.ownerPkHash().hex());
        assertEquals(3, accepted.vendorEccKeyIndex());
        assertEquals(3, accepted.vendorPqcKeyIndex());
        assertEquals(0x40000130, accepted.fmcEntryPoint());
        assertEquals(0x40005540, accepted.runtimeEntryPoint());
    }

    @Test
    void withLmsVerifyOffOnlyEcdsaIsChecked() {
        var fuses = Fuses.builder().vendorPkHash(Octets.fromHex(VENDOR_HASH)).build();
        var accepted = assertInstanceOf(VerificationResult.Accepted.class, RomVerifier.verify(file(), fuses)).image();
        assertEquals(List.of("vendor ECC", "owner ECC"), accepted.signaturesVerified());
        assertNull(accepted.pqcKeyType());
    }
}
