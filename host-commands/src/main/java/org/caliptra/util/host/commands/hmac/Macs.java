package org.caliptra.util.host.commands.hmac;

import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.hmac.HmacCommands.Hmac;
import org.caliptra.util.host.commands.hmac.HmacCommands.HmacKdfCounter;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.CmHashCommands.Digest;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;

/** High-level HMAC API (the reference's crypto_hmac module). */
public final class Macs {
    private Macs() {}

    /**
     * {@code hmac}: the MAC of {@code data} under {@code key}. The device computes an HMAC in one
     * command, so data is limited to 4096 bytes.
     *
     * @throws IllegalArgumentException for more than 4096 bytes, naming the size
     */
    public static Digest hmac(CaliptraSession session, Cmk key, HashAlgorithm algorithm, Octets data) {
        if (data.length() > HmacCommands.MAX_DATA) {
            throw new IllegalArgumentException("Hmac: the device MACs at most " + HmacCommands.MAX_DATA
                    + " bytes in its single command and cannot stream; got " + data.length());
        }
        return Commands.execute(session, new Hmac(key, algorithm, data)).digest();
    }

    /** {@code hmac_kdf_counter}: a new key of {@code usage}, {@code keySize} bytes, derived from {@code kin} over {@code label}. */
    public static Cmk kdfCounter(CaliptraSession session, Cmk kin, HashAlgorithm algorithm, KeyUsage usage, int keySize,
            Octets label) {
        return Commands.execute(session, new HmacKdfCounter(kin, algorithm, usage, keySize, label)).cmk();
    }
}
