package org.caliptra.util.emulator.dice;

import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.Extension;
import org.caliptra.util.protocol.Generation;

/**
 * The layers firmware adds to the identity (spec/device.md §5.1): the ROM measures the accepted
 * image into PCR0/PCR1 and derives the FMC alias from the LDevID CDI and PCR0; the FMC measures the
 * runtime into PCR2/PCR3 and derives the RT alias from the FMC alias CDI and the runtime's TCI.
 * An update reset measures the new image again and re-derives the RT alias; the FMC alias stays as
 * the cold boot made it. The PCR extends happen at once; keys and certificates are derived when
 * first asked for.
 */
public final class AliasIdentity {
    private static final int DEVICE_INFO_FLAGS_MASK = 0xd000_0001;

    private final DiceIdentity device;
    private final FirmwareMeasurements coldBoot;
    private final FirmwareMeasurements current;
    private final Supplier<DiceLayer> fmcAlias;
    private final Supplier<DiceLayer> rtAlias;
    private final Supplier<byte[]> fmcAliasCert;
    private final Supplier<byte[]> rtAliasCert;

    private AliasIdentity(DiceIdentity device, FirmwareMeasurements coldBoot, byte[] pcr0, Supplier<DiceLayer> fmcAlias,
            Supplier<byte[]> fmcAliasCert, FirmwareMeasurements current) {
        this.device = device;
        this.coldBoot = coldBoot;
        this.current = current;
        this.fmcAlias = fmcAlias != null ? fmcAlias : Lazy.of(() -> device.ladder().fmcAlias(device.ldevid(), pcr0));
        this.fmcAliasCert = fmcAliasCert != null ? fmcAliasCert : Lazy.of(this::signFmcAliasCert);
        this.rtAlias = Lazy.of(() -> device.ladder().rtAlias(fmcAlias(), current.rtTciContext()));
        this.rtAliasCert = Lazy.of(this::signRtAliasCert);
    }

    /** FIRMWARE_LOAD accepted at cold boot: PCRs start from zero. */
    public static AliasIdentity coldBoot(DiceIdentity device, PcrBank pcrs, FirmwareMeasurements measurements) {
        requireV1(device);
        byte[] pcr0 = measureFmc(pcrs, measurements);
        measureRuntime(pcrs, measurements);
        return new AliasIdentity(device, measurements, pcr0, null, null, measurements);
    }

    /** FIRMWARE_LOAD accepted at runtime: the ROM and FMC measure the new image; the RT alias follows it. */
    public AliasIdentity updateReset(PcrBank pcrs, FirmwareMeasurements measurements) {
        measureFmc(pcrs, measurements);
        measureRuntime(pcrs, measurements);
        return new AliasIdentity(device, coldBoot, null, fmcAlias, fmcAliasCert, measurements);
    }

    /** ROM: PCR0 cleared, then PCR0 and PCR1 each extended with the device status, the key hashes and the FMC TCI. */
    private static byte[] measureFmc(PcrBank pcrs, FirmwareMeasurements m) {
        pcrs.erase(PcrBank.FMC_CURRENT);
        for (byte[] data : List.of(m.deviceStatusV1(), m.vendorPkHash(), m.ownerPkHash(), m.fmcTci())) {
            pcrs.extend(PcrBank.FMC_CURRENT, data);
            pcrs.extend(PcrBank.FMC_JOURNEY, data);
        }
        return pcrs.value(PcrBank.FMC_CURRENT);
    }

    /** FMC: PCR2 cleared, then PCR2 and PCR3 each extended with the runtime digest and the manifest digest. */
    private static void measureRuntime(PcrBank pcrs, FirmwareMeasurements m) {
        pcrs.erase(PcrBank.RT_CURRENT);
        for (byte[] data : List.of(m.runtimeTci(), m.manifestDigest())) {
            pcrs.extend(PcrBank.RT_CURRENT, data);
            pcrs.extend(PcrBank.RT_JOURNEY, data);
        }
    }

    public DiceLayer fmcAlias() {
        return fmcAlias.get();
    }

    public DiceLayer rtAlias() {
        return rtAlias.get();
    }

    public byte[] fmcAliasCert(DiceAlgorithm algorithm) {
        requireEcc(algorithm);
        return fmcAliasCert.get().clone();
    }

    public byte[] rtAliasCert(DiceAlgorithm algorithm) {
        requireEcc(algorithm);
        return rtAliasCert.get().clone();
    }

    /** The measurements of the image running now (after an update reset, the new one). */
    public FirmwareMeasurements measurements() {
        return current;
    }

    private byte[] signFmcAliasCert() {
        var m = coldBoot;
        var deviceInfo = new TcbInfo(m.fmcFuseSvn(), m.deviceInfoHashV1(), m.tcbFlags(), "DEVICE_INFO",
                intBytes(DEVICE_INFO_FLAGS_MASK));
        var fmcInfo = new TcbInfo(m.fmcSvn(), m.fmcTci(), null, "FMC_INFO", null);
        List<Extension> tcb = List.of(TcbInfo.multi(List.of(deviceInfo, fmcInfo)));
        return DiceCertificates.certificate(Generation.V1, DiceAlgorithm.ECC384, DiceLayerKind.LDEVID, device.ldevid(),
                DiceLayerKind.FMC_ALIAS, fmcAlias(), device.ueid(), tcb,
                DiceCertificates.keyId(device.ldevid(), DiceAlgorithm.ECC384), m.validity());
    }

    private byte[] signRtAliasCert() {
        var m = current;
        List<Extension> tcb = List.of(new TcbInfo(m.runtimeSvn(), m.runtimeTci(), null, "RT_INFO", null).extension());
        return DiceCertificates.certificate(Generation.V1, DiceAlgorithm.ECC384, DiceLayerKind.FMC_ALIAS, fmcAlias(),
                DiceLayerKind.RT_ALIAS, rtAlias(), device.ueid(), tcb,
                DiceCertificates.keyId(fmcAlias(), DiceAlgorithm.ECC384), m.validity());
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private void requireEcc(DiceAlgorithm algorithm) {
        if (algorithm != DiceAlgorithm.ECC384) {
            throw new IllegalArgumentException("Caliptra 1.x alias layers have no ML-DSA key");
        }
    }

    private static void requireV1(DiceIdentity device) {
        if (device.generation() != Generation.V1) {
            throw new IllegalStateException("the 2.x alias layers are not derived by this class");
        }
    }
}
