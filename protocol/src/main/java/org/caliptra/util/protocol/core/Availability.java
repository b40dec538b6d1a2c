package org.caliptra.util.protocol.core;

/** Where a {@link CaliptraCommand} is accepted: ROM or runtime of 1.x or 2.x; PL0-only at runtime. */
final class Availability {
    static final int R1 = 1;
    static final int R2 = 2;
    static final int T1 = 4;
    static final int T2 = 8;
    static final int ALL_ROM = R1 | R2;
    static final int ALL_RT = T1 | T2;
    static final int PL0 = 16;

    private Availability() {}
}
