package org.caliptra.util.host.commands;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Internal command ids of the host library (spec/hostlib.md §2.1, seed 004): what the session and
 * every transport key their dispatch on, independent of any one wire encoding.
 */
public enum CommandId {
    GET_FIRMWARE_VERSION(0x0001),
    GET_DEVICE_CAPABILITIES(0x0002),
    GET_DEVICE_ID(0x0003),
    GET_DEVICE_INFO(0x0004),
    EXPORT_ATTESTED_CSR(0x1005),
    GET_ATTESTATION(0x1007),
    HASH_INIT(0x2001),
    HASH_UPDATE(0x2002),
    HASH_FINALIZE(0x2003),
    HMAC(0x2013),
    HMAC_KDF_COUNTER(0x2014),
    IMPORT(0x2015),
    DELETE(0x2016),
    DEBUG_GET_LOG(0x7005),
    DEBUG_CLEAR_LOG(0x7008),
    PROD_DEBUG_UNLOCK_REQ(0x7010),
    PROD_DEBUG_UNLOCK_TOKEN(0x7011),
    GET_AUTH_CMD_CHALLENGE(0x8010);

    private static final Map<Integer, CommandId> BY_VALUE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(CommandId::value, Function.identity()));

    private final int value;

    CommandId(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static Optional<CommandId> fromValue(int value) {
        return Optional.ofNullable(BY_VALUE.get(value));
    }
}
