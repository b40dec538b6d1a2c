package org.caliptra.util.emulator.runtime.dpe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.protocol.dpe.DpeProfile;

/**
 * One slot of DPE's context table (caliptra-dpe {@code Context}): its handle, its TCI node (type,
 * cumulative and current measurement, locality, 2.x SVN), its place in the tree (parent index,
 * children bitmap) and what its derivations allow.
 */
final class DpeContext {
    static final int NO_PARENT = 0xFF;
    static final int TCI = DpeProfile.TCI_SIZE;

    enum State {
        INACTIVE, ACTIVE, RETIRED
    }

    byte[] handle = new byte[16];
    int tciType;
    byte[] cumulative = new byte[TCI];
    byte[] current = new byte[TCI];
    int tciLocality;
    int svn;
    long children;
    int locality;
    int parentIdx = NO_PARENT;
    boolean simulation;
    State state = State.INACTIVE;
    boolean usesInternalInfo;
    boolean usesInternalDice;
    boolean allowCa;
    boolean allowX509;
    boolean allowExportCdi;
    boolean allowRecursive;

    boolean active() {
        return state == State.ACTIVE;
    }

    boolean inUse() {
        return state != State.INACTIVE;
    }

    /** DPE's TCI extension: cumulative = SHA-384(cumulative ‖ data), current = data. */
    void measure(byte[] data, int atLocality) {
        cumulative = sha384(cumulative, data);
        current = data.clone();
        tciLocality = atLocality;
    }

    /** The bytes of this node that the CDI's measurement hash covers (TciNodeData and the allow flags). */
    byte[] measurementBytes(boolean v1) {
        var b = ByteBuffer.allocate(v1 ? 106 : 109).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(tciType).put(cumulative).put(current).putInt(tciLocality);
        if (v1) {
            b.put((byte) (allowCa ? 1 : 0)).put((byte) (allowX509 ? 1 : 0));
        } else {
            b.putInt(svn).put((byte) (allowX509 ? 1 : 0));
        }
        return b.array();
    }

    void clear(boolean v1) {
        state = State.INACTIVE;
        children = 0;
        tciType = 0;
        cumulative = new byte[TCI];
        current = new byte[TCI];
        svn = 0;
        parentIdx = NO_PARENT;
        simulation = usesInternalInfo = usesInternalDice = allowCa = allowX509 = allowExportCdi = allowRecursive = false;
        if (!v1) {
            // 2.x forgets the handle and locality of a destroyed context; 1.2 leaves them in the slot.
            Arrays.fill(handle, (byte) 0xFF);
            locality = 0;
            tciLocality = 0;
        }
    }

    static byte[] sha384(byte[]... parts) {
        var digest = Sha384.newDigest();
        for (byte[] p : parts) {
            digest.update(p);
        }
        return digest.digest();
    }
}
