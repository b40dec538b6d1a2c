package org.caliptra.util.protocol.mctp;

import java.io.ByteArrayOutputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.caliptra.util.protocol.Octets;

/**
 * Puts the packets of one MCTP message back together at an endpoint (spec/hostlib.md §4.3), one
 * message at a time, and drops what an endpoint drops, telling its listener why in one line:
 * <ul>
 *   <li>a header version other than 1, a destination EID other than the local one, the wrong tag
 *       owner bit (requests carry TO = 1, responses TO = 0), a response whose tag is not the one
 *       expected;
 *   <li>an empty payload, or one over the 64-byte baseline; a packet before EOM with less than 64;
 *   <li>a first packet (SOM) whose type byte is not the expected message type, or has the
 *       integrity-check bit set (not supported);
 *   <li>a packet without SOM when no message is open, or one of another source or tag (that packet
 *       only);
 *   <li>a sequence number other than the previous + 1 mod 4 (a packet was lost: the open message is
 *       abandoned), and a message that would grow past the size bound (abandoned before the bytes
 *       are stored).
 * </ul>
 * A SOM while a message is open abandons the open one. Not thread-safe: one per connection.
 */
public final class MctpReassembler {
    /** Which side of the exchange this endpoint is on: what the tag owner bit of what it receives must be. */
    public enum Role {
        /** A responder: receives requests (TO = 1). */
        RESPONDER(true),
        /** A requester: receives responses (TO = 0) with the tag of its request. */
        REQUESTER(false);

        private final boolean receivesTagOwner;

        Role(boolean receivesTagOwner) {
            this.receivesTagOwner = receivesTagOwner;
        }
    }

    private final int localEid;
    private final Role role;
    private final int messageType;
    private final int maxMessageSize;
    private final Consumer<String> drops;
    private int expectedTag = -1;

    private ByteArrayOutputStream body;
    private int srcEid;
    private int tag;
    private int nextSequence;

