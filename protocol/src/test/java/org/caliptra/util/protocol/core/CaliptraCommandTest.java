package org.caliptra.util.protocol.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.core.CaliptraCommand.Stage;
import org.caliptra.util.protocol.mailbox.FourCc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The catalogue against spec/device.md §4.1 and §4.4, codes written out by hand. */
class CaliptraCommandTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "FIRMWARE_LOAD, 46574C44, FWLD", "CAPABILITIES, 43415053, CAPS", "VERSION, 46505652, FPVR",
        "SELF_TEST_START, 46504C54, FPLT", "SELF_TEST_GET_RESULTS, 46504C67, FPLg", "SHUTDOWN, 46505344, FPSD",
        "FW_INFO, 494E464F, INFO", "GET_IDEV_ECC384_CERT, 49444543, IDEC", "GET_LDEV_ECC384_CERT, 4C444556, LDEV",
        "ECDSA384_VERIFY, 53494756, SIGV", "ECDSA384_SIGNATURE_VERIFY, 45435632, ECV2", "STASH_MEASUREMENT, 4D454153, MEAS",
        "DPE_TAG_TCI, 54514754, TQGT", "SET_AUTH_MANIFEST, 41544D4E, ATMN", "AUTHORIZE_AND_STASH, 41545348, ATSH",
        "INSTALL_OWNER_PK_HASH, 4F574E50, OWNP", "CM_IMPORT, 434D494D, CMIM", "CM_DERIVE_STABLE_KEY, 494D4453, IMDS",
        "RI_DOWNLOAD_FIRMWARE, 52494644, RIFD"})
    void codesAreTheSpecs(CaliptraCommand command, String hex, String ascii) {
        assertEquals(Integer.parseUnsignedInt(hex, 16), command.code());
        assertEquals(ascii, FourCc.toAscii(command.code()));
        assertEquals(command, CaliptraCommand.fromCode(command.code()).orElseThrow());
    }

    @Test
    void everyCodeNamesOneCommand() {
        var seen = new HashSet<Integer>();
        Arrays.stream(CaliptraCommand.values()).forEach(c -> assertTrue(seen.add(c.code()), c + " shares its code"));
    }

    @Test
    void whereACommandIsAcceptedFollowsTheCatalogue() {
        assertTrue(CaliptraCommand.FIRMWARE_LOAD.acceptedBy(Generation.V1, Stage.ROM));
        assertFalse(CaliptraCommand.FW_INFO.acceptedBy(Generation.V2, Stage.ROM), "FW_INFO is runtime only");
        assertTrue(CaliptraCommand.GET_LDEV_ECC384_CERT.acceptedBy(Generation.V2, Stage.ROM), "2.x ROM serves the LDevID cert");
        assertFalse(CaliptraCommand.GET_LDEV_ECC384_CERT.acceptedBy(Generation.V1, Stage.ROM));
        assertFalse(CaliptraCommand.ECDSA384_SIGNATURE_VERIFY.existsIn(Generation.V1), "ECV2 is 2.x");
        assertFalse(CaliptraCommand.ECDSA384_VERIFY.existsIn(Generation.V2), "SIGV is 1.x");
        assertTrue(CaliptraCommand.CM_SHA.acceptedBy(Generation.V2, Stage.ROM));
        assertFalse(CaliptraCommand.CM_SHA.acceptedBy(Generation.V2, Stage.RUNTIME), "CM_SHA is ROM only");
    }

    @Test
    void pl0AndLegacyNames() {
        assertTrue(CaliptraCommand.SET_AUTH_MANIFEST.pl0Only());
        assertTrue(CaliptraCommand.STASH_MEASUREMENT.pl0Only());
        assertTrue(CaliptraCommand.DISABLE_ATTESTATION.pl0Only());
        assertFalse(CaliptraCommand.AUTHORIZE_AND_STASH.pl0Only(), "PL1 may authorize with SKIP_STASH");
        assertEquals("GET_IDEV_CERT", CaliptraCommand.GET_IDEV_ECC384_CERT.nameIn(Generation.V1));
        assertEquals("GET_IDEV_ECC384_CERT", CaliptraCommand.GET_IDEV_ECC384_CERT.nameIn(Generation.V2));
        assertEquals("FW_INFO 0x494E464F (INFO)", CaliptraCommand.FW_INFO.describe());
    }
}
