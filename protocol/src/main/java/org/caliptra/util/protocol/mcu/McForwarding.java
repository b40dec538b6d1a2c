package org.caliptra.util.protocol.mcu;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.caliptra.util.protocol.core.CaliptraCommand;

/**
 * The MC_* commands the MCU runtime relays to the Caliptra core unchanged (caliptra-mcu-sw
 * {@code mcu-mbox-lib} {@code caliptra_passthrough_cmd}; spec/device.md §4.5 rows "= CM_*", "→ core"):
 * the one home of the pairing MC code → core command. The request bytes after the checksum go to
 * the core under its own code with the checksum recomputed; the core's answer — fields, fips_status
 * or failure — comes back as it is.
 *
 * <p>The reference names no MCU form of MLDSA87_SIGNATURE_VERIFY (caliptra-mcu-sw
 * {@code common/mcu-mbox/src/messages.rs} and {@code docs/src/external_mailbox_cmds.md} have only
 * the CMK-based MC_MLDSA_CMK_VERIFY), so there is none here either.
 */
public final class McForwarding {
    private static final Map<McCommand, CaliptraCommand> CORE_TWIN = table();

    private McForwarding() {}

    /** The core command {@code command} is relayed as, or empty for a command the MCU answers itself. */
    public static Optional<CaliptraCommand> coreTwin(McCommand command) {
        return Optional.ofNullable(CORE_TWIN.get(command));
    }

    /** Every relayed command with its core twin, in McCommand order. */
    public static Map<McCommand, CaliptraCommand> all() {
        return CORE_TWIN;
    }

    private static Map<McCommand, CaliptraCommand> table() {
        var t = new EnumMap<McCommand, CaliptraCommand>(McCommand.class);
        // The self-test pair has its home with the self-test codecs.
        for (McCommand c : new McCommand[] {McCommand.MC_FIPS_SELF_TEST_START, McCommand.MC_FIPS_SELF_TEST_GET_RESULTS}) {
            t.put(c, CaliptraCommand.fromCode(McSelfTestCommands.coreTwin(c).orElseThrow().code()).orElseThrow());
        }
        t.put(McCommand.MC_SHA_INIT, CaliptraCommand.CM_SHA_INIT);
        t.put(McCommand.MC_SHA_UPDATE, CaliptraCommand.CM_SHA_UPDATE);
        t.put(McCommand.MC_SHA_FINAL, CaliptraCommand.CM_SHA_FINAL);
        t.put(McCommand.MC_HMAC, CaliptraCommand.CM_HMAC);
        t.put(McCommand.MC_HMAC_KDF_COUNTER, CaliptraCommand.CM_HMAC_KDF_COUNTER);
        t.put(McCommand.MC_HKDF_EXTRACT, CaliptraCommand.CM_HKDF_EXTRACT);
        t.put(McCommand.MC_HKDF_EXPAND, CaliptraCommand.CM_HKDF_EXPAND);
        t.put(McCommand.MC_AES_ENCRYPT_INIT, CaliptraCommand.CM_AES_ENCRYPT_INIT);
        t.put(McCommand.MC_AES_ENCRYPT_UPDATE, CaliptraCommand.CM_AES_ENCRYPT_UPDATE);
        t.put(McCommand.MC_AES_DECRYPT_INIT, CaliptraCommand.CM_AES_DECRYPT_INIT);
        t.put(McCommand.MC_AES_DECRYPT_UPDATE, CaliptraCommand.CM_AES_DECRYPT_UPDATE);
        t.put(McCommand.MC_AES_GCM_ENCRYPT_INIT, CaliptraCommand.CM_AES_GCM_ENCRYPT_INIT);
        t.put(McCommand.MC_AES_GCM_ENCRYPT_UPDATE, CaliptraCommand.CM_AES_GCM_ENCRYPT_UPDATE);
        t.put(McCommand.MC_AES_GCM_ENCRYPT_FINAL, CaliptraCommand.CM_AES_GCM_ENCRYPT_FINAL);
        t.put(McCommand.MC_AES_GCM_DECRYPT_INIT, CaliptraCommand.CM_AES_GCM_DECRYPT_INIT);
        t.put(McCommand.MC_AES_GCM_DECRYPT_UPDATE, CaliptraCommand.CM_AES_GCM_DECRYPT_UPDATE);
        t.put(McCommand.MC_AES_GCM_DECRYPT_FINAL, CaliptraCommand.CM_AES_GCM_DECRYPT_FINAL);
        t.put(McCommand.MC_ECDH_GENERATE, CaliptraCommand.CM_ECDH_GENERATE);
        t.put(McCommand.MC_ECDH_FINISH, CaliptraCommand.CM_ECDH_FINISH);
        t.put(McCommand.MC_ECDSA_CMK_PUBLIC_KEY, CaliptraCommand.CM_ECDSA_PUBLIC_KEY);
        t.put(McCommand.MC_ECDSA_CMK_SIGN, CaliptraCommand.CM_ECDSA_SIGN);
        t.put(McCommand.MC_ECDSA_CMK_VERIFY, CaliptraCommand.CM_ECDSA_VERIFY);
        t.put(McCommand.MC_MLDSA_CMK_PUBLIC_KEY, CaliptraCommand.CM_MLDSA_PUBLIC_KEY);
        t.put(McCommand.MC_MLDSA_CMK_SIGN, CaliptraCommand.CM_MLDSA_SIGN);
        t.put(McCommand.MC_MLDSA_CMK_VERIFY, CaliptraCommand.CM_MLDSA_VERIFY);
        t.put(McCommand.MC_RANDOM_STIR, CaliptraCommand.CM_RANDOM_STIR);
        t.put(McCommand.MC_RANDOM_GENERATE, CaliptraCommand.CM_RANDOM_GENERATE);
        t.put(McCommand.MC_IMPORT, CaliptraCommand.CM_IMPORT);
        t.put(McCommand.MC_DELETE, CaliptraCommand.CM_DELETE);
        t.put(McCommand.MC_CM_STATUS, CaliptraCommand.CM_STATUS);
        t.put(McCommand.MC_ECDSA384_SIG_VERIFY, CaliptraCommand.ECDSA384_SIGNATURE_VERIFY);
        t.put(McCommand.MC_LMS_SIG_VERIFY, CaliptraCommand.LMS_SIGNATURE_VERIFY);
        return java.util.Collections.unmodifiableMap(t);
    }
}
