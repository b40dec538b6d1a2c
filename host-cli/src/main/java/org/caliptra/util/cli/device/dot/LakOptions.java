package org.caliptra.util.cli.device.dot;

import java.nio.file.Path;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.cli.device.auth.KeyPairFiles;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Option;

/** The locked-ownership key (LAK) a DOT transition names: its key files, or its hash. */
public final class LakOptions {
    @Option(names = "--lak-ecc-key", paramLabel = "FILE", description = "The LAK's ECC P-384 key (public or private PEM).")
    Path ecc;

    @Option(names = "--lak-mldsa-key", paramLabel = "FILE", description = "The LAK's ML-DSA-87 key (public or private).")
    Path mldsa;

    @Option(names = "--lak-hash", paramLabel = "HEX",
            description = "The LAK's DOT key hash (96 hex digits) instead of its key files.")
    String hash;

    /** The LAK hash (exit 2 unless exactly one of the key files pair and the hash is given). */
    Octets hash() {
        boolean files = ecc != null || mldsa != null;
        if (files && hash != null) {
            throw new UsageException("--lak-hash and --lak-ecc-key/--lak-mldsa-key both name the LAK; give one");
        }
        if (hash != null) {
            return HexOption.parse("--lak-hash", hash, 48, "a DOT key hash");
        }
        if (ecc == null || mldsa == null) {
            throw new UsageException("the LAK: give --lak-ecc-key and --lak-mldsa-key, or --lak-hash");
        }
        return KeyPairFiles.publicKeys(ecc, mldsa).dotKeyHash();
    }
}
