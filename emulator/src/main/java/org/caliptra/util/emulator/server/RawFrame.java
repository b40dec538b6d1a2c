package org.caliptra.util.emulator.server;

import org.caliptra.util.protocol.socket.FrameHeader;

/** A frame cut from a byte stream: a header its codec accepted, and exactly payload_len bytes. */
record RawFrame(FrameHeader header, byte[] payload) {}
