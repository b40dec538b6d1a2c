package org.caliptra.util.emulator.dice;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.Extension;
import org.caliptra.util.protocol.Generation;

/**
 * The layers firmware adds to the identity (spec/device.md §5.1): the ROM measures the accepted
 * image into PCR0/PCR1 and derives the FMC alias from the LDevID CDI and PCR0; the FMC measures the
 * runtime into PCR2/PCR3 and derives the RT alias from the FMC alias CDI and the runtime's TCI.
 * An update reset measures again (with the cold boot's ROM inputs, which the data vault keeps) and
 * re-derives the RT alias; the FMC alias stays as the cold boot made it. The PCR extends happen at
 * once; keys and certificates are derived when first asked for.
 */
public final class AliasIdentity {
    private static final byte[] DEVICE_INFO_FLAGS_MASK = {(byte) 0xd0, 0, 0, 1};

    private final DiceIdentity device;
    private final Generation generation;
    private final FirmwareMeasurements coldBoot;
    private final FirmwareMeasurements current;
    private final Supplier<DiceLayer> fmcAlias;
    private final Supplier<DiceLayer> rtAlias;
    private final Supplier<DiceLayer> rtSigningLayer;
    private final Map<DiceAlgorithm, Supplier<byte[]>> fmcAliasCerts;
    private final Map<DiceAlgorithm, Supplier<byte[]>> fmcAliasCsrs;
    private final Map<DiceAlgorithm, Supplier<byte[]>> rtAliasCerts = new EnumMap<>(DiceAlgorithm.class);
    private final Map<DiceAlgorithm, Supplier<byte[]>> rtAliasCsrs = new EnumMap<>(DiceAlgorithm.class);

    private AliasIdentity(DiceIdentity device, FirmwareMeasurements coldBoot, byte[] pcr0, AliasIdentity previous,
            FirmwareMeasurements current) {
        this(device, coldBoot, pcr0, previous, current, false);
    }

    private AliasIdentity(DiceIdentity device, FirmwareMeasurements coldBoot, byte[] pcr0, AliasIdentity previous,
            FirmwareMeasurements current, boolean attestationDisabled) {
        this.device = device;
        this.generation = device.generation();
        this.coldBoot = coldBoot;
        this.current = current;
        if (previous != null) {
            this.fmcAlias = previous.fmcAlias;
            this.fmcAliasCerts = previous.fmcAliasCerts;
            this.fmcAliasCsrs = previous.fmcAliasCsrs;
        } else {
            this.fmcAlias = Lazy.of(() -> device.ladder().fmcAlias(device.ldevid(), pcr0));
            this.fmcAliasCerts = new EnumMap<>(DiceAlgorithm.class);
            this.fmcAliasCsrs = new EnumMap<>(DiceAlgorithm.class);
            for (DiceAlgorithm a : algorithms()) {
                fmcAliasCerts.put(a, Lazy.of(() -> signFmcAliasCert(a)));
                fmcAliasCsrs.put(a, Lazy.of(() -> signFmcAliasCsr(a)));
            }
        }
        byte[] rtContext = generation == Generation.V1 ? current.rtTciContextV1() : current.runtimeTci();
        if (attestationDisabled) {
            // The certificate the FMC made stays; only the runtime's own key changes.
            this.rtAlias = previous.rtAlias;
            this.rtAliasCerts.putAll(previous.rtAliasCerts);
            this.rtAliasCsrs.putAll(previous.rtAliasCsrs);
            this.rtSigningLayer = Lazy.of(() -> device.ladder().attestationDisabledRtLayer());
        } else {
            this.rtAlias = Lazy.of(() -> device.ladder().rtAlias(fmcAlias(), rtContext));
            for (DiceAlgorithm a : algorithms()) {
                rtAliasCerts.put(a, Lazy.of(() -> signRtAliasCert(a)));
                rtAliasCsrs.put(a, Lazy.of(() -> signRtAliasCsr(a)));
            }
            this.rtSigningLayer = rtAlias;
        }
    }

    /** After DISABLE_ATTESTATION: the same certificates, and the runtime's CDI and keys from an all-zero key. */
    public AliasIdentity withAttestationDisabled() {
        return new AliasIdentity(device, coldBoot, null, this, current, true);
    }

