package org.caliptra.util.host.commands;

import java.util.Objects;
import java.util.function.Function;
import org.caliptra.util.host.session.Command;
import org.caliptra.util.host.transport.mctp.VdmCommandMapping;
import org.caliptra.util.protocol.codec.CommandCodec;

/**
 * An MCTP-VDM mapping built on the command's VDM payload codec ({@code protocol.mctp.VdmCommands}):
 * the internal request becomes the request payload, and a successful response's data becomes the
 * internal response, whose fips_status is the completion code, 0 (spec/hostlib.md §2.5).
 */
public record CodecVdmMapping<Q, R>(int commandId, CommandCodec<Q, R> codec, Function<byte[], Q> fromInternal,
        Function<R, byte[]> toInternal) implements VdmCommandMapping {
    /** fips_status of a VDM answer: the completion code, which is SUCCESS once the transport hands over data. */
    public static final int SUCCESS_STATUS = 0;

    public CodecVdmMapping {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(fromInternal, "fromInternal");
        Objects.requireNonNull(toInternal, "toInternal");
    }

    /**
     * @param toWire the typed request → the codec's request record
     * @param fromWire the codec's response record → the typed response (fips_status {@link #SUCCESS_STATUS})
     */
    public static <C extends Command<T>, T, Q, R> CodecVdmMapping<Q, R> of(CommandType<C, T> type, CommandCodec<Q, R> codec,
            Function<? super C, ? extends Q> toWire, Function<? super R, ? extends T> fromWire) {
        return new CodecVdmMapping<>(type.id(), codec,
                internal -> CodecMailboxMapping.convert(codec.command().describe() + " request", () -> toWire.apply(type.decodeRequest(internal))),
                response -> type.encodeResponse(CodecMailboxMapping.convert(codec.command().describe() + " response", () -> fromWire.apply(response))));
    }

    @Override
    public int vdmCommand() {
        return codec.code();
    }

    /** "VDM_FIRMWARE_VERSION (VDM 0x01)". */
    @Override
    public String name() {
        return codec.command().describe();
    }

    @Override
    public byte[] toVdmPayload(byte[] internalRequest) {
        return codec.encodeRequest(fromInternal.apply(internalRequest));
    }

    @Override
    public byte[] toInternalResponse(byte[] responseData) {
        return toInternal.apply(codec.decodeResponse(responseData));
    }
}
