package org.caliptra.util.image;

/** Bytes that are not a well-formed image, key or signature: names what and where. */
public final class ImageFormatException extends ImageException {
    private static final long serialVersionUID = 1L;

    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