    /** FIRMWARE_LOAD accepted at cold boot: PCRs start from zero. */
    public static AliasIdentity coldBoot(DiceIdentity device, PcrBank pcrs, FirmwareMeasurements measurements) {
        byte[] pcr0 = measureFmc(device.generation(), pcrs, measurements);
        measureRuntime(device.generation(), pcrs, measurements, false);
        return new AliasIdentity(device, measurements, pcr0, null, measurements);
    }

    /** FIRMWARE_LOAD accepted at runtime: the ROM and FMC measure again; the RT alias follows the new runtime. */
    public AliasIdentity updateReset(PcrBank pcrs, FirmwareMeasurements measurements) {
        measureFmc(generation, pcrs, coldBoot);
        measureRuntime(generation, pcrs, measurements, true);
        return new AliasIdentity(device, coldBoot, null, this, measurements);
    }

    /** ROM: PCR0 cleared, then PCR0 and PCR1 each extended with the device status, the key hashes and the FMC TCI. */
    private static byte[] measureFmc(Generation generation, PcrBank pcrs, FirmwareMeasurements m) {
        byte[] status = generation == Generation.V1 ? m.deviceStatusV1() : m.deviceStatusV2();
        pcrs.erase(PcrBank.FMC_CURRENT);
        for (byte[] data : List.of(status, m.vendorPkHash(), m.ownerPkHash(), m.fmcTci())) {
            pcrs.extend(PcrBank.FMC_CURRENT, data);
            pcrs.extend(PcrBank.FMC_JOURNEY, data);
        }
        return pcrs.value(PcrBank.FMC_CURRENT);
    }

    /**
     * FMC: PCR2 cleared, then PCR2 and PCR3 each extended with the runtime digest (1.x: and the
     * manifest digest). A 2.x update reset that reloads the running runtime extends nothing
     * (caliptra-sw main fmc/src/flow/rt_alias.rs extend_pcrs and pcr.rs extend_pcr_common).
     */
    private static void measureRuntime(Generation generation, PcrBank pcrs, FirmwareMeasurements m, boolean updateReset) {
        if (generation == Generation.V1) {
            pcrs.erase(PcrBank.RT_CURRENT);
            for (byte[] data : List.of(m.runtimeTci(), m.manifestDigest())) {
                pcrs.extend(PcrBank.RT_CURRENT, data);
                pcrs.extend(PcrBank.RT_JOURNEY, data);
            }
            return;
        }
        if (updateReset && Arrays.equals(Digests.sha384(new byte[PcrBank.SIZE], m.runtimeTci()), pcrs.value(PcrBank.RT_CURRENT))) {
            return;
        }
        pcrs.erase(PcrBank.RT_CURRENT);
        pcrs.extend(PcrBank.RT_CURRENT, m.runtimeTci());
        pcrs.extend(PcrBank.RT_JOURNEY, m.runtimeTci());
    }

    public DiceLayer fmcAlias() {
        return fmcAlias.get();
    }

    /** The RT alias layer the FMC derived (its certificate's key). */
    public DiceLayer rtAlias() {
        return rtAlias.get();
    }

    /**
     * The CDI and keys the runtime holds and signs with (DPE's root): the RT alias layer, or after
     * DISABLE_ATTESTATION the layer derived from an all-zero key.
     */
    public DiceLayer runtimeLayer() {
        return rtSigningLayer.get();
    }

    /** not_before and not_after of the alias certificates, which DPE's certificates share. */
    public String[] certificateValidity() {
        return current.validity().clone();
    }

    /** The FMC alias certificate for {@code algorithm} (ML-DSA on 2.x only). */
    public byte[] fmcAliasCert(DiceAlgorithm algorithm) {
        return certificate(fmcAliasCerts, algorithm);
    }

    /** The FMC alias CSR the FMC makes at cold boot, self-signed with the FMC alias key (ML-DSA on 2.x only). */
    public byte[] fmcAliasCsr(DiceAlgorithm algorithm) {
        return certificate(fmcAliasCsrs, algorithm);
    }

    /** The RT alias certificate for {@code algorithm} (ML-DSA on 2.x only). */
    public byte[] rtAliasCert(DiceAlgorithm algorithm) {
        return certificate(rtAliasCerts, algorithm);
    }

