package org.caliptra.util.emulator.runtime;

import org.caliptra.util.emulator.dice.AliasIdentity;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.caliptra.util.emulator.dice.DiceAlgorithm;
import org.caliptra.util.emulator.dice.DiceCertificates;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.CertificateCommands.IdevEcc384Info;
import org.caliptra.util.protocol.core.SizedData;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_GET_FMC_ALIAS_CERT_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_GET_IDEVID_CERT_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_GET_RT_ALIAS_CERT_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_GET_IDEV_ID_UNPROVISIONED;

/**
 * The DICE chain at runtime (spec/device.md §4.2): the IDevID public key, the CSR the ROM made in
 * manufacturing, the certificate the SoC's CA issued for the IDevID (wrapped, or populated), the
 * FMC alias CSR, and the LDevID, FMC alias and RT alias certificates — on 2.x one of each per key
 * algorithm — and DISABLE_ATTESTATION, which takes the runtime's own key out of the chain. Every
 * certificate is the one the derivation made, not a stored copy.
 */
final class CertificateHandlers implements CommandTable.CommandFamily {
    private final CaliptraFirmware firmware;
    private final Map<DiceAlgorithm, Octets> populatedIdevCerts = new EnumMap<>(DiceAlgorithm.class);

    CertificateHandlers(CaliptraFirmware firmware) {
        this.firmware = firmware;
    }

    @Override
    public void register(CommandTable.Builder table) {
        boolean v1 = firmware.generation() == Generation.V1;
        table.add(org.caliptra.util.protocol.core.DpeCommands.DISABLE_ATTESTATION, (request, requester) -> {
            firmware.disableAttestation();
            return NoFields.INSTANCE;
        });
        table.add(CertificateCommands.GET_IDEV_ECC384_INFO, (request, requester) -> {
            var key = firmware.dice().idevid().eccPublicKey();
            return new IdevEcc384Info(key.x(), key.y());
        });
        table.add(v1 ? CertificateCommands.GET_IDEV_ECC384_CSR_V1 : CertificateCommands.GET_IDEV_ECC384_CSR_V2,
                (request, requester) -> idevidCsr(DiceAlgorithm.ECC384));
        table.add(v1 ? CertificateCommands.GET_LDEV_ECC384_CERT_V1 : CertificateCommands.GET_LDEV_ECC384_CERT_V2,
                (request, requester) -> SizedData.of(firmware.dice().ldevidCert(DiceAlgorithm.ECC384)));
        table.add(v1 ? CertificateCommands.GET_IDEV_ECC384_CERT_V1 : CertificateCommands.GET_IDEV_ECC384_CERT_V2,
                (request, requester) -> wrapped(() -> DiceCertificates.wrapEcc(request.tbs().toByteArray(),
                        new java.math.BigInteger(1, request.signatureR().toByteArray()),
                        new java.math.BigInteger(1, request.signatureS().toByteArray()),
                        v1 ? DiceCertificates.MAX_ASSEMBLED_CONTENT_V1 : DiceCertificates.MAX_ASSEMBLED_CONTENT_V2,
                        v1 ? CertificateCommands.MAX_CERT_V1 : CertificateCommands.MAX_DATA_V2)));
        table.add(CertificateCommands.POPULATE_IDEV_ECC384_CERT, (request, requester) -> {
            populatedIdevCerts.put(DiceAlgorithm.ECC384, request.cert());
            return NoFields.INSTANCE;
        });
        table.add(v1 ? CertificateCommands.GET_FMC_ALIAS_ECC384_CSR_V1 : CertificateCommands.GET_FMC_ALIAS_ECC384_CSR_V2,
                (request, requester) -> SizedData.of(alias().fmcAliasCsr(DiceAlgorithm.ECC384)));
        if (v1) {
            table.add(CertificateCommands.GET_FMC_ALIAS_ECC384_CERT_V1,
                    (request, requester) -> fmcAliasCert(DiceAlgorithm.ECC384));
            table.add(CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V1,
                    (request, requester) -> rtAliasCert(DiceAlgorithm.ECC384));
        } else {
            table.add(CertificateCommands.GET_IDEV_MLDSA87_INFO, (request, requester) -> new CertificateCommands.IdevMldsa87Info(
                    firmware.dice().idevid().mldsaKey().orElseThrow().publicKey().bytes()));
            table.add(CertificateCommands.GET_IDEV_MLDSA87_CSR, (request, requester) -> idevidCsr(DiceAlgorithm.MLDSA87));
            table.add(CertificateCommands.GET_LDEV_MLDSA87_CERT,
                    (request, requester) -> SizedData.of(firmware.dice().ldevidCert(DiceAlgorithm.MLDSA87)));
            table.add(CertificateCommands.GET_FMC_ALIAS_ECC384_CERT_V2,
                    (request, requester) -> fmcAliasCert(DiceAlgorithm.ECC384));
            table.add(CertificateCommands.GET_FMC_ALIAS_MLDSA87_CERT,
                    (request, requester) -> fmcAliasCert(DiceAlgorithm.MLDSA87));
            table.add(CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V2,
                    (request, requester) -> rtAliasCert(DiceAlgorithm.ECC384));
            table.add(CertificateCommands.GET_RT_ALIAS_MLDSA87_CERT,
                    (request, requester) -> rtAliasCert(DiceAlgorithm.MLDSA87));
            table.add(CertificateCommands.GET_FMC_ALIAS_MLDSA87_CSR,
                    (request, requester) -> SizedData.of(alias().fmcAliasCsr(DiceAlgorithm.MLDSA87)));
            table.add(CertificateCommands.GET_IDEV_MLDSA87_CERT, (request, requester) -> wrapped(() ->
                    DiceCertificates.wrapMldsa(request.tbs().toByteArray(), request.signature().toByteArray(),
                            DiceCertificates.MAX_ASSEMBLED_CONTENT_V2, CertificateCommands.MAX_DATA_V2)));
            table.add(CertificateCommands.POPULATE_IDEV_MLDSA87_CERT, (request, requester) -> {
                populatedIdevCerts.put(DiceAlgorithm.MLDSA87, request.cert());
                return NoFields.INSTANCE;
            });
        }
    }

