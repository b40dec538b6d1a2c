package org.caliptra.util.bench;

import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.dice.AliasIdentity;
import org.caliptra.util.emulator.dice.DiceAlgorithm;
import org.caliptra.util.emulator.dice.DiceIdentity;
import org.caliptra.util.emulator.dice.FirmwareMeasurements;
import org.caliptra.util.emulator.dice.PcrBank;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.soc.fuses.FuseSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The DICE derivation alone, without a device: the 1.x chain from the fuses to the RT alias
 * certificate (DOE, four KDF layers, four ECC key generations, three ECDSA signatures), and the
 * 2.x chain with its ML-DSA-87 keys and signatures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DiceDerivationBench {
    private static FirmwareMeasurements measurements(Generation g) {
        return new FirmwareMeasurements(3, true, false, 0, g == Generation.V1 ? 0xFF : 0, false, true, new byte[48],
                new byte[48], 1, 0, new byte[48], 1, new byte[48], new byte[48],
                new String[] {"20230101000000Z", "99991231235959Z"},
                g == Generation.V1 ? FirmwareMeasurements.V2Fuses.NONE : new FirmwareMeasurements.V2Fuses(0, 0, 0, 0, 0, 128, 1, true));
    }

    private static byte[] chain(Generation g, DiceAlgorithm algorithm) {
        var device = DiceIdentity.coldBoot(g, FuseSet.defaults(g), DeviceConfig.DEFAULT_OBFUSCATION_KEY,
                DeviceConfig.DEFAULT_CSR_HMAC_KEY, true);
        var alias = AliasIdentity.coldBoot(device, new PcrBank(), measurements(g));
        device.ldevidCert(algorithm);
        alias.fmcAliasCert(algorithm);
        return alias.rtAliasCert(algorithm);
    }

    @Benchmark
    public byte[] wholeChainCaliptra12() {
        return chain(Generation.V1, DiceAlgorithm.ECC384);
    }

    @Benchmark
    public byte[] eccChainCaliptra21() {
        return chain(Generation.V2, DiceAlgorithm.ECC384);
    }

    @Benchmark
    public byte[] mldsaChainCaliptra21() {
        return chain(Generation.V2, DiceAlgorithm.MLDSA87);
    }
}
