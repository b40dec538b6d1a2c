package org.caliptra.util.emulator.runtime.dpe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.caliptra.util.emulator.dice.DpeCertificates;
import org.caliptra.util.emulator.dice.DpeKeys;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.dpe.DpeFrame;
import org.caliptra.util.protocol.dpe.DpeProfile;
import org.caliptra.util.protocol.dpe.DpeProfileCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DpeCommand;
import org.caliptra.util.protocol.dpe.DpeStatus;

import static org.caliptra.util.emulator.runtime.dpe.DpeContext.NO_PARENT;
import static org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest.BIT_26;
import static org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest.ALLOW_RECURSIVE;
import static org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest.CHANGE_LOCALITY;
import static org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest.CREATE_CERTIFICATE;
import static org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest.EXPORT_CDI;
import static org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest.INPUT_ALLOW_X509;
import static org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest.INTERNAL_INPUT_DICE;
import static org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest.INTERNAL_INPUT_INFO;
import static org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest.MAKE_DEFAULT;
import static org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest.RECURSIVE;
import static org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest.RETAIN_PARENT_CONTEXT;
import static org.caliptra.util.protocol.dpe.DpeStatus.ARGUMENT_NOT_SUPPORTED;
import static org.caliptra.util.protocol.dpe.DpeStatus.INTERNAL_ERROR;
import static org.caliptra.util.protocol.dpe.DpeStatus.INVALID_ARGUMENT;
import static org.caliptra.util.protocol.dpe.DpeStatus.INVALID_HANDLE;
import static org.caliptra.util.protocol.dpe.DpeStatus.INVALID_LOCALITY;
import static org.caliptra.util.protocol.dpe.DpeStatus.MAX_TCIS;

/**
 * Caliptra's DICE Protection Environment (the caliptra-dpe profile as caliptra-sw runs it): the
 * context table, the profile commands, and the derivation of every CDI and key from the context's
 * path of TCI measurements and the runtime's CDI. One instance lives for a cold boot; the runtime
 * keeps it across update resets as it keeps DPE in persistent memory.
 *
 * <p>A command is first {@link #parse parsed} — any frame DPE cannot deserialize is the runtime's
 * RUNTIME_DPE_COMMAND_DESERIALIZATION_FAILED, never a DPE response — then {@link #execute executed},
 * which answers a DPE response: the command's body, or a bare header with the DPE status. A command
 * that fails changes nothing.
 */
final class DpeInstance {
    /** Every support bit Caliptra enables: simulation, recursive, auto-init, rotate, X.509, CSR, internal info and DICE, retain parent, CDI export. */
    static final int SUPPORT = 0xEE6C_0000;
    /** "CTRA" as a big-endian word. */
    static final int VENDOR = 0x4354_5241;
    static final int EXPORTED_CDI_HANDLE = 32;
    static final int CALIPTRA_LOCALITY = 0xFFFF_FFFF;
    private static final int RANDOM_HANDLE_ATTEMPTS = 8;
    private static final byte[] DPE_INFO = ascii("DPE");
    private static final byte[] EXPORTED_INFO = ascii("Exported CDI");
    static final byte[] EXPORTED_KEY_LABEL = ascii("Exported ECC");
    static final byte[] EXPORTED_MLDSA_LABEL = ascii("Exported ML-DSA");

    /** A command DPE could deserialize, and who sent it. */
    record Parsed(int id, Object request) {}

    /** Where a command comes from: the caller's locality, the profile of the INVOKE code, CERTIFY_KEY_EXTENDED's otherName. */
    record Call(int locality, DpeProfile profile, Optional<String> dmtfDeviceInfo) {}

    /** The exported-CDI slot (caliptra-sw keeps one). */
    private record ExportedCdi(byte[] handle, DpeKeys.Cdi cdi, DpeProfile profile) {}

    private static DpeCertificates.SubjectKey exportedSubject(DpeKeys keys, DpeKeys.Cdi cdi, DpeProfile profile) {
        return profile == DpeProfile.MLDSA87
                ? new DpeCertificates.SubjectKey.Mldsa(keys.mldsaKey(cdi, EXPORTED_MLDSA_LABEL, EXPORTED_MLDSA_LABEL))
                : new DpeCertificates.SubjectKey.Ecc(keys.eccKey(cdi, EXPORTED_KEY_LABEL, EXPORTED_KEY_LABEL));
    }