    /**
     * @param messageType the only message type accepted (bits 6:0 of the first byte), e.g. 0x7F
     * @param maxMessageSize the most body bytes (type byte included) a message may have
     * @param drops told, in one line, why each dropped packet or abandoned message was dropped
     */
    public MctpReassembler(int localEid, Role role, int messageType, int maxMessageSize, Consumer<String> drops) {
        this.localEid = localEid;
        this.role = Objects.requireNonNull(role, "role");
        this.messageType = messageType;
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be positive: " + maxMessageSize);
        }
        this.maxMessageSize = maxMessageSize;
        this.drops = Objects.requireNonNull(drops, "drops");
    }

    /** A requester's next response: only packets with this tag are taken; an open message is discarded. */
    public void expectTag(int tag) {
        if (role != Role.REQUESTER) {
            throw new IllegalStateException("only a requester expects a tag");
        }
        if (tag < 0 || tag > 7) {
            throw new IllegalArgumentException("message tag is 3 bits: " + tag);
        }
        expectedTag = tag;
        body = null;
    }

    /** Whether a message has begun (SOM) and not yet ended. */
    public boolean assembling() {
        return body != null;
    }

    /** Forgets the open message, if any, without telling the listener. */
    public void reset() {
        body = null;
    }

    /** Takes one packet; returns the message it completes, if it does. */
    public Optional<MctpMessage> accept(MctpPacket packet) {
        MctpTransportHeader h = packet.header();
        String problem = headerProblem(h, packet.payload().length());
        if (problem != null) {
            return drop(h, problem);
        }
        if (h.som()) {
            return start(h, packet.payload());
        }
        if (body == null) {
            return drop(h, "no SOM: no message is open");
        }
        if (h.srcEid() != srcEid || h.messageTag() != tag) {
            return drop(h, "it belongs to another message than the open one (source EID " + eid(srcEid) + ", tag " + tag + ")");
        }
        if (h.packetSequence() != nextSequence) {
            return abandon(h, "sequence " + h.packetSequence() + ", expected " + nextSequence + ": a packet was lost");
        }
        if (body.size() + packet.payload().length() > maxMessageSize) {
            return abandon(h, "the message would exceed " + maxMessageSize + " bytes");
        }
        append(packet.payload());
        nextSequence = (nextSequence + 1) & 3;
        return h.eom() ? finish() : Optional.empty();
    }

    private String headerProblem(MctpTransportHeader h, int payloadLength) {
        if (h.version() != MctpTransportHeader.VERSION_1) {
            return "header version " + h.version() + ", expected " + MctpTransportHeader.VERSION_1;
        }
        if (h.destEid() != localEid) {
            return "destination EID " + eid(h.destEid()) + " is not this endpoint's (" + eid(localEid) + ")";
        }
        if (h.tagOwner() != role.receivesTagOwner) {
            return "tag owner bit " + (h.tagOwner() ? 1 : 0) + ": a " + (role == Role.RESPONDER ? "request" : "response")
                    + " carries " + (role.receivesTagOwner ? 1 : 0);
        }
        if (role == Role.REQUESTER && h.messageTag() != expectedTag) {
            return expectedTag < 0 ? "no request is outstanding" : "tag " + h.messageTag() + ", the outstanding request has " + expectedTag;
        }
        if (payloadLength == 0) {
            return "empty payload";
        }
        if (payloadLength > MctpPacket.BASELINE_PAYLOAD) {
            return payloadLength + "-byte payload exceeds the " + MctpPacket.BASELINE_PAYLOAD + "-byte baseline transmission unit";
        }
        if (!h.eom() && payloadLength < MctpPacket.BASELINE_PAYLOAD) {
            return payloadLength + "-byte payload before EOM: every packet but the last carries " + MctpPacket.BASELINE_PAYLOAD;
        }
        return null;
    }

    private Optional<MctpMessage> start(MctpTransportHeader h, Octets payload) {
        int first = payload.get(0) & 0xFF;
        if ((first & 0x7F) != messageType) {
            return drop(h, "message type " + eid(first & 0x7F) + ", only " + eid(messageType) + " is served");
        }
        if ((first & 0x80) != 0) {
            return drop(h, "the integrity-check bit is set; message integrity checks are not supported");
        }
        if (payload.length() > maxMessageSize) {
            return drop(h, "the message would exceed " + maxMessageSize + " bytes");
        }
        if (body != null) {
            drops.accept("MCTP message from EID " + eid(srcEid) + " tag " + tag + " abandoned after " + body.size()
                    + " bytes: a new SOM arrived");
        }
        body = new ByteArrayOutputStream(Math.min(maxMessageSize, MctpPacket.BASELINE_PAYLOAD)); // grows with the packets that come
        srcEid = h.srcEid();
        tag = h.messageTag();
        nextSequence = (h.packetSequence() + 1) & 3;
        append(payload);
        return h.eom() ? finish() : Optional.empty();
    }

    private void append(Octets payload) {
        byte[] bytes = payload.toByteArray();
        body.write(bytes, 0, bytes.length);
    }

    private Optional<MctpMessage> finish() {
        var message = new MctpMessage(srcEid, localEid, role.receivesTagOwner, tag, Octets.of(body.toByteArray()));
        body = null;
        return Optional.of(message);
    }

    private Optional<MctpMessage> drop(MctpTransportHeader h, String why) {
        drops.accept(describe(h) + " dropped: " + why);
        return Optional.empty();
    }

    private Optional<MctpMessage> abandon(MctpTransportHeader h, String why) {
        drops.accept(describe(h) + " dropped and its message abandoned: " + why);
        body = null;
        return Optional.empty();
    }

    private static String describe(MctpTransportHeader h) {
        return "MCTP packet from EID " + eid(h.srcEid()) + " to " + eid(h.destEid()) + " (" + (h.som() ? "SOM " : "")
                + (h.eom() ? "EOM " : "") + "seq " + h.packetSequence() + ", TO " + (h.tagOwner() ? 1 : 0) + ", tag " + h.messageTag() + ")";
    }

    /**
     * A byte as 0xNN. Drop reasons are built for every bad packet a peer sends, so they are plain
     * concatenation: String.format parses its pattern on each call, many times the packet's size.
     */
    private static String eid(int value) {
        return "0x" + Character.toUpperCase(Character.forDigit((value >> 4) & 0xF, 16)) + Character.toUpperCase(Character.forDigit(value & 0xF, 16));
    }
}
