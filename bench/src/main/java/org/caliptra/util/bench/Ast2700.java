package org.caliptra.util.bench;

import java.nio.file.Path;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.verify.Fuses;

/** The AST2700 reference corpus as the benchmarks use it (../shared/testdata, or -Dcaliptra.testdata). */
final class Ast2700 {
    private Ast2700() {}

    static Path root() {
        return Path.of(System.getProperty("caliptra.testdata", "../shared/testdata")).resolve("ast2700").toAbsolutePath();
    }

    /** The fuses of testdata/ast2700/README.md: production, LMS verify on, both key hashes fused. */
    static Fuses fuses() {
        return Fuses.builder().lmsVerify(true)
                .vendorPkHash(Octets.fromHex("428d18b0b49192c0163b4e0b2e231d20eef3ae37f8046c09a31911e3f6875a9a287342c58c7f8d68b69fafe1dd27b2dc"))
                .ownerPkHash(Octets.fromHex("124f40b2b2035f15e48782037342d795afc8b36d065d2fea9afaee724b8b9d53433ec6c1b4dbb9dc2c6f9f71e5f218b6"))
                .build();
    }
}
