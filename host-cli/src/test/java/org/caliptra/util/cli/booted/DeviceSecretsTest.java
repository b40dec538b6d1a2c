package org.caliptra.util.cli.booted;

import static org.caliptra.util.cli.booted.BootedTestSupport.certificates;
import static org.caliptra.util.cli.booted.BootedTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device file's debug lock and [secrets] reach the DICE identity: a debug-locked caliptra-1.2 part
 * with the reference hw-model's secrets has the reference's LDevID certificate (caliptra-sw
 * caliptra-1.2 smoke_testdata/ldevid_cert.der, by SHA-256), whatever firmware it boots; another UDS
 * seed gives another.
 */
class DeviceSecretsTest {
    @TempDir
    Path dir;

    private List<String> boot(String deviceFile) throws Exception {
        Path device = Files.writeString(dir.resolve("device-" + deviceFile.hashCode() + ".toml"), deviceFile);
        var args = new ArrayList<>(BootedCommandsV1Test.boot());
        args.addAll(List.of("--device", device.toString()));
        return args;
    }

    private static String sha256(byte[] der) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

    @Test
    void theReferenceSecretsGiveTheReferenceLdevidAndOthersAnother() throws Exception {
        String locked = "profile = \"caliptra-1.2\"\nlifecycle = \"production\"\ndebug_locked = true\n";
        byte[] reference = certificates(ok("get-ldevid-cert", boot(locked)).out()).get(0).getEncoded();
        assertEquals("2358a907ed88c9de0cd08b87d9174435296c2ae17e187bb3243238234b2dfc96", sha256(reference));
        String otherUds = locked + "[secrets]\nuds_seed = \"" + "5a".repeat(48) + "\"\n";
        byte[] other = certificates(ok("get-ldevid-cert", boot(otherUds)).out()).get(0).getEncoded();
        assertNotEquals(sha256(reference), sha256(other));
        // The same secrets spelt out are the defaults: the same certificate again.
        StringBuilder uds = new StringBuilder();
        for (int i = 0; i < 48; i++) {
            uds.append(String.format("%02x", i));
        }
        String spelt = locked + "[secrets]\nuds_seed = \"" + uds + "\"\nobfuscation_key = "
                + "\"a0a1a2a3b0b1b2b3c0c1c2c3d0d1d2d3e0e1e2e3f0f1f2f3a4a5a6a7b4b5b6b7\"\n";
        assertEquals(sha256(reference), sha256(certificates(ok("get-ldevid-cert", boot(spelt)).out()).get(0).getEncoded()));
    }
}
