package org.caliptra.util.protocol.core;

/** AUTHORIZE_AND_STASH's {@code auth_req_result} values (spec/formats.md §3.4). */
public enum AuthResult {
    IMAGE_AUTHORIZED(0xDEAD_C0DE),
    IMAGE_AUTHORIZED_OWNER_ONLY(0xC0DE_DEAD),
    IMAGE_NOT_AUTHORIZED(0x2152_3F21),
    IMAGE_HASH_MISMATCH(0x8BFB_95CB);

    private final int code;

    AuthResult(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String hexCode() {
        return String.format("0x%08X", code);
    }

    public static java.util.Optional<AuthResult> fromCode(int code) {
        for (AuthResult r : values()) {
            if (r.code == code) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    public boolean authorized() {
        return this == IMAGE_AUTHORIZED || this == IMAGE_AUTHORIZED_OWNER_ONLY;
    }
}
