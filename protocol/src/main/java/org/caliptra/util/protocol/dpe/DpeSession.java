package org.caliptra.util.protocol.dpe;

import java.io.ByteArrayOutputStream;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.DpeCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyResponse;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextResponse;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DpeCommand;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ExportedCdiResponse;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.GetCertificateChainRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.Profile;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.SignRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.SignResponse;

/**
 * A host's DPE client over one mailbox (the P-384 profile, INVOKE_DPE_ECC384): each call frames a
 * profile command, sends it, checks the response header and decodes the body with the codec of
 * the device's generation. DPE's own refusals throw {@link DpeStatusException}; the runtime's
 * (a requester without the privilege, a frame it cannot read) throw
 * {@link org.caliptra.util.protocol.MailboxCommandException} as every mailbox command does.
 * The locality is the requester the port speaks as.
 */
public final class DpeSession {
    /** The longest chain {@link #certificateChain()} reads: far more than three certificates need. */
    static final int MAX_CHAIN = 64 * 1024;

    private final MailboxPort port;
    private final Generation generation;

    public DpeSession(MailboxPort port, Generation generation) {
        this.port = port;
        this.generation = generation;
    }

    public Generation generation() {
        return generation;
    }

    /** One command whose response has the command's own codec. */
    public <Q, R> R call(DpeCommand<Q, R> command, Q request) {
        return command.decodeResponse(body(command, request));
    }

    public Profile getProfile() {
        return call(DpeProfileCommands.GET_PROFILE, NoFields.INSTANCE);
    }

    /**
     * DERIVE_CONTEXT without EXPORT_CDI (see {@link #deriveExportedCdi}); on 1.x, whose request has
     * no SVN, a request with one is refused here rather than silently sent without it.
     */
    public DeriveContextResponse deriveContext(DeriveContextRequest request) {
        if ((request.flags() & DeriveContextRequest.EXPORT_CDI) != 0) {
            throw new IllegalArgumentException("DERIVE_CONTEXT with EXPORT_CDI answers with an exported CDI: use deriveExportedCdi");
        }
        return call(DpeProfileCommands.deriveContext(generation), checkSvn(request));
    }

    /** DERIVE_CONTEXT with EXPORT_CDI (and CREATE_CERTIFICATE): the exported CDI's handle and certificate. */
    public ExportedCdiResponse deriveExportedCdi(DeriveContextRequest request) {
        if ((request.flags() & DeriveContextRequest.EXPORT_CDI) == 0) {
            throw new IllegalArgumentException("deriveExportedCdi needs EXPORT_CDI in the flags");
        }
        var command = DpeProfileCommands.deriveContext(generation);
        Codec<ExportedCdiResponse> codec = DpeProfileCommands.exportedCdiResponse(generation);
        return codec.decode(body(command, checkSvn(request)), command.name() + " (EXPORT_CDI) response");
    }

    public CertifyKeyResponse certifyKey(CertifyKeyRequest request) {
        return call(DpeProfileCommands.certifyKey(generation), request);
    }

    public SignResponse sign(SignRequest request) {
        return call(DpeProfileCommands.SIGN, request);
    }

    /**
     * The whole DER certificate chain DPE holds (LDevID, FMC alias, RT alias — the IDevID first
     * when the platform has it), read in {@link DpeProfileCommands#CERTIFICATE_CHAIN_CHUNK}-byte
     * pages until a short page or, when the chain ends on a page boundary, the platform's
     * CertificateChainError for the offset past its end.
     */
    public byte[] certificateChain() {
        int page = DpeProfileCommands.CERTIFICATE_CHAIN_CHUNK;
        var chain = new ByteArrayOutputStream();
        for (int offset = 0; offset < MAX_CHAIN; offset += page) {
            Octets chunk;
            try {
                chunk = call(DpeProfileCommands.GET_CERTIFICATE_CHAIN, new GetCertificateChainRequest(offset, page)).chunk();
            } catch (DpeStatusException e) {
                if (offset > 0 && e.status() == DpeStatus.PLATFORM_CERTIFICATE_CHAIN) {
                    return chain.toByteArray();
                }
                throw e;
            }
            chain.writeBytes(chunk.toByteArray());
            if (chunk.length() < page) {
                return chain.toByteArray();
            }
        }
        throw new ProtocolException("GET_CERTIFICATE_CHAIN: the chain did not end within " + MAX_CHAIN + " bytes");
    }

    private DeriveContextRequest checkSvn(DeriveContextRequest request) {
        if (generation == Generation.V1 && request.svn() != 0) {
            throw new IllegalArgumentException("a 1.x DERIVE_CONTEXT has no SVN field");
        }
        return request;
    }

    /** The response body of a command DPE answered with NO_ERROR. */
    private <Q> byte[] body(DpeCommand<Q, ?> command, Q request) {
        byte[] frame = DpeFrame.command(command.id(), DpeProfile.P384_SHA384, command.request().encode(request));
        var reply = port.call(DpeCommands.invokeDpeEcc384(generation), new DpeCommands.InvokeDpeRequest(Octets.of(frame)));
        var response = DpeFrame.openResponse(reply.bytes().toByteArray());
        if (response.status() != DpeStatus.NO_ERROR.code()) {
            throw new DpeStatusException(command.name(), response.status());
        }
        if (response.profile() != DpeProfile.P384_SHA384.value()) {
            throw new ProtocolException(String.format("%s response: profile %d, expected %d (P384_SHA384)", command.name(),
                    response.profile(), DpeProfile.P384_SHA384.value()));
        }
        return response.body();
    }
}
