package org.caliptra.util.emulator.runtime.dpe;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.caliptra.util.emulator.dice.AliasIdentity;
import org.caliptra.util.emulator.dice.DiceAlgorithm;
import org.caliptra.util.emulator.dice.DpeCertificates;
import org.caliptra.util.emulator.dice.PcrBank;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.firmware.Requester;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.DpeCommands;
import org.caliptra.util.protocol.core.MeasurementCommands;
import org.caliptra.util.protocol.dpe.DpeFrame;
import org.caliptra.util.protocol.dpe.DpeProfile;
import org.caliptra.util.protocol.dpe.DpeProfileCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest;
import org.caliptra.util.protocol.dpe.DpeStatus;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.regs.SocIfcRegs;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_CERTIFY_KEY_EXTENDED_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_CONTEXT_ALREADY_TAGGED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_DMTF_DEVICE_INFO_VALIDATION_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_DPE_COMMAND_DESERIALIZATION_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_DUPLICATE_TAG;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INSUFFICIENT_MEMORY;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_PL0_USED_DPE_CONTEXT_THRESHOLD_EXCEEDED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_PL0_USED_DPE_CONTEXT_THRESHOLD_REACHED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_PL1_USED_DPE_CONTEXT_THRESHOLD_EXCEEDED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_PL1_USED_DPE_CONTEXT_THRESHOLD_REACHED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_REALLOCATE_DPE_CONTEXTS_PL0_GREATER_THAN_MAX;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_REALLOCATE_DPE_CONTEXTS_PL0_LESS_THAN_MIN;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_REALLOCATE_DPE_CONTEXTS_PL0_LESS_THAN_USED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_REALLOCATE_DPE_CONTEXTS_PL1_LESS_THAN_USED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_REVOKE_EXPORTED_CDI_HANDLE_NOT_FOUND;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_TAGGING_FAILURE;

/**
 * The runtime's side of DPE (caliptra-sw runtime invoke_dpe.rs, drivers.rs, tagging.rs and the
 * exported-CDI, subject-alt-name and context-limit commands): INVOKE_DPE with the runtime's own
 * gates — the caller's locality is its mailbox USER, PL0 is the manifest's pl0_pauser, a PL1 caller
 * may not change into PL0's locality, export a CDI or get an X.509 certificate, and each level has a
 * limit on the contexts it holds — and the DPE state of a cold boot: the root context measured
 * with the runtime's PCRs, the mailbox users (1.x) or the Caliptra configuration (2.x), and the
 * measurements the ROM logged, each a context the next retires.
 */
public final class DpeHandlers implements CommandTable.CommandFamily {
    /** "RTJM": 1.x's root TCI type, the runtime journey PCR. */
    private static final int TCI_RTJM = 0x5254_4A4D;
    /** "RTMR": 2.x's root TCI type, the runtime current PCR. */
    private static final int TCI_RTMR = 0x5254_4D52;
    /** "MBVP": 1.x's context for the valid mailbox users. */
    private static final int TCI_MBVP = 0x4D42_5650;
    /** "CCIV": 2.x's context for the Caliptra configuration. */
    private static final int TCI_CCIV = 0x4343_4956;
    private static final int PL0_LIMIT_MIN = 2;

    private final CaliptraFirmware firmware;
    private final DpeRevision revision;
    private final Function<DiceAlgorithm, Optional<Octets>> populatedIdevCert;
    private DpeInstance dpe;
    private int[] tags;
    private boolean[] hasTag;
    private int pl0Limit;
    private int pl1Limit;
    private Optional<String> dmtfDeviceInfo = Optional.empty();
    /** main's CCIV context, which an update reset re-measures. */
    private int ccivIndex = -1;

    public DpeHandlers(CaliptraFirmware firmware, Function<DiceAlgorithm, Optional<Octets>> populatedIdevCert) {
        this.firmware = firmware;
        this.revision = DpeRevision.of(firmware.generation());
        this.populatedIdevCert = populatedIdevCert;
    }

    private final DpePlatform platform = new DpePlatform() {
        @Override
        public byte[] randomBytes(int n) {
            return firmware.trng().bytes(n);
        }

        @Override
        public byte[] certificateChain(DpeProfile profile) {
            return chain(profile == DpeProfile.MLDSA87 ? DiceAlgorithm.MLDSA87 : DiceAlgorithm.ECC384);
        }

        @Override
        public byte[] ueid() {
            return firmware.dice().ueid();
        }

        @Override
        public AliasIdentity alias() {
            return firmware.alias();
        }
    };

