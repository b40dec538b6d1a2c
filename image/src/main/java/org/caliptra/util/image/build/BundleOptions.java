package org.caliptra.util.image.build;

import java.nio.charset.StandardCharsets;
import org.caliptra.util.protocol.Octets;

/**
 * Header fields of a bundle that are not keys or images.
 *
 * @param pl0Pauser when non-null, flags bit 0 is set and this PAUSER/AXI USER is PL0
 * @param firmwareSvn the 2.x header SVN (ignored for 1.x, whose SVNs are per image)
 * @param vendorNotBefore "YYYYMMDDHHMMSSZ" or null for zeros; likewise the others
 * @param ownerEpoch 1.x owner epoch (2 bytes)
 */
public record BundleOptions(Octets headerRevision, Integer pl0Pauser, int extraFlags, int firmwareSvn,
        String vendorNotBefore, String vendorNotAfter, String ownerNotBefore, String ownerNotAfter, int ownerEpoch) {

    public BundleOptions {
        if (headerRevision.length() != 8) {
            throw new IllegalArgumentException("header revision is 8 bytes");
        }
        for (String t : new String[] {vendorNotBefore, vendorNotAfter, ownerNotBefore, ownerNotAfter}) {
            if (t != null && !t.matches("\\d{14}Z")) {
                throw new IllegalArgumentException("validity times are 'YYYYMMDDHHMMSSZ' (15 characters), got '" + t + "'");
            }
        }
    }

    public static BundleOptions defaults() {
        return new BundleOptions(Octets.zeros(8), null, 0, 0, null, null, null, null, 0);
    }

    public BundleOptions withPl0Pauser(Integer pauser) {
        return new BundleOptions(headerRevision, pauser, extraFlags, firmwareSvn, vendorNotBefore, vendorNotAfter,
                ownerNotBefore, ownerNotAfter, ownerEpoch);
    }

    public BundleOptions withFirmwareSvn(int svn) {
        return new BundleOptions(headerRevision, pl0Pauser, extraFlags, svn, vendorNotBefore, vendorNotAfter,
                ownerNotBefore, ownerNotAfter, ownerEpoch);
    }

    int flags() {
        return extraFlags | (pl0Pauser != null ? 1 : 0);
    }

    int pauser() {
        return pl0Pauser != null ? pl0Pauser : 0;
    }

    static Octets time(String value) {
        return value == null ? Octets.zeros(15) : Octets.of(value.getBytes(StandardCharsets.US_ASCII));
    }
}
