package org.caliptra.util.protocol.fuzz;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caliptra.util.protocol.cm.CmAesCommands;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.CmRandomCommands;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.core.AuthManifestCommands;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.DebugUnlockCommands;
import org.caliptra.util.protocol.core.DpeCommands;
import org.caliptra.util.protocol.core.FirmwareCommands;
import org.caliptra.util.protocol.core.FuseCommands;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.core.MeasurementCommands;
import org.caliptra.util.protocol.core.PqExtrasCommands;
import org.caliptra.util.protocol.core.SelfTestCommands;
import org.caliptra.util.protocol.core.SignatureVerifyCommands;
import org.caliptra.util.protocol.mctp.VdmCommands;
import org.caliptra.util.protocol.mcu.McAttestationCommands;
import org.caliptra.util.protocol.mcu.McCryptoCommands;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.mcu.McFuseCommands;
import org.caliptra.util.protocol.mcu.McLogCommands;
import org.caliptra.util.protocol.mcu.McOwnershipCommands;
import org.caliptra.util.protocol.mcu.McSelfTestCommands;
import org.caliptra.util.protocol.mcu.McVerifyCommands;

/**
 * Every message codec of the command catalogues (core, cryptographic mailbox, MCU, the DPE profile), each direction
 * once, by a stable key: {@code "<codec name> request"} / {@code "<codec name> response"}. Fuzz
 * seeds name their codec by this key, so adding a command never shifts what an old seed tests.
 */
public final class Catalogue {
    private static final List<Class<?>> FAMILIES = List.of(InfoCommands.class, SelfTestCommands.class,
            AuthManifestCommands.class, MeasurementCommands.class, CertificateCommands.class, SignatureVerifyCommands.class,
            DpeCommands.class, FirmwareCommands.class, DebugUnlockCommands.class, FuseCommands.class, PqExtrasCommands.class,
            CmAesCommands.class, CmAsymmetricCommands.class, CmHashCommands.class, CmKeyCommands.class, CmRandomCommands.class,
            McAttestationCommands.class, McCryptoCommands.class, McDebugUnlockCommands.class, McDeviceInfoCommands.class,
            McFuseCommands.class, McLogCommands.class, McOwnershipCommands.class, McSelfTestCommands.class,
            McVerifyCommands.class, VdmCommands.class);

    /** Key → codec, sorted by key. */
    public static final Map<String, Codec<?>> CODECS = load();
    public static final List<String> KEYS = List.copyOf(CODECS.keySet());

    private Catalogue() {}

    private static Map<String, Codec<?>> load() {
        var all = new ArrayList<Map.Entry<String, Codec<?>>>();
        for (Class<?> family : FAMILIES) {
            for (Field f : family.getFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || !CommandCodec.class.isAssignableFrom(f.getType())) {
                    continue;
                }
                CommandCodec<?, ?> c;
                try {
                    c = (CommandCodec<?, ?>) f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                all.add(Map.entry(c.name() + " request", c.request()));
                all.add(Map.entry(c.name() + " response", c.response()));
            }
        }
        // The DPE profile commands INVOKE_DPE carries, by field name (the generations' codecs differ).
        for (Field f : org.caliptra.util.protocol.dpe.DpeProfileCommands.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && org.caliptra.util.protocol.dpe.DpeProfileCommands.DpeCommand.class.isAssignableFrom(f.getType())) {
                org.caliptra.util.protocol.dpe.DpeProfileCommands.DpeCommand<?, ?> c;
                try {
                    c = (org.caliptra.util.protocol.dpe.DpeProfileCommands.DpeCommand<?, ?>) f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                all.add(Map.entry("DPE " + f.getName() + " request", c.request()));
                all.add(Map.entry("DPE " + f.getName() + " response", c.response()));
            } else if (Modifier.isStatic(f.getModifiers()) && Codec.class.isAssignableFrom(f.getType())) {
                try {
                    all.add(Map.entry("DPE " + f.getName(), (Codec<?>) f.get(null)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        all.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        var map = new LinkedHashMap<String, Codec<?>>();
        for (var e : all) {
            String key = e.getKey();
            // An alias publishes the same codec under a second field: keep one. Two different codecs
            // under one name both stay, the second with a suffix.
            for (int n = 2; map.containsKey(key) && map.get(key) != e.getValue(); n++) {
                key = e.getKey() + " #" + n;
            }
            map.putIfAbsent(key, e.getValue());
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
