package org.caliptra.util.protocol.core;

import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;

/**
 * SELF_TEST_START, SELF_TEST_GET_RESULTS and SHUTDOWN (spec/device.md §3.2, §4.2): no fields either
 * way; the answer is the response header alone.
 */
public final class SelfTestCommands {
    private SelfTestCommands() {}

    public static final CommandCodec<NoFields, NoFields> SELF_TEST_START =
            CommandCodec.of(CaliptraCommand.SELF_TEST_START, NoFields.CODEC, NoFields.CODEC);
    public static final CommandCodec<NoFields, NoFields> SELF_TEST_GET_RESULTS =
            CommandCodec.of(CaliptraCommand.SELF_TEST_GET_RESULTS, NoFields.CODEC, NoFields.CODEC);
    public static final CommandCodec<NoFields, NoFields> SHUTDOWN =
            CommandCodec.of(CaliptraCommand.SHUTDOWN, NoFields.CODEC, NoFields.CODEC);
}