    private record Entry<Q>(DpeCommand<Q, ?> command, BiFunction<Q, Call, byte[]> handler) {
        @SuppressWarnings("unchecked")
        byte[] run(Object request, Call call) {
            return handler.apply((Q) request, call);
        }
    }

    private final DpeRevision revision;
    private final DpePlatform platform;
    private final DpeContext[] contexts;
    private final Map<Integer, Entry<?>> commands = new HashMap<>();
    /** The ML-DSA-87 profile (2.x): the same commands but CERTIFY_KEY and SIGN. */
    private final Map<Integer, Entry<?>> mldsaCommands = new HashMap<>();
    private ExportedCdi exported;

    DpeInstance(DpeRevision revision, DpePlatform platform) {
        this.revision = revision;
        this.platform = platform;
        this.contexts = new DpeContext[revision.maxHandles];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = new DpeContext();
        }
        add(DpeProfileCommands.GET_PROFILE, (q, call) -> DpeProfileCommands.GET_PROFILE.response().encode(profile()));
        add(DpeProfileCommands.INITIALIZE_CONTEXT, (q, call) -> handleBody(initializeSimulation(q.flags(), call.locality())));
        add(revision.deriveContext(), this::deriveContext);
        add(revision.certifyKey(), this::certifyKey);
        add(DpeProfileCommands.SIGN, this::sign);
        add(DpeProfileCommands.ROTATE_CONTEXT_HANDLE, (q, call) -> handleBody(rotate(q.handle(), q.flags(), call.locality())));
        add(DpeProfileCommands.DESTROY_CONTEXT, (q, call) -> {
            destroy(q, call.locality());
            return new byte[0];
        });
        add(DpeProfileCommands.GET_CERTIFICATE_CHAIN, (q, call) -> DpeProfileCommands.GET_CERTIFICATE_CHAIN.response()
                .encode(certificateChain(q.offset(), q.size(), call.profile())));
        if (!revision.v1()) {
            add(DpeProfileCommands.UPDATE_CONTEXT_MEASUREMENT, this::updateContextMeasurement);
            mldsaCommands.putAll(commands);
            mldsaCommands.put(DpeProfileCommands.CERTIFY_KEY_MLDSA87.id(), new Entry<>(DpeProfileCommands.CERTIFY_KEY_MLDSA87,
                    this::certifyKeyMldsa));
            mldsaCommands.put(DpeProfileCommands.SIGN_MLDSA87.id(), new Entry<>(DpeProfileCommands.SIGN_MLDSA87, this::signMldsa));
        }
    }

    private <Q> void add(DpeCommand<Q, ?> command, BiFunction<Q, Call, byte[]> handler) {
        commands.put(command.id(), new Entry<>(command, handler));
    }

    private Map<Integer, Entry<?>> table(DpeProfile profile) {
        return profile == DpeProfile.MLDSA87 ? mldsaCommands : commands;
    }

    // ---- framing -----------------------------------------------------------------------------

    /**
     * Deserializes a DPE command as caliptra-dpe does.
     *
     * @throws ProtocolException for a short frame, a wrong magic, an unknown command, a profile other
     *     than {@code profile} (GET_PROFILE takes any) or a body shorter than the command
     */
    Parsed parse(byte[] frame, DpeProfile profile) {
        var command = DpeFrame.openCommand(frame);
        var entry = table(profile).get(command.commandId());
        if (entry == null) {
            throw new ProtocolException(String.format("DPE command id 0x%X is not one Caliptra's DPE serves", command.commandId()));
        }
        if (command.commandId() != DpeProfileCommands.GET_PROFILE.id() && command.profile() != profile.value()) {
            throw new ProtocolException(String.format("%s for profile %d sent to the profile %d DPE",
                    entry.command().name(), command.profile(), profile.value()));
        }
        return new Parsed(command.commandId(), entry.command().decodeRequest(command.body()));
    }

    /** Runs a parsed command; a DPE error becomes a bare response header carrying its status. */
    byte[] execute(Parsed parsed, Call call) {
        try {
            return DpeFrame.response(DpeStatus.NO_ERROR.code(), call.profile(),
                    table(call.profile()).get(parsed.id()).run(parsed.request(), call));
        } catch (DpeError e) {
            return DpeFrame.response(e.status(), call.profile(), new byte[0]);
        }
    }

    /** The status of a DPE response {@link #execute} made. */
    static int status(byte[] response) {
        return DpeFrame.openResponse(response).status();
    }

    DpeProfileCommands.Profile profile() {
        return new DpeProfileCommands.Profile(0, revision.minorVersion, VENDOR, VENDOR, revision.maxHandles, SUPPORT);
    }

    private static byte[] handleBody(ContextHandle handle) {
        return handle.bytes().toByteArray();
    }

    // ---- the context table ---------------------------------------------------------------------

    /** The active context {@code handle} names in {@code locality}: INVALID_LOCALITY if the locality has none, INVALID_HANDLE if none is that one. */
    int activeContext(ContextHandle handle, int locality) {
        boolean any = false;
        for (int i = 0; i < contexts.length; i++) {
            var c = contexts[i];
            if (c.active() && c.locality == locality) {
                any = true;
                if (Arrays.equals(c.handle, handle.bytes().toByteArray())) {
                    return i;
                }
            }
        }
        if (!any) {
            throw new DpeError(INVALID_LOCALITY, String.format("no active context in locality 0x%08X", locality));
        }
        throw new DpeError(INVALID_HANDLE, "no active context with that handle in locality " + Integer.toHexString(locality));
    }

    private int nextInactive() {
        for (int i = 0; i < contexts.length; i++) {
            if (!contexts[i].inUse()) {
                return i;
            }
        }
        throw new DpeError(MAX_TCIS, "all " + contexts.length + " contexts are in use");
    }

    private ContextHandle randomHandle() {
        for (int attempt = 0; attempt < RANDOM_HANDLE_ATTEMPTS; attempt++) {
            byte[] candidate = platform.randomBytes(DpeProfileCommands.HANDLE);
            var handle = new ContextHandle(Octets.of(candidate));
            if (handle.equals(ContextHandle.DEFAULT)) {
                continue;
            }
            boolean taken = false;
            for (var c : contexts) {
                taken |= c.inUse() && Arrays.equals(c.handle, candidate);
            }
            if (!taken) {
                return handle;
            }
        }
        throw new DpeError(INTERNAL_ERROR, "no fresh context handle in " + RANDOM_HANDLE_ATTEMPTS + " draws");
    }

    private static boolean isDefault(byte[] handle) {
        return Arrays.equals(handle, new byte[DpeProfileCommands.HANDLE]);
    }

    /** A non-default handle is replaced by a fresh one after each use; the default handle stays. */
    private ContextHandle rotated(DpeContext c) {
        return isDefault(c.handle) ? ContextHandle.DEFAULT : randomHandle();
    }

    /** Contexts in use, by slot; used for the runtime's limits and its checks. */
    List<DpeContext> contextsInUse() {
        var out = new ArrayList<DpeContext>();
        for (var c : contexts) {
            if (c.inUse()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The root: the first context in use with no parent that is not a simulation (the runtime's lookup). */
    Optional<DpeContext> root() {
        for (var c : contexts) {
            if (c.inUse() && c.parentIdx == NO_PARENT && !c.simulation) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    DpeContext context(int index) {
        return contexts[index];
    }

    int capacity() {
        return contexts.length;
    }

    // ---- INITIALIZE_CONTEXT --------------------------------------------------------------------

    /**
     * The runtime's auto-initialization: the default context of the Caliptra locality, measured
     * with {@code measurement} as TCI type {@code tciType}.
     */
    void autoInitialize(int tciType, byte[] measurement) {
        var root = contexts[0];
        root.handle = new byte[DpeProfileCommands.HANDLE];
        root.locality = CALIPTRA_LOCALITY;
        root.state = DpeContext.State.ACTIVE;
        root.allowX509 = true;
        root.allowCa = revision.v1();
        root.allowExportCdi = !revision.v1();
        root.allowRecursive = !revision.v1();
        root.measure(measurement, CALIPTRA_LOCALITY);
        root.tciType = tciType;
    }

    private ContextHandle initializeSimulation(int flags, int locality) {
        boolean simulation = (flags & DpeProfileCommands.InitializeContextRequest.SIMULATION) != 0;
        boolean makeDefault = (flags & DpeProfileCommands.InitializeContextRequest.DEFAULT) != 0;
        if (makeDefault) {
            throw new DpeError(ARGUMENT_NOT_SUPPORTED, "DPE is initialized: only simulation contexts can be made");
        }
        if (!simulation) {
            throw new DpeError(INVALID_ARGUMENT, "INITIALIZE_CONTEXT needs exactly one of SIMULATION and DEFAULT");
        }
        int slot = nextInactive();
        var handle = randomHandle();
        var c = contexts[slot];
        c.clear(revision.v1());
        c.handle = handle.bytes().toByteArray();
        c.locality = locality;
        c.tciLocality = locality;
        c.simulation = true;
        c.state = DpeContext.State.ACTIVE;
        c.allowX509 = true;
        c.allowCa = revision.v1();
        c.allowExportCdi = !revision.v1();
        return handle;
    }

    // ---- DERIVE_CONTEXT ------------------------------------------------------------------------

    private byte[] deriveContext(DeriveContextRequest q, Call call) {
        int flags = q.flags();
        boolean retain = has(flags, RETAIN_PARENT_CONTEXT);
        boolean makeDefault = has(flags, MAKE_DEFAULT);
        boolean changeLocality = has(flags, CHANGE_LOCALITY);
        boolean allowX509 = has(flags, INPUT_ALLOW_X509);
        boolean recursive = has(flags, RECURSIVE);
        boolean exportCdi = has(flags, EXPORT_CDI);
        boolean createCertificate = has(flags, CREATE_CERTIFICATE);
        boolean v1 = revision.v1();
        int parentIdx = activeContext(q.handle(), call.locality());
        var parent = contexts[parentIdx];
        invalidIf(allowX509 && !parent.allowX509, "INPUT_ALLOW_X509 from a parent that does not allow X.509");
        invalidIf(exportCdi && !createCertificate, "EXPORT_CDI without CREATE_CERTIFICATE");
        invalidIf(exportCdi && recursive, "EXPORT_CDI with RECURSIVE");
        invalidIf(exportCdi && changeLocality, "EXPORT_CDI with CHANGE_LOCALITY");
        invalidIf(exportCdi && parent.simulation, "EXPORT_CDI from a simulation context");
        invalidIf(recursive && retain, "RECURSIVE with RETAIN_PARENT_CONTEXT");
        if (v1) {
            invalidIf(has(flags, BIT_26) && !parent.allowCa, "INPUT_ALLOW_CA from a parent that does not allow CA");
            invalidIf(exportCdi && retain, "EXPORT_CDI with RETAIN_PARENT_CONTEXT");
        } else {
            invalidIf(exportCdi && !parent.allowExportCdi, "EXPORT_CDI from a parent that may not export");
            invalidIf(has(flags, ALLOW_RECURSIVE) && recursive, "ALLOW_RECURSIVE with RECURSIVE");
            invalidIf(recursive && !parent.allowRecursive, "RECURSIVE on a parent that does not allow it");
        }
        int target = changeLocality ? q.targetLocality() : call.locality();
        byte[] data = q.data().toByteArray();
        if (recursive) {
            invalidIf(parent.tciType != q.tciType(), "RECURSIVE with a TCI type other than the context's");
            if (parent.locality != target) {
                throw new DpeError(INVALID_LOCALITY, "RECURSIVE into another locality");
            }
            var handle = rotated(parent);
            parent.measure(data, target);
            parent.handle = handle.bytes().toByteArray();
            return body(revision.deriveContext(), new DeriveContextResponseBody(handle, ContextHandle.DEFAULT));
        }
        if (!v1) {
            for (int i = 0; i < contexts.length; i++) {
                invalidIf((parent.children & (1L << i)) != 0 && contexts[i].tciType == q.tciType(),
                        String.format("the parent already has a child of TCI type 0x%08X", q.tciType()));
            }
        }
        // main draws a retained parent's next handle before anything else; 1.2 after the child's.
        ContextHandle drawnParentHandle = !v1 && retain ? rotated(parent) : null;
        if (exportCdi) {
            return exportCdi(parentIdx, retain, drawnParentHandle, call.profile());
        }
        int slot = nextInactive();
        checkDefaultRules(target, parentIdx, makeDefault, retain);
        var childHandle = makeDefault ? ContextHandle.DEFAULT : randomHandle();
        var parentHandle = !retain ? ContextHandle.INVALID : v1 ? rotated(parent) : drawnParentHandle;
        var child = new DpeContext();
        child.handle = childHandle.bytes().toByteArray();
        child.tciType = q.tciType();
        child.locality = target;
        child.parentIdx = parentIdx;
        child.simulation = parent.simulation;
        child.state = DpeContext.State.ACTIVE;
        child.svn = v1 ? 0 : q.svn();
        child.usesInternalInfo = has(flags, INTERNAL_INPUT_INFO);
        child.usesInternalDice = has(flags, INTERNAL_INPUT_DICE);
        child.allowX509 = allowX509;
        child.allowCa = v1 && has(flags, BIT_26);
        child.allowExportCdi = !v1 && has(flags, BIT_26) && parent.allowExportCdi;
        child.allowRecursive = !v1 && has(flags, ALLOW_RECURSIVE) && parent.allowRecursive;
        child.measure(data, target);
        contexts[slot] = child;
        if (retain) {
            parent.handle = parentHandle.bytes().toByteArray();
        } else {
            parent.state = DpeContext.State.RETIRED;
            parent.handle = ContextHandle.INVALID.bytes().toByteArray();
        }
        parent.children |= 1L << slot;
        return body(revision.deriveContext(), new DeriveContextResponseBody(childHandle, parentHandle));
    }

    private record DeriveContextResponseBody(ContextHandle handle, ContextHandle parent) {}

    private static byte[] body(DpeCommand<DeriveContextRequest, DpeProfileCommands.DeriveContextResponse> command,
            DeriveContextResponseBody r) {
        return command.response().encode(new DpeProfileCommands.DeriveContextResponse(r.handle(), r.parent()));
    }

    /**
     * A locality never mixes its default context with others (caliptra-dpe safe_to_make_default /
     * _non_default): a default child is allowed into an empty locality, or where the one active
     * context is the default-handle parent that retires; a non-default child where there is no
     * default context, or the default context is the parent that retires.
     */
    private void checkDefaultRules(int target, int parentIdx, boolean makeDefault, boolean retain) {
        int active = 0;
        int defaultIdx = -1;
        for (int i = 0; i < contexts.length; i++) {
            var c = contexts[i];
            if (c.active() && c.locality == target) {
                active++;
                if (isDefault(c.handle)) {
                    defaultIdx = i;
                }
            }
        }
        boolean parentIsDefaultAndRetires = defaultIdx == parentIdx && !retain;
        if (makeDefault) {
            invalidIf(!(active == 0 && defaultIdx < 0) && !(active == 1 && parentIsDefaultAndRetires),
                    String.format("MAKE_DEFAULT into locality 0x%08X, which has other active contexts", target));
        } else {
            invalidIf(defaultIdx >= 0 && !parentIsDefaultAndRetires,
                    String.format("a non-default context into locality 0x%08X, which has a default context", target));
        }
    }

    /**
     * EXPORT_CDI with CREATE_CERTIFICATE: a CDI of the parent's own path ("Exported CDI"), kept
     * in the one exported-CDI slot under a random 32-byte handle, and its key's CA certificate.
     * The command's measurement is not taken. 1.2 leaves the parent as it is; main rotates a
     * retained parent, else destroys a childless one (and its lone retired ancestors) or retires it.
     */
    private byte[] exportCdi(int parentIdx, boolean retain, ContextHandle drawnParentHandle, DpeProfile profile) {
        var parent = contexts[parentIdx];
        boolean v1 = revision.v1();
        if (!v1 && exported != null) {
            throw new DpeError(DpeError.CRYPTO_EXPORTED_CDI_DUPLICATE, "the exported-CDI slot is taken");
        }
        byte[] handle = platform.randomBytes(EXPORTED_CDI_HANDLE);
        var keys = DpeKeys.of(platform.alias());
        var cdi = keys.deriveCdi(measurementHash(parent, parent.parentIdx, profile), EXPORTED_INFO);
        if (v1 && exported != null) {
            // 1.2 derives into the key-vault slot its one exported handle names before it finds the
            // handle taken: the first handle now reaches the new CDI.
            exported = new ExportedCdi(exported.handle(), cdi, exported.profile());
            throw new DpeError(DpeError.CRYPTO_EXPORTED_CDI_DUPLICATE, "the exported-CDI slot is taken");
        }
        var key = exportedSubject(keys, cdi, profile);
        byte[] certificate = DpeCertificates.certificate(platform.alias(), new DpeCertificates.Request(revision.generation,
                DpeCertificates.Kind.EXPORTED_CDI, key, tcbNodes(parent, parent.parentIdx), platform.ueid(), false, Optional.empty(),
                platform.alias().certificateValidity()));
        ContextHandle parentHandle = ContextHandle.INVALID;
        if (!v1) {
            if (retain) {
                parentHandle = drawnParentHandle;
                parent.handle = parentHandle.bytes().toByteArray();
            } else if (parent.children == 0) {
                destroyWithLoneAncestors(parentIdx);
            } else {
                parent.state = DpeContext.State.RETIRED;
                parent.handle = ContextHandle.INVALID.bytes().toByteArray();
            }
        }
        exported = new ExportedCdi(handle, cdi, profile);
        return revision.exportedCdiResponse().encode(new DpeProfileCommands.ExportedCdiResponse(ContextHandle.INVALID,
                parentHandle, Octets.of(handle), Octets.of(certificate)));
    }

    // ---- CERTIFY_KEY and SIGN ------------------------------------------------------------------

    /** The derived key and the certificate or CSR that certifies it; the context's handle rotates. */
    record Certified(ContextHandle handle, DpeCertificates.SubjectKey key, byte[] certificate) {}

    Certified certify(CertifyKeyRequest q, Call call) {
        int idx = activeContext(q.handle(), call.locality());
        var c = contexts[idx];
        boolean x509 = q.format() == CertifyKeyRequest.FORMAT_X509;
        invalidIf(x509 && !c.allowX509, "an X.509 certificate for a context that does not allow X.509");
        invalidIf(!x509 && q.format() != CertifyKeyRequest.FORMAT_CSR, "format " + q.format() + " (0 X.509, 1 CSR)");
        var key = derivedKey(idx, q.label().toByteArray(), call.profile());
        var request = new DpeCertificates.Request(revision.generation, DpeCertificates.Kind.LEAF, key, tcbNodes(c, c.parentIdx),
                q.label().toByteArray(), true, call.dmtfDeviceInfo(), platform.alias().certificateValidity());
        byte[] cert = x509 ? DpeCertificates.certificate(platform.alias(), request) : DpeCertificates.csr(platform.alias(), request);
        var handle = rotated(c);
        c.handle = handle.bytes().toByteArray();
        return new Certified(handle, key, cert);
    }

    private byte[] certifyKey(CertifyKeyRequest q, Call call) {
        var certified = certify(q, call);
        var pub = ((DpeCertificates.SubjectKey.Ecc) certified.key()).key().publicKey();
        return revision.certifyKey().response().encode(new DpeProfileCommands.CertifyKeyResponse(certified.handle(), pub.x(),
                pub.y(), Octets.of(certified.certificate())));
    }

    private byte[] sign(DpeProfileCommands.SignRequest q, Call call) {
        int idx = activeContext(q.handle(), call.locality());
        var c = contexts[idx];
        invalidIf(c.simulation, "SIGN with a simulation context");
        var key = ((DpeCertificates.SubjectKey.Ecc) derivedKey(idx, q.label().toByteArray(), call.profile())).key();
        EccSignature signature = key.signer().signDigest(Sha384Digest.fromBytes(q.digest().toByteArray()));
        var handle = rotated(c);
        c.handle = handle.bytes().toByteArray();
        return DpeProfileCommands.SIGN.response().encode(new DpeProfileCommands.SignResponse(handle, signature.r(), signature.s()));
    }

    private byte[] certifyKeyMldsa(CertifyKeyRequest q, Call call) {
        var certified = certify(q, call);
        var pub = ((DpeCertificates.SubjectKey.Mldsa) certified.key()).key().publicKey().bytes();
        return DpeProfileCommands.CERTIFY_KEY_MLDSA87.response().encode(new DpeProfileCommands.CertifyKeyMldsaResponse(
                certified.handle(), pub, Octets.of(certified.certificate())));
    }

    /** ML-DSA SIGN of an external mu (the raw form cannot arrive through INVOKE_DPE's 512 bytes: the codec refuses it). */
    private byte[] signMldsa(DpeProfileCommands.SignMldsaRequest q, Call call) {
        int idx = activeContext(q.handle(), call.locality());
        var c = contexts[idx];
        invalidIf(c.simulation, "SIGN with a simulation context");
        var key = ((DpeCertificates.SubjectKey.Mldsa) derivedKey(idx, q.label().toByteArray(), call.profile())).key();
        var signature = key.signMu(q.mu().toByteArray());
        var handle = rotated(c);
        c.handle = handle.bytes().toByteArray();
        return DpeProfileCommands.SIGN_MLDSA87.response().encode(new DpeProfileCommands.SignMldsaResponse(handle,
                Octets.of(signature.fips204())));
    }

    /** The key CERTIFY_KEY and SIGN use: CDI "DPE" of the context, then the label with the profile's key context. */
    private DpeCertificates.SubjectKey derivedKey(int idx, byte[] label, DpeProfile profile) {
        var keys = DpeKeys.of(platform.alias());
        var cdi = keys.deriveCdi(measurementHash(contexts[idx], contexts[idx].parentIdx, profile), DPE_INFO);
        return profile == DpeProfile.MLDSA87 ? new DpeCertificates.SubjectKey.Mldsa(keys.mldsaKey(cdi, label, ascii("MLDSA")))
                : new DpeCertificates.SubjectKey.Ecc(keys.eccKey(cdi, label, ascii("ECC")));
    }

    /**
     * SHA-384 over the TCI nodes from {@code leaf} up to the root, then the profile (if a node asked
     * for internal info) and the certificate chain (if a node asked for the internal DICE input).
     */
    private byte[] measurementHash(DpeContext leaf, int parentIdx, DpeProfile profile) {
        var digest = Sha384.newDigest();
        boolean info = false;
        boolean dice = false;
        for (var c : path(leaf, parentIdx)) {
            digest.update(c.measurementBytes(revision.v1()));
            info |= c.usesInternalInfo;
            dice |= c.usesInternalDice;
        }
        if (info) {
            digest.update(DpeFrame.response(0, profile, DpeProfileCommands.GET_PROFILE.response().encode(profile())));
            digest.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(profile.value()).array());
        }
        if (dice) {
            digest.update(platform.certificateChain(profile));
        }
        return digest.digest();
    }

    /** {@code leaf} and its ancestors, leaf first. */
    private List<DpeContext> path(DpeContext leaf, int parentIdx) {
        var out = new ArrayList<DpeContext>();
        out.add(leaf);
        for (int i = parentIdx; i != NO_PARENT && out.size() <= contexts.length; i = contexts[i].parentIdx) {
            out.add(contexts[i]);
        }
        return out;
    }

    /** The certificate's TCI nodes: the path root first. */
    private List<DpeCertificates.TciNode> tcbNodes(DpeContext leaf, int parentIdx) {
        var path = path(leaf, parentIdx);
        var out = new ArrayList<DpeCertificates.TciNode>();
        for (int i = path.size() - 1; i >= 0; i--) {
            var c = path.get(i);
            out.add(new DpeCertificates.TciNode(c.tciType, c.cumulative.clone(), c.current.clone(), c.tciLocality, c.svn));
        }
        return out;
    }

    // ---- the exported CDI ----------------------------------------------------------------------

    /** The key of the exported CDI {@code handle} names; empty for a handle DPE did not give out (compared in constant time). */
    Optional<DpeCertificates.SubjectKey> exportedKey(byte[] handle, DpeProfile profile) {
        if (exported == null || !MessageDigest.isEqual(exported.handle(), handle)) {
            return Optional.empty();
        }
        return Optional.of(exportedSubject(DpeKeys.of(platform.alias()), exported.cdi(), profile));
    }

    /** REVOKE_EXPORTED_CDI_HANDLE: frees the slot {@code handle} holds. */
    boolean revokeExported(byte[] handle) {
        if (exported == null || !MessageDigest.isEqual(exported.handle(), handle)) {
            return false;
        }
        exported = null;
        return true;
    }

    /** 1.2 keeps exported CDIs in RAM: a reset loses them. */
    void forgetExportedCdis() {
        exported = null;
    }

    // ---- UPDATE_CONTEXT_MEASUREMENT (2.x) -------------------------------------------------------

    /**
     * Measures {@code data} into the first active child of the caller's context {@code parent_handle}
     * that has the TCI type, in the child's own locality; both handles rotate unless default.
     */
    private byte[] updateContextMeasurement(DpeProfileCommands.UpdateContextMeasurementRequest q, Call call) {
        invalidIf(q.parentHandle().equals(ContextHandle.DEFAULT), "the parent is named by a non-default handle");
        int parentIdx;
        try {
            parentIdx = activeContext(q.parentHandle(), call.locality());
        } catch (DpeError e) {
            throw new DpeError(DpeStatus.INVALID_PARENT_LOCALITY, "no such parent in the caller's locality");
        }
        var parent = contexts[parentIdx];
        int childIdx = -1;
        for (int i = 0; i < contexts.length && childIdx < 0; i++) {
            if ((parent.children & (1L << i)) != 0 && contexts[i].active() && contexts[i].tciType == q.tciType()) {
                childIdx = i;
            }
        }
        invalidIf(childIdx < 0, String.format("the parent has no active child of TCI type 0x%08X", q.tciType()));
        var child = contexts[childIdx];
        var parentHandle = rotated(parent);
        var childHandle = rotated(child);
        child.measure(q.data().toByteArray(), child.locality);
        child.handle = childHandle.bytes().toByteArray();
        parent.handle = parentHandle.bytes().toByteArray();
        return DpeProfileCommands.UPDATE_CONTEXT_MEASUREMENT.response().encode(
                new DpeProfileCommands.UpdateContextMeasurementResponse(childHandle, parentHandle));
    }

    // ---- ROTATE, DESTROY, GET_CERTIFICATE_CHAIN --------------------------------------------------

    private ContextHandle rotate(ContextHandle handle, int flags, int locality) {
        int idx = activeContext(handle, locality);
        ContextHandle next;
        if ((flags & DpeProfileCommands.RotateContextHandleRequest.TARGET_IS_DEFAULT) != 0) {
            for (int i = 0; i < contexts.length; i++) {
                var c = contexts[i];
                invalidIf(c.active() && c.locality == locality && (i != idx || isDefault(c.handle)),
                        "TARGET_IS_DEFAULT in a locality that has a default context or other active contexts");
            }
            next = ContextHandle.DEFAULT;
        } else {
            next = randomHandle();
        }
        contexts[idx].handle = next.bytes().toByteArray();
        return next;
    }

    private void destroy(ContextHandle handle, int locality) {
        destroyWithLoneAncestors(activeContext(handle, locality));
    }

    /** DESTROY_CONTEXT's reach: the context, its descendants, and the retired ancestors it is the only child of. */
    private void destroyWithLoneAncestors(int idx) {
        int top = idx;
        while (contexts[top].parentIdx != NO_PARENT) {
            var parent = contexts[contexts[top].parentIdx];
            if (parent.state != DpeContext.State.RETIRED || Long.bitCount(parent.children) != 1) {
                break;
            }
            top = contexts[top].parentIdx;
        }
        destroyTree(top);
    }

    /** Destroys {@code index} and its descendants and clears them from every children bitmap. */
    private void destroyTree(int index) {
        long doomed = descendants(index) | (1L << index);
        for (int i = 0; i < contexts.length; i++) {
            if ((doomed & (1L << i)) != 0) {
                contexts[i].clear(revision.v1());
            }
        }
        for (var c : contexts) {
            c.children &= ~doomed;
        }
    }

    private long descendants(int index) {
        long out = 0;
        long children = contexts[index].children;
        for (int i = 0; i < contexts.length; i++) {
            if ((children & (1L << i)) != 0) {
                out |= (1L << i) | descendants(i);
            }
        }
        return out;
    }

    private DpeProfileCommands.CertificateChainChunk certificateChain(int offset, int size, DpeProfile profile) {
        invalidIf(Integer.compareUnsigned(size, DpeProfileCommands.CERTIFICATE_CHAIN_CHUNK) > 0,
                "size " + Integer.toUnsignedString(size) + " > " + DpeProfileCommands.CERTIFICATE_CHAIN_CHUNK);
        byte[] chain = platform.certificateChain(profile);
        if (Integer.compareUnsigned(offset, chain.length) >= 0) {
            throw new DpeError(DpeError.PLATFORM_CERTIFICATE_CHAIN, "offset " + Integer.toUnsignedString(offset)
                    + " is past the " + chain.length + "-byte chain");
        }
        int n = Math.min(size, chain.length - offset);
        return new DpeProfileCommands.CertificateChainChunk(Octets.of(chain, offset, n));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static boolean has(int flags, int bit) {
        return (flags & bit) != 0;
    }

    private static void invalidIf(boolean condition, String detail) {
        if (condition) {
            throw new DpeError(INVALID_ARGUMENT, detail);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