    /** [IDevID, once populated,] LDevID ‖ FMC alias ‖ RT alias of {@code algorithm}, DER. */
    private byte[] chain(DiceAlgorithm algorithm) {
        var out = new ByteArrayOutputStream();
        populatedIdevCert.apply(algorithm).ifPresent(c -> out.writeBytes(c.toByteArray()));
        out.writeBytes(firmware.dice().ldevidCert(algorithm));
        out.writeBytes(firmware.alias().fmcAliasCert(algorithm));
        out.writeBytes(firmware.alias().rtAliasCert(algorithm));
        return out.toByteArray();
    }

    /**
     * The runtime starts. A cold boot builds DPE afresh; an update reset keeps it (it lives in
     * persistent memory) and re-measures the root with the new runtime's PCRs.
     */
    public void enter(boolean updateReset) {
        dmtfDeviceInfo = Optional.empty(); // the runtime keeps it in RAM
        if (updateReset && dpe != null) {
            remeasureAfterUpdateReset();
            return;
        }
        dpe = new DpeInstance(revision, platform);
        tags = new int[dpe.capacity()];
        hasTag = new boolean[dpe.capacity()];
        pl0Limit = revision.pl0Limit;
        pl1Limit = revision.pl1Limit;
        var pcrs = firmware.pcrs();
        int pl0 = firmware.loaded().pl0Pauser();
        if (revision.v1()) {
            dpe.autoInitialize(TCI_RTJM, pcrs.value(PcrBank.RT_JOURNEY));
            runtimeDerive(DpeInstance.CALIPTRA_LOCALITY, wordSwapped(mailboxUsersDigest(new ByteArrayOutputStream())),
                    TCI_MBVP, pl0);
        } else {
            dpe.autoInitialize(TCI_RTMR, pcrs.value(PcrBank.RT_CURRENT));
            dpe.context(0).cumulative = pcrs.value(PcrBank.RT_JOURNEY);
            runtimeDerive(DpeInstance.CALIPTRA_LOCALITY, configurationDigest(), TCI_CCIV, pl0);
            ccivIndex = indexOf(TCI_CCIV);
        }
        for (var m : firmware.romMeasurements()) {
            runtimeDerive(pl0, m.measurement(), m.metadata(), pl0);
        }
    }

    /**
     * An update reset keeps DPE (persistent memory) and re-measures its root with the new
     * runtime's PCRs: 1.2 both TCIs with the journey PCR, main current = PCR2 and cumulative = PCR3,
     * then main's CCIV context takes the configuration again if it changed (and PCR31 with it).
     * A table without a root (its whole chain destroyed) fails the boot, as the reference's
     * RUNTIME_UNABLE_TO_FIND_DPE_ROOT_CONTEXT.
     */
    private void remeasureAfterUpdateReset() {
        var pcrs = firmware.pcrs();
        if (revision.v1()) {
            dpe.forgetExportedCdis(); // 1.2 keeps them in RAM
        }
        var root = dpe.root();
        if (root.isEmpty()) {
            firmware.halt(CaliptraError.RUNTIME_UNABLE_TO_FIND_DPE_ROOT_CONTEXT.code());
            return;
        }
        root.get().current = pcrs.value(revision.v1() ? PcrBank.RT_JOURNEY : PcrBank.RT_CURRENT);
        root.get().cumulative = pcrs.value(PcrBank.RT_JOURNEY);
        if (!revision.v1() && !firmware.attestationDisabled() && ccivIndex >= 0) {
            var cciv = dpe.context(ccivIndex);
            byte[] configuration = configurationDigest();
            if (cciv.inUse() && !cciv.simulation && cciv.tciType == TCI_CCIV && !Arrays.equals(cciv.current, configuration)) {
                cciv.cumulative = DpeContext.sha384(cciv.cumulative, configuration);
                cciv.current = configuration;
                pcrs.stash(configuration);
            }
        }
    }

    private int indexOf(int tciType) {
        for (int i = 0; i < dpe.capacity(); i++) {
            if (dpe.context(i).inUse() && dpe.context(i).tciType == tciType) {
                return i;
            }
        }
        return -1;
    }

