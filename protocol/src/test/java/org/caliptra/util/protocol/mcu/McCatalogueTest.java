package org.caliptra.util.protocol.mcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.junit.jupiter.api.Test;

/** Every MC_* command that is not an alias of a core or cryptographic-mailbox command has a codec. */
class McCatalogueTest {
    private static final List<Class<?>> FAMILIES = List.of(McDeviceInfoCommands.class, McLogCommands.class,
            McAttestationCommands.class, McSelfTestCommands.class, McDebugUnlockCommands.class, McFuseCommands.class,
            McOwnershipCommands.class);

    /** The table's "= CM_*" rows and the two verify commands that are core ECV2 / LMV2 with another code. */
    private static final Set<McCommand> ALIASES = EnumSet.of(McCommand.MC_SHA_INIT, McCommand.MC_SHA_UPDATE,
            McCommand.MC_SHA_FINAL, McCommand.MC_HMAC, McCommand.MC_HMAC_KDF_COUNTER, McCommand.MC_HKDF_EXTRACT,
            McCommand.MC_HKDF_EXPAND, McCommand.MC_AES_ENCRYPT_INIT, McCommand.MC_AES_ENCRYPT_UPDATE,
            McCommand.MC_AES_DECRYPT_INIT, McCommand.MC_AES_DECRYPT_UPDATE, McCommand.MC_AES_GCM_ENCRYPT_INIT,
            McCommand.MC_AES_GCM_ENCRYPT_UPDATE, McCommand.MC_AES_GCM_ENCRYPT_FINAL, McCommand.MC_AES_GCM_DECRYPT_INIT,
            McCommand.MC_AES_GCM_DECRYPT_UPDATE, McCommand.MC_AES_GCM_DECRYPT_FINAL, McCommand.MC_ECDH_GENERATE,
            McCommand.MC_ECDH_FINISH, McCommand.MC_ECDSA_CMK_PUBLIC_KEY, McCommand.MC_ECDSA_CMK_SIGN,
            McCommand.MC_ECDSA_CMK_VERIFY, McCommand.MC_MLDSA_CMK_PUBLIC_KEY, McCommand.MC_MLDSA_CMK_SIGN,
            McCommand.MC_MLDSA_CMK_VERIFY, McCommand.MC_RANDOM_STIR, McCommand.MC_RANDOM_GENERATE, McCommand.MC_IMPORT,
            McCommand.MC_DELETE, McCommand.MC_CM_STATUS, McCommand.MC_ECDSA384_SIG_VERIFY, McCommand.MC_LMS_SIG_VERIFY);

    private static List<CommandCodec<?, ?>> codecs() throws IllegalAccessException {
        List<CommandCodec<?, ?>> all = new ArrayList<>();
        for (Class<?> family : FAMILIES) {
            for (Field f : family.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && CommandCodec.class.isAssignableFrom(f.getType())) {
                    all.add((CommandCodec<?, ?>) f.get(null));
                }
            }
        }
        return all;
    }

    @Test
    void everyNonAliasCommandIsCovered() throws IllegalAccessException {
        Set<McCommand> covered = EnumSet.noneOf(McCommand.class);
        for (CommandCodec<?, ?> codec : codecs()) {
            covered.add(McCommand.fromCode(codec.code()).orElseThrow(() -> new AssertionError(codec.name())));
        }
        Set<McCommand> expected = EnumSet.allOf(McCommand.class);
        expected.removeAll(ALIASES);
        expected.removeAll(McAttestationCommands.RESERVED);
        assertEquals(expected, covered);
    }

    @Test
    void codecsUseTheirCommandsCatalogueName() throws IllegalAccessException {
        for (CommandCodec<?, ?> codec : codecs()) {
            String base = McCommand.fromCode(codec.code()).orElseThrow().name();
            assertTrue(codec.name().equals(base) || codec.name().startsWith(base + "/"), codec.name());
        }
    }
}
