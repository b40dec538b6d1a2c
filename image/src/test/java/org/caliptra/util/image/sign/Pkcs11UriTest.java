package org.caliptra.util.image.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs11UriTest {
    static final String MODULE = "?module-path=/usr/lib/softhsm/libsofthsm2.so";

    @TempDir
    Path dir;

    static Pkcs11UriException rejects(String uri) {
        return assertThrows(Pkcs11UriException.class, () -> Pkcs11Uri.parse(uri));
    }

    static String pin(Pkcs11Uri uri) {
        return new String(uri.pin().orElseThrow());
    }

    @Test
    void parsesEverySupportedAttribute() {
        var uri = Pkcs11Uri.parse("pkcs11:token=caliptra;slot-id=1137474909;object=own-fw;id=%01%a0%FF;type=private"
                + MODULE + "&pin-value=1234");
        assertEquals(Optional.of("caliptra"), uri.token());
        assertEquals(1137474909L, uri.slotId().getAsLong());
        assertEquals(Optional.of("own-fw"), uri.object());
        assertArrayEquals(new byte[] {1, (byte) 0xA0, (byte) 0xFF}, uri.id().orElseThrow());
        assertEquals(Path.of("/usr/lib/softhsm/libsofthsm2.so"), uri.modulePath());
        assertEquals("1234", pin(uri));
    }

    @Test
    void theSchemeIsCaseInsensitiveAndThePathMayBeEmpty() {
        assertTrue(Pkcs11Uri.isPkcs11("PKCS11:object=a" + MODULE));
        var uri = Pkcs11Uri.parse("PKCS11:" + MODULE);
        assertTrue(uri.object().isEmpty() && uri.token().isEmpty() && uri.slotId().isEmpty() && uri.id().isEmpty());
        assertFalse(uri.hasPin());
        assertTrue(uri.pin().isEmpty());
        assertFalse(Pkcs11Uri.isPkcs11("own-fw-ecc-prvk.pem"));
        assertFalse(Pkcs11Uri.isPkcs11(null));
    }

    @Test
    void percentEscapesDecodeAndPlusStaysPlus() {
        var uri = Pkcs11Uri.parse("pkcs11:object=my%20key+1;token=A%2Bb" + MODULE + "&pin-value=a+b%25c%2Bd%26e");
        assertEquals(Optional.of("my key+1"), uri.object());
        assertEquals(Optional.of("A+b"), uri.token());
        assertEquals("a+b%c+d&e", pin(uri));
    }

    @Test
    void escapesDecodeAsUtf8() {
        var uri = Pkcs11Uri.parse("pkcs11:object=cl%C3%A9" + MODULE);
        assertEquals(Optional.of("clé"), uri.object());
        var e = rejects("pkcs11:object=%C3" + MODULE);
        assertEquals("PKCS#11 URI: attribute 'object' does not decode to UTF-8 text", e.getMessage());
    }

    @Test
    void modulePathMayHoldSlashesAndEscapes() {
        var uri = Pkcs11Uri.parse("pkcs11:object=k?module-path=/opt/hsm%20vendor/lib+x.so");
        assertEquals(Path.of("/opt/hsm vendor/lib+x.so"), uri.modulePath());
    }

    @Test
    void malformedEscapesNameTheAttribute() {
        assertEquals("PKCS#11 URI: attribute 'object' has a malformed percent-escape at position 4 of its value "
                + "(expected % and two hex digits)", rejects("pkcs11:object=abc%G1" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: attribute 'token' has a malformed percent-escape at position 1 of its value "
                + "(expected % and two hex digits)", rejects("pkcs11:token=%2" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: attribute 'module-path' has a malformed percent-escape at position 5 of its value "
                + "(expected % and two hex digits)", rejects("pkcs11:?module-path=/lib%").getMessage());
    }

    @Test
    void aMalformedEscapeInThePinNeverShowsThePin() {
        String secret = "s3cr%Zt";
        var e = rejects("pkcs11:object=k" + MODULE + "&pin-value=" + secret);
        assertEquals("PKCS#11 URI: attribute 'pin-value' has a malformed percent-escape (expected % and two hex digits)",
                e.getMessage());
        assertNoPin(e, "s3cr");
    }

    @Test
    void aPinCharacterThatNeedsEncodingIsNotQuoted() {
        var e = rejects("pkcs11:object=k" + MODULE + "&pin-value=ab#cd");
        assertEquals("PKCS#11 URI: attribute 'pin-value' holds a character that must be percent-encoded (RFC 7512)",
                e.getMessage());
        assertNoPin(e, "ab#cd");
    }

    @Test
    void anUnencodedAmpersandInThePinDoesNotLeakThePieceAfterIt() {
        var e = rejects("pkcs11:object=k" + MODULE + "&pin-value=12&zq9=x");
        assertEquals("PKCS#11 URI: the query has a malformed or unknown attribute after pin-value "
                + "(a '&' in a PIN must be written %26)", e.getMessage());
        assertNoPin(e, "zq9");
        assertNoPin(rejects("pkcs11:object=k" + MODULE + "&pin-value=12&zq9"), "zq9");
    }

    @Test
    void charactersRfc7512ReservesMustBeEncoded() {
        assertEquals("PKCS#11 URI: attribute 'object': character ' ' at position 3 of its value must be percent-encoded (RFC 7512)",
                rejects("pkcs11:object=my key" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: attribute 'object': character '/' at position 2 of its value must be percent-encoded (RFC 7512)",
                rejects("pkcs11:object=a/b" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: attribute 'object': character U+00E9 at position 3 of its value must be percent-encoded (RFC 7512)",
                rejects("pkcs11:object=clé" + MODULE).getMessage());
    }

    @Test
    void slotIdIsADecimalSlotId() {
        assertEquals(0L, Pkcs11Uri.parse("pkcs11:slot-id=0" + MODULE).slotId().getAsLong());
        assertEquals(-1L, Pkcs11Uri.parse("pkcs11:slot-id=18446744073709551615" + MODULE).slotId().getAsLong());
        for (String bad : new String[] {"", "-1", "0x10", "1 2", "18446744073709551616", "%31a"}) {
            String encoded = bad.replace(" ", "%20");
            var e = rejects("pkcs11:slot-id=" + encoded + MODULE);
            assertTrue(e.getMessage().startsWith("PKCS#11 URI: attribute 'slot-id': '"), e.getMessage());
        }
    }

    @Test
    void unknownAndUnsupportedAttributesAreRefusedByName() {
        assertEquals("PKCS#11 URI: unknown path attribute 'slot' (supported: id, object, slot-id, token, type)",
                rejects("pkcs11:slot=0;object=k" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: unknown path attribute 'x-vendor' (supported: id, object, slot-id, token, type)",
                rejects("pkcs11:object=k;x-vendor=1" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: path attribute 'serial' is not supported by this tool (supported: id, object, slot-id, token, type)",
                rejects("pkcs11:serial=123" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: unknown path attribute 'module-path' (supported: id, object, slot-id, token, type)",
                rejects("pkcs11:module-path=/x.so;object=k" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: unknown query attribute 'pin' (supported: module-path, pin-source, pin-value)",
                rejects("pkcs11:object=k?pin=1&module-path=/x.so").getMessage());
        assertEquals("PKCS#11 URI: query attribute 'module-name' is not supported: give module-path=<the library file>",
                rejects("pkcs11:object=k?module-name=softhsm2").getMessage());
        assertEquals("PKCS#11 URI: attribute 'type': this tool signs with a private key, so type must be 'private', not 'cert'",
                rejects("pkcs11:object=k;type=cert" + MODULE).getMessage());
    }

    @Test
    void structuralErrors() {
        assertEquals("PKCS#11 URI: path attribute 'object' appears more than once",
                rejects("pkcs11:object=a;object=b" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: empty attribute in the path (a stray ';')", rejects("pkcs11:object=a;" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: malformed path attribute: expected name=value", rejects("pkcs11:object" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: malformed path attribute name (names are lower-case letters, digits, '-' and '_')",
                rejects("pkcs11:=a" + MODULE).getMessage());
        assertEquals("PKCS#11 URI: a PKCS#11 URI needs ?module-path=<the PKCS#11 library file>",
                rejects("pkcs11:object=a").getMessage());
        assertEquals("PKCS#11 URI: attribute 'module-path': lib.so is not an absolute path",
                rejects("pkcs11:object=a?module-path=lib.so").getMessage());
        assertEquals("PKCS#11 URI: give either pin-value or pin-source, not both",
                rejects("pkcs11:object=a" + MODULE + "&pin-value=1&pin-source=/p").getMessage());
        assertEquals("PKCS#11 URI: not a PKCS#11 URI: it must start with 'pkcs11:'",
                assertThrows(Pkcs11UriException.class, () -> Pkcs11Uri.parse("file:/x")).getMessage());
    }

    @Test
    void pinSourceIsReadFromAFileOrFileUri() throws Exception {
        Path pinFile = dir.resolve("pin file");
        Files.writeString(pinFile, "9+8%7\n", StandardCharsets.UTF_8);
        String encodedPath = pinFile.toString().replace(" ", "%20");
        assertEquals("9+8%7", pin(Pkcs11Uri.parse("pkcs11:object=a" + MODULE + "&pin-source=" + encodedPath)));
        assertEquals("9+8%7", pin(Pkcs11Uri.parse("pkcs11:object=a" + MODULE + "&pin-source=file://" + encodedPath.replace("%20", "%2520"))));
        Files.writeString(pinFile, "crlf\r\n", StandardCharsets.UTF_8);
        assertEquals("crlf", pin(Pkcs11Uri.parse("pkcs11:object=a" + MODULE + "&pin-source=" + encodedPath)));

        var missing = assertThrows(Pkcs11UriException.class,
                () -> Pkcs11Uri.parse("pkcs11:object=a" + MODULE + "&pin-source=" + dir.resolve("none")).pin());
        assertEquals("PKCS#11 URI: pin-source " + dir.resolve("none") + ": no such file", missing.getMessage());
        assertEquals("PKCS#11 URI: attribute 'pin-source': pin is neither an absolute path nor a file: URI",
                rejects("pkcs11:object=a" + MODULE + "&pin-source=pin").getMessage());
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aPinSourceThatIsNoRegularFileIsRefusedNotWaitedOn() throws Exception {
        Path fifo = dir.resolve("pin-fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        var e = assertThrows(Pkcs11UriException.class, () -> Pkcs11Uri.parse("pkcs11:object=a" + MODULE + "&pin-source=" + fifo).pin());
        assertEquals("PKCS#11 URI: pin-source " + fifo + ": is a FIFO, not a regular file; only regular files are read", e.getMessage());
        var zero = assertThrows(Pkcs11UriException.class,
                () -> Pkcs11Uri.parse("pkcs11:object=a" + MODULE + "&pin-source=/dev/zero").pin());
        assertEquals("PKCS#11 URI: pin-source /dev/zero: is a character device, not a regular file; only regular files are read",
                zero.getMessage());
    }

    @Test
    void toStringWithholdsThePin() {
        var uri = Pkcs11Uri.parse("pkcs11:object=my%20key;slot-id=5" + MODULE + "&pin-value=top%2Bsecret");
        assertEquals("pkcs11:slot-id=5;object=my%20key?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-value=***", uri.toString());
        assertFalse(uri.toString().contains("secret"));
        // what toString prints parses back to the same key reference
        var again = Pkcs11Uri.parse(uri.toString().replace("&pin-value=***", ""));
        assertEquals(uri.object(), again.object());
        assertEquals(uri.slotId(), again.slotId());
    }

    static void assertNoPin(Throwable e, String pinFragment) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(pinFragment), t.getMessage());
            assertFalse(t.toString().contains(pinFragment), t.toString());
        }
    }
}