    /** SHA-384 over each locked mailbox user (LE), then whatever {@code more} holds. */
    private byte[] mailboxUsersDigest(ByteArrayOutputStream more) {
        var soc = firmware.soc();
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < SocIfcRegs.MBOX_USER_SLOTS; i++) {
            if ((soc.reg(SocIfcRegs.MBOX_USER_LOCK + 4 * i) & 1) != 0) {
                out.writeBytes(le(soc.reg(SocIfcRegs.MBOX_VALID_USER + 4 * i)));
            }
        }
        out.writeBytes(more.toByteArray());
        return DpeContext.sha384(out.toByteArray());
    }

    /** 2.x "CCIV": the locked mailbox users, pl0_pauser, the manifest flags and the images' load and entry addresses. */
    private byte[] configurationDigest() {
        FwBundle bundle = firmware.loaded().bundle();
        var more = new ByteArrayOutputStream();
        for (int v : new int[] {bundle.manifest().pl0Pauser(), bundle.manifest().headerFlags(), bundle.fmc().loadAddress(),
            bundle.fmc().entryPoint(), bundle.runtime().loadAddress(), bundle.runtime().entryPoint()}) {
            more.writeBytes(le(v));
        }
        return mailboxUsersDigest(more);
    }

    /** 1.2 hands the digest over as the key vault's words, each byte-reversed. */
    private static byte[] wordSwapped(byte[] digest) {
        byte[] out = new byte[digest.length];
        for (int i = 0; i < digest.length; i++) {
            out[i] = digest[(i & ~3) + 3 - (i & 3)];
        }
        return out;
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    /** A context the runtime makes itself: the default context of {@code from} becomes one in {@code target}, measured with {@code data}. */
    private int runtimeDerive(int from, byte[] data, int tciType, int target) {
        return runtimeDerive(from, data, tciType, target, 0);
    }

    private int runtimeDerive(int from, byte[] data, int tciType, int target, int svn) {
        var request = new DeriveContextRequest(ContextHandle.DEFAULT, Octets.of(data), revision.runtimeDeriveFlags, tciType, target, svn);
        byte[] command = DpeFrame.command(DpeProfileCommands.DERIVE_CONTEXT_V1.id(), DpeProfile.P384_SHA384,
                revision.deriveContext().request().encode(request));
        var call = new DpeInstance.Call(from, DpeProfile.P384_SHA384, Optional.empty());
        return DpeInstance.status(dpe.execute(dpe.parse(command, DpeProfile.P384_SHA384), call));
    }

    /**
     * The runtime's STASH_MEASUREMENT: a context derived from the caller's default context, in the
     * caller's locality; the DPE status is the command's dpe_result, and only a measurement DPE took
     * extends PCR31.
     */
    public int stash(MeasurementCommands.StashMeasurementRequest request, Requester requester) {
        checkLimit(requester.user(), requester.user());
        int status = runtimeDerive(requester.user(), request.measurement().toByteArray(), request.tciType(), requester.user(),
                request.svn());
        if (status == DpeStatus.NO_ERROR.code()) {
            firmware.pcrs().stash(request.measurement().toByteArray());
        }
        return status;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(DpeCommands.invokeDpeEcc384(revision.generation), (request, requester) ->
                DpeCommands.DpeResponse.of(Octets.of(invoke(request.data().toByteArray(), DpeProfile.P384_SHA384, requester))));
        table.add(MeasurementCommands.DPE_TAG_TCI, RUNTIME_INSUFFICIENT_MEMORY, (request, requester) -> {
            tag(request.handle(), request.tag(), requester);
            return NoFields.INSTANCE;
        });
        if (revision.v1()) {
            table.add(MeasurementCommands.DPE_GET_TAGGED_TCI_V1, RUNTIME_INSUFFICIENT_MEMORY, (request, requester) -> {
                var c = tagged(request.tag());
                return new MeasurementCommands.TaggedTciV1(Octets.of(c.cumulative), Octets.of(c.current));
            });
        } else {
            table.add(MeasurementCommands.DPE_GET_TAGGED_TCI_V2, RUNTIME_INSUFFICIENT_MEMORY, (request, requester) -> {
                var c = tagged(request.tag());
                return new MeasurementCommands.TaggedTciV2(Octets.of(c.cumulative), Octets.of(c.current), c.svn);
            });
        }
        table.add(DpeCommands.SIGN_WITH_EXPORTED_ECDSA, (request, requester) -> signWithExported(request));
        if (!revision.v1()) {
            table.add(DpeCommands.INVOKE_DPE_MLDSA87, (request, requester) -> {
                if (request.externalAxiResponse()) {
                    if (!firmware.loaded().isPl0(requester.user())) {
                        throw privilege("EXTERNAL_AXI_RESPONSE");
                    }
                    throw CommandFailure.of(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS,
                            "EXTERNAL_AXI_RESPONSE needs a subsystem's AXI DMA; this core answers through the mailbox");
                }
                return DpeCommands.DpeResponse.of(Octets.of(invoke(request.data().toByteArray(), DpeProfile.MLDSA87, requester)));
            });
            table.add(DpeCommands.SIGN_WITH_EXPORTED_MLDSA, (request, requester) -> signWithExportedMldsa(request));
            table.add(DpeCommands.REVOKE_EXPORTED_CDI_HANDLE, (request, requester) -> {
                if (!dpe.revokeExported(request.exportedCdiHandle().toByteArray())) {
                    throw CommandFailure.of(RUNTIME_REVOKE_EXPORTED_CDI_HANDLE_NOT_FOUND, "no exported CDI has that handle");
                }
                return NoFields.INSTANCE;
            });
            table.add(DpeCommands.REALLOCATE_DPE_CONTEXT_LIMITS, (request, requester) -> reallocate(request.pl0ContextLimit()));
        }
        table.add(DpeCommands.ADD_SUBJECT_ALT_NAME, RUNTIME_INSUFFICIENT_MEMORY, (request, requester) -> {
            dmtfDeviceInfo = Optional.of(validDeviceInfo(request.dmtfDeviceInfo().toByteArray()));
            return NoFields.INSTANCE;
        });
        table.add(DpeCommands.certifyKeyExtendedEcc384(revision.generation), RUNTIME_INSUFFICIENT_MEMORY,
                (request, requester) -> DpeCommands.DpeResponse.of(Octets.of(certifyKeyExtended(request.flags(),
                        request.certifyKeyReq(), DpeProfile.P384_SHA384, requester))));
        if (!revision.v1()) {
            table.add(DpeCommands.CERTIFY_KEY_EXTENDED_MLDSA87, RUNTIME_INSUFFICIENT_MEMORY, (request, requester) -> {
                if ((request.flags() & DpeCommands.CertifyKeyExtendedMldsa87Request.EXTERNAL_AXI_RESPONSE) != 0) {
                    throw CommandFailure.of(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS,
                            "EXTERNAL_AXI_RESPONSE needs a subsystem's AXI DMA; this core answers through the mailbox");
                }
                return DpeCommands.DpeResponse.of(Octets.of(certifyKeyExtended(request.flags(), request.certifyKeyReq(),
                        DpeProfile.MLDSA87, requester)));
            });
            table.add(DpeCommands.CERTIFY_KEY_CHUNKS, (request, requester) -> certifyKeyChunk(request, requester));
        }
    }

    // ---- INVOKE_DPE ----------------------------------------------------------------------------

    private byte[] invoke(byte[] frame, DpeProfile profile, Requester requester) {
        DpeInstance.Parsed parsed;
        try {
            parsed = dpe.parse(frame, profile);
        } catch (ProtocolException e) {
            throw CommandFailure.of(RUNTIME_DPE_COMMAND_DESERIALIZATION_FAILED, e.getMessage());
        }
        admit(parsed, requester.user());
        byte[] response = dpe.execute(parsed, new DpeInstance.Call(requester.user(), profile, Optional.empty()));
        if (parsed.request() instanceof ContextHandle) {
            clearTagsOfInactiveContexts(); // DESTROY_CONTEXT
        }
        return response;
    }

    /** The runtime's gates before DPE runs a command (caliptra-sw invoke_dpe.rs). */
    private void admit(DpeInstance.Parsed parsed, int caller) {
        boolean pl0 = firmware.loaded().isPl0(caller);
        int pl0Pauser = firmware.loaded().pl0Pauser();
        Object request = parsed.request();
        if (request instanceof DeriveContextRequest q) {
            boolean changeLocality = (q.flags() & DeriveContextRequest.CHANGE_LOCALITY) != 0;
            if ((q.flags() & DeriveContextRequest.RECURSIVE) == 0) {
                checkLimit(caller, changeLocality ? q.targetLocality() : caller);
            }
            if (changeLocality && q.targetLocality() == pl0Pauser && !pl0) {
                throw privilege("DERIVE_CONTEXT into PL0's locality");
            }
            if ((q.flags() & DeriveContextRequest.EXPORT_CDI) != 0 && !pl0) {
                throw privilege("DERIVE_CONTEXT with EXPORT_CDI");
            }
        } else if (request instanceof DpeProfileCommands.CertifyKeyRequest q) {
            if (q.format() == DpeProfileCommands.CertifyKeyRequest.FORMAT_X509 && !pl0) {
                throw privilege("an X.509 CERTIFY_KEY");
            }
        } else if (request instanceof DpeProfileCommands.InitializeContextRequest q
                && (q.flags() & DpeProfileCommands.InitializeContextRequest.SIMULATION) != 0) {
            checkLimit(caller, caller);
        }
    }

    private static CommandFailure privilege(String what) {
        return CommandFailure.of(RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL, what + " needs PL0");
    }

    private boolean isPl0Locality(int locality) {
        return firmware.loaded().isPl0(locality);
    }

    /**
     * The limit on the contexts a privilege level holds, checked before a command makes one: the
     * caller's level on 1.x, the new context's on 2.x. Contexts in use (active or retired) count;
     * 1.x counts Caliptra's own contexts as PL1's, 2.x as PL0's.
     */
    private void checkLimit(int caller, int newContextLocality) {
        var usage = usage();
        boolean pl0 = isPl0Locality(revision.v1() ? caller : newContextLocality);
        int used = pl0 ? usage.pl0() : usage.pl1();
        int limit = pl0 ? pl0Limit : pl1Limit;
        if (used > limit) {
            throw CommandFailure.of(pl0 ? RUNTIME_PL0_USED_DPE_CONTEXT_THRESHOLD_EXCEEDED : RUNTIME_PL1_USED_DPE_CONTEXT_THRESHOLD_EXCEEDED,
                    (pl0 ? "PL0" : "PL1") + " holds " + used + " contexts, over its limit of " + limit);
        }
        if (used == limit) {
            throw CommandFailure.of(pl0 ? RUNTIME_PL0_USED_DPE_CONTEXT_THRESHOLD_REACHED : RUNTIME_PL1_USED_DPE_CONTEXT_THRESHOLD_REACHED,
                    (pl0 ? "PL0" : "PL1") + " holds its limit of " + limit + " contexts");
        }
    }

    // ---- tags ----------------------------------------------------------------------------------

    private void tag(Octets handle, int tag, Requester requester) {
        for (int i = 0; i < tags.length; i++) {
            if (hasTag[i] && tags[i] == tag) {
                throw CommandFailure.of(RUNTIME_DUPLICATE_TAG, String.format("tag 0x%08X is already on a context", tag));
            }
        }
        int idx;
        try {
            idx = dpe.activeContext(new ContextHandle(handle), requester.user());
        } catch (DpeError e) {
            throw CommandFailure.of(RUNTIME_TAGGING_FAILURE, "no active context with that handle in the caller's locality");
        }
        if (hasTag[idx]) {
            throw CommandFailure.of(RUNTIME_CONTEXT_ALREADY_TAGGED, "the context already has a tag");
        }
        hasTag[idx] = true;
        tags[idx] = tag;
    }

    private DpeContext tagged(int tag) {
        for (int i = 0; i < tags.length; i++) {
            if (hasTag[i] && tags[i] == tag) {
                return dpe.context(i);
            }
        }
        throw CommandFailure.of(RUNTIME_TAGGING_FAILURE, String.format("no context has tag 0x%08X", tag));
    }

    private void clearTagsOfInactiveContexts() {
        for (int i = 0; i < tags.length; i++) {
            if (!dpe.context(i).inUse()) {
                hasTag[i] = false;
                tags[i] = 0;
            }
        }
    }

    // ---- exported CDIs, context limits, subject alt name, CERTIFY_KEY_EXTENDED -----------------

    private DpeCommands.SignWithExportedEcdsaResponse signWithExported(DpeCommands.SignWithExportedEcdsaRequest request) {
        var key = ((DpeCertificates.SubjectKey.Ecc) dpe.exportedKey(request.exportedCdiHandle().toByteArray(), DpeProfile.P384_SHA384)
                .orElseThrow(() -> CommandFailure.of(revision.v1() ? CaliptraError.RUNTIME_SIGN_WITH_EXPORTED_ECDSA_KEY_DERIVIATION_FAILED_V1
                        : CaliptraError.RUNTIME_SIGN_WITH_EXPORTED_ECDSA_KEY_DERIVIATION_FAILED, "no exported CDI has that handle"))).key();
        var signature = key.signer().signDigest(Sha384Digest.fromBytes(request.tbs().toByteArray()));
        var pub = key.publicKey();
        return new DpeCommands.SignWithExportedEcdsaResponse(pub.x(), pub.y(), signature.r(), signature.s());
    }

    /** SIGN_WITH_EXPORTED_MLDSA: the exported CDI's ML-DSA key signs an external mu or a message. */
    private DpeCommands.SignWithExportedMldsaResponse signWithExportedMldsa(DpeCommands.SignWithExportedMldsaRequest request) {
        var key = ((DpeCertificates.SubjectKey.Mldsa) dpe.exportedKey(request.exportedCdiHandle().toByteArray(), DpeProfile.MLDSA87)
                .orElseThrow(() -> CommandFailure.of(CaliptraError.RUNTIME_SIGN_WITH_EXPORTED_MLDSA_KEY_DERIVIATION_FAILED,
                        "no exported CDI has that handle"))).key();
        byte[] tbs = request.tbs().toByteArray();
        byte[] signature;
        if (request.signType() == DpeCommands.SignWithExportedMldsaRequest.MU) {
            if (tbs.length != DpeProfileCommands.MLDSA87_MU) {
                throw CommandFailure.of(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS, "an external mu is 64 bytes, got " + tbs.length);
            }
            signature = key.signMu(tbs).fips204();
        } else if (request.signType() == DpeCommands.SignWithExportedMldsaRequest.RAW) {
            signature = key.signer().sign(tbs).fips204();
        } else {
            throw CommandFailure.of(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS, "sign_type " + request.signType() + " (0 mu, 1 raw)");
        }
        return new DpeCommands.SignWithExportedMldsaResponse(key.publicKey().bytes(), Octets.of(signature));
    }

    /** Contexts in use (active or retired) per level: 1.x counts Caliptra's own as PL1's, 2.x as PL0's. */
    private record Usage(int pl0, int pl1) {}

    private Usage usage() {
        int pl0Pauser = firmware.loaded().pl0Pauser();
        int pl0Used = 0;
        int total = 0;
        for (var c : dpe.contextsInUse()) {
            total++;
            if (c.locality == pl0Pauser || (!revision.v1() && c.locality == DpeInstance.CALIPTRA_LOCALITY)) {
                pl0Used++;
            }
        }
        return new Usage(pl0Used, total - pl0Used);
    }

    private DpeCommands.DpeContextLimits reallocate(int pl0) {
        int max = dpe.capacity();
        if (Integer.compareUnsigned(pl0, PL0_LIMIT_MIN) < 0) {
            throw CommandFailure.of(RUNTIME_REALLOCATE_DPE_CONTEXTS_PL0_LESS_THAN_MIN, "PL0 needs at least " + PL0_LIMIT_MIN + " contexts");
        }
        if (Integer.compareUnsigned(pl0, max) > 0) {
            throw CommandFailure.of(RUNTIME_REALLOCATE_DPE_CONTEXTS_PL0_GREATER_THAN_MAX, "DPE has " + max + " contexts");
        }
        var usage = usage(); // a 2.x command: Caliptra's own contexts count as PL0's
        if (pl0 < usage.pl0()) {
            throw CommandFailure.of(RUNTIME_REALLOCATE_DPE_CONTEXTS_PL0_LESS_THAN_USED, "PL0 already holds " + usage.pl0() + " contexts");
        }
        if (max - pl0 < usage.pl1()) {
            throw CommandFailure.of(RUNTIME_REALLOCATE_DPE_CONTEXTS_PL1_LESS_THAN_USED, "PL1 already holds " + usage.pl1() + " contexts");
        }
        pl0Limit = pl0;
        pl1Limit = max - pl0;
        return new DpeCommands.DpeContextLimits(pl0Limit, pl1Limit);
    }

    /** The DMTF device info: ASCII with exactly two ':' (vendor:model:serial). */
    private static String validDeviceInfo(byte[] info) {
        int colons = 0;
        for (byte b : info) {
            if (b < 0) {
                throw CommandFailure.of(RUNTIME_DMTF_DEVICE_INFO_VALIDATION_FAILED, "the device info is not ASCII");
            }
            colons += b == ':' ? 1 : 0;
        }
        if (colons != 2) {
            throw CommandFailure.of(RUNTIME_DMTF_DEVICE_INFO_VALIDATION_FAILED,
                    "the device info has " + colons + " ':' separators, not 2 (vendor:model:serial)");
        }
        return new String(info, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * CERTIFY_KEY at the caller's locality, with the DMTF otherName when asked; the whole DPE
     * response. A DPE error fails the mailbox command.
     */
    private byte[] certifyKeyExtended(int flags, Octets certifyKeyReq, DpeProfile profile, Requester requester) {
        boolean otherName = (flags & DpeCommands.CertifyKeyExtendedRequest.DMTF_OTHER_NAME) != 0;
        return certifyKey(certifyKeyReq, profile, requester, otherName ? dmtfDeviceInfo : Optional.empty());
    }

    private byte[] certifyKey(Octets certifyKeyReq, DpeProfile profile, Requester requester, Optional<String> otherName) {
        byte[] command = DpeFrame.command(revision.certifyKey().id(), profile, certifyKeyReq.toByteArray());
        DpeInstance.Parsed parsed;
        try {
            parsed = dpe.parse(command, profile);
        } catch (ProtocolException e) {
            throw CommandFailure.of(RUNTIME_DPE_COMMAND_DESERIALIZATION_FAILED, e.getMessage());
        }
        byte[] response = dpe.execute(parsed, new DpeInstance.Call(requester.user(), profile, otherName));
        int status = DpeInstance.status(response);
        if (status != DpeStatus.NO_ERROR.code()) {
            throw CommandFailure.of(RUNTIME_CERTIFY_KEY_EXTENDED_FAILED, "CERTIFY_KEY: " + DpeStatus.describe(status));
        }
        return response;
    }

    /**
     * CERTIFY_KEY_CHUNKS: runs CERTIFY_KEY afresh (a non-default handle rotates each call) and
     * returns the slice of its DPE response at {@code offset}, at most {@code max_size} (0: 15 KiB).
     */
    private DpeCommands.CertifyKeyChunk certifyKeyChunk(DpeCommands.CertifyKeyChunksRequest request, Requester requester) {
        boolean mldsa = (request.flags() & DpeCommands.CertifyKeyChunksRequest.USE_MLDSA) != 0;
        var profile = mldsa ? DpeProfile.MLDSA87 : DpeProfile.P384_SHA384;
        // certify_key_req is exactly the 72-byte CERTIFY_KEY request, the same in both profiles.
        int format = DpeProfileCommands.CERTIFY_KEY_V2.decodeRequest(request.certifyKeyReq().toByteArray()).format();
        if (format == DpeProfileCommands.CertifyKeyRequest.FORMAT_X509 && !firmware.loaded().isPl0(requester.user())) {
            throw privilege("an X.509 CERTIFY_KEY");
        }
        byte[] response = certifyKey(request.certifyKeyReq(), profile, requester, Optional.empty());
        byte[] handle = Arrays.copyOfRange(response, DpeFrame.HEADER, DpeFrame.HEADER + DpeProfileCommands.HANDLE);
        int offset = (int) Math.min(Integer.toUnsignedLong(request.offset()), response.length);
        int limit = request.maxSize() == 0 ? DpeCommands.MAX_CERTIFY_KEY_CHUNK
                : (int) Math.min(Integer.toUnsignedLong(request.maxSize()), DpeCommands.MAX_CERTIFY_KEY_CHUNK);
        int length = Math.min(response.length - offset, limit);
        return new DpeCommands.CertifyKeyChunk(Octets.of(handle), Octets.of(response, offset, length),
                response.length - offset - length);
    }
}
