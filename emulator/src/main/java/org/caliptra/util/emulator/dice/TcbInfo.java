package org.caliptra.util.emulator.dice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;

/**
 * A TCG DICE TcbInfo (IMPLICIT tags, spec/device.md §5.4) with the fields Caliptra fills: [3] svn,
 * [6] fwids (one SHA-384 digest), [7] flags, [9] type, [10] flagsMask. Caliptra writes every SVN as
 * a fixed-width two-byte INTEGER, 0x01 then the SVN byte.
 *
 * @param svn the SVN, or null when absent (2.x fuse info)
 * @param flags four bytes, or null when absent; likewise {@code flagsMask}
 */
record TcbInfo(Integer svn, byte[] sha384Fwid, byte[] flags, String type, byte[] flagsMask) {
    DERSequence toAsn1() {
        var fields = new ArrayList<ASN1Encodable>();
        if (svn != null) {
            fields.add(new DERTaggedObject(false, 3, new ASN1Integer(0x100 | (svn & 0xFF))));
        }
        var fwid = new DERSequence(new ASN1Encodable[] {NISTObjectIdentifiers.id_sha384, new DEROctetString(sha384Fwid)});
        fields.add(new DERTaggedObject(false, 6, new DERSequence(fwid)));
        if (flags != null) {
            fields.add(new DERTaggedObject(false, 7, new DERBitString(flags)));
        }
        fields.add(new DERTaggedObject(false, 9, new DEROctetString(type.getBytes(StandardCharsets.US_ASCII))));
        if (flagsMask != null) {
            fields.add(new DERTaggedObject(false, 10, new DERBitString(flagsMask)));
        }
        return new DERSequence(fields.toArray(ASN1Encodable[]::new));
    }

    /** tcg-dice-TcbInfo (2.23.133.5.4.1), non-critical. */
    Extension extension() {
        return CaliptraX509.extension(CaliptraX509.TCB_INFO, false, toAsn1());
    }

    /** tcg-dice-MultiTcbInfo (2.23.133.5.4.5), non-critical: a SEQUENCE OF TcbInfo. */
    static Extension multi(List<TcbInfo> infos) {
        return CaliptraX509.extension(CaliptraX509.MULTI_TCB_INFO, false,
                new DERSequence(infos.stream().map(TcbInfo::toAsn1).toArray(ASN1Encodable[]::new)));
    }
}