    /**
     * The CSR exists only if the ROM generated it: a manufacturing part whose SoC asked for it
     * (spec/device.md §3.5). Otherwise RUNTIME_GET_IDEV_ID_UNPROVISIONED.
     */
    private SizedData idevidCsr(DiceAlgorithm algorithm) {
        if (!firmware.csrGenerated()) {
            throw CommandFailure.of(RUNTIME_GET_IDEV_ID_UNPROVISIONED,
                    "the ROM made no IDevID CSR this cold boot (manufacturing lifecycle and DBG_MANUF_SERVICE_REG[0] set)");
        }
        return new SizedData(Octets.of(firmware.dice().idevidCsr(algorithm)));
    }

    /** The IDevID certificates the SoC populated (POPULATE_IDEV_*_CERT), for the certificate chain DPE hands out. */
    Optional<Octets> populatedIdevCert(DiceAlgorithm algorithm) {
        return Optional.ofNullable(populatedIdevCerts.get(algorithm));
    }

    private static SizedData wrapped(java.util.function.Supplier<byte[]> certificate) {
        try {
            return SizedData.of(certificate.get());
        } catch (IllegalArgumentException e) {
            throw CommandFailure.of(RUNTIME_GET_IDEVID_CERT_FAILED, e.getMessage());
        }
    }

    /**
     * The alias certificates take their validity from the manifest; a manifest whose dates are not
     * GeneralizedTime strings cannot make one, and the runtime says so with its certificate error.
     */
    private SizedData fmcAliasCert(DiceAlgorithm algorithm) {
        try {
            return SizedData.of(alias().fmcAliasCert(algorithm));
        } catch (IllegalArgumentException e) {
            throw CommandFailure.of(RUNTIME_GET_FMC_ALIAS_CERT_FAILED, e.getMessage());
        }
    }

    private SizedData rtAliasCert(DiceAlgorithm algorithm) {
        try {
            return SizedData.of(alias().rtAliasCert(algorithm));
        } catch (IllegalArgumentException e) {
            throw CommandFailure.of(RUNTIME_GET_RT_ALIAS_CERT_FAILED, e.getMessage());
        }
    }

    private AliasIdentity alias() {
        return firmware.alias();
    }
}
