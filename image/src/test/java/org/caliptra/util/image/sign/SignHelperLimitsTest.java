package org.caliptra.util.image.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A helper's answer is one signature: what it prints or leaves behind is read only up to a bound. */
class SignHelperLimitsTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHelperThatPrintsMoreThanAnySignatureIsRefusedByTheLimit() {
        var helper = new SignHelper("head -c 200000 /dev/zero", false, 30);
        var e = assertThrows(SigningException.class, () -> helper.sign(new byte[48]));
        assertEquals("sign helper head -c 200000 /dev/zero (by stdin) printed more than 65536 bytes; a sign helper's answer is at "
                + "most 65536 bytes (one signature: DER ECDSA about 104 bytes, LMS 1620, twice that in hex)", e.getMessage());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHelperThatLeavesADeviceInPlaceOfTheFileIsRefused() throws Exception {
        // by file the helper runs as "<cmd> --input FILE": this one swaps FILE for a link to /dev/zero
        Path script = dir.resolve("helper.sh");
        Files.writeString(script, "#!/bin/sh\nln -sf /dev/zero \"$2\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        var helper = new SignHelper(script.toString(), true, 30);
        var e = assertThrows(SigningException.class, () -> helper.sign(new byte[48]));
        assertEquals("sign helper " + script + " (by file) left an unusable signature file: is a character device, not a regular "
                + "file; only regular files are read", e.getMessage());
    }
}