    /**
     * The RT alias CSR the 2.x runtime makes for an attested CSR: the RT alias certificate's
     * subject, key and extensions (less the key identifiers), self-signed with the RT alias key
     * (caliptra-sw runtime/src/attested_csr/rt_alias.rs).
     */
    public byte[] rtAliasCsr(DiceAlgorithm algorithm) {
        return certificate(rtAliasCsrs, algorithm);
    }

    /** The key identifier the RT alias certificate carries as its SKI (the attested CSR's COSE kid). */
    public byte[] rtAliasKeyId(DiceAlgorithm algorithm) {
        certificate(rtAliasCerts, algorithm); // the same 1.x check
        return DiceCertificates.keyId(rtAlias(), algorithm);
    }

    private List<DiceAlgorithm> algorithms() {
        return generation == Generation.V1 ? List.of(DiceAlgorithm.ECC384) : List.of(DiceAlgorithm.values());
    }

    private byte[] certificate(Map<DiceAlgorithm, Supplier<byte[]>> certs, DiceAlgorithm algorithm) {
        var cert = certs.get(algorithm);
        if (cert == null) {
            throw new IllegalArgumentException("Caliptra 1.x alias layers have no ML-DSA key");
        }
        return cert.get().clone();
    }

    private static final int FMC_ALIAS_CSR_PATH_LENGTH = 5;

    /** 1.x: basic constraints, key usage and UEID only; 2.x: the certificate's extensions but the key ids. */
    private byte[] signFmcAliasCsr(DiceAlgorithm algorithm) {
        List<Extension> tcb = generation == Generation.V1 ? List.of() : List.of(TcbInfo.multi(fmcAliasTcb()));
        return DiceCertificates.csr(generation, DiceLayerKind.FMC_ALIAS, fmcAlias(), algorithm, device.ueid(), tcb,
                FMC_ALIAS_CSR_PATH_LENGTH);
    }

    private List<TcbInfo> fmcAliasTcb() {
        var m = coldBoot;
        return generation == Generation.V1
                ? List.of(new TcbInfo(m.fmcFuseSvn(), m.deviceInfoHashV1(), m.tcbFlags(), "DEVICE_INFO", DEVICE_INFO_FLAGS_MASK),
                        new TcbInfo(m.fmcSvn(), m.fmcTci(), null, "FMC_INFO", null))
                : List.of(new TcbInfo(null, m.ownerInfoHashV2(), null, "CALIPTRA_2_X_FUSE_OWNER_INFO", null),
                        new TcbInfo(null, m.vendorInfoHashV2(), null, "CALIPTRA_2_X_FUSE_VENDOR_INFO", null),
                        new TcbInfo(m.fmcSvn(), m.fmcTci(), null, "CALIPTRA_2_X_FMC_FIRMWARE_INFO", null));
    }

    private byte[] signFmcAliasCert(DiceAlgorithm algorithm) {
        List<Extension> extensions = List.of(TcbInfo.multi(fmcAliasTcb()));
        return DiceCertificates.certificate(generation, algorithm, DiceLayerKind.LDEVID, device.ldevid(),
                DiceLayerKind.FMC_ALIAS, fmcAlias(), device.ueid(), extensions,
                DiceCertificates.keyId(device.ldevid(), algorithm), coldBoot.validity());
    }

    private List<Extension> rtAliasTcb() {
        var m = current;
        String type = generation == Generation.V1 ? "RT_INFO" : "CALIPTRA_2_X_RT_FIRMWARE_INFO";
        return List.of(new TcbInfo(m.runtimeSvn(), m.runtimeTci(), null, type, null).extension());
    }

    private byte[] signRtAliasCsr(DiceAlgorithm algorithm) {
        return DiceCertificates.csr(generation, DiceLayerKind.RT_ALIAS, rtAlias(), algorithm, device.ueid(), rtAliasTcb());
    }

    private byte[] signRtAliasCert(DiceAlgorithm algorithm) {
        var m = current;
        List<Extension> tcb = rtAliasTcb();
        return DiceCertificates.certificate(generation, algorithm, DiceLayerKind.FMC_ALIAS, fmcAlias(),
                DiceLayerKind.RT_ALIAS, rtAlias(), device.ueid(), tcb, DiceCertificates.keyId(fmcAlias(), algorithm),
                m.validity());
    }
}
