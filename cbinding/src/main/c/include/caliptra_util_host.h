/*
 * caliptra_util_host.h - C ABI of the caliptra-util host library.
 *
 * Source-compatible with the reference host library's C API (enumerator names and values,
 * session/transport functions), extended with target URIs and caliptra_cmd_get_device_id.
 *
 * The library runs the Java host library in an embedded JVM, started on first use:
 *   - JVM:        $CALIPTRA_UTIL_JVM (path to libjvm.so), else $JAVA_HOME/lib/server/libjvm.so,
 *                 else the JDK of the first `java` on PATH. Java 17 or newer.
 *   - class path: $CALIPTRA_UTIL_CLASSPATH, else $CALIPTRA_UTIL_HOME/lib/caliptra-util-cbinding.jar,
 *                 else caliptra-util-cbinding.jar in the directory of this library.
 *   - extra JVM options: $CALIPTRA_UTIL_JVM_OPTIONS (space separated).
 * When the JVM or the class path cannot be found every call returns IO and
 * caliptra_last_error() says what was looked for.
 *
 * Handles are opaque; a released or unknown handle gives InvalidArgument, never a crash.
 * Functions may be called from any thread; calls on one session are serialised.
 */
#ifndef CALIPTRA_UTIL_HOST_H
#define CALIPTRA_UTIL_HOST_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum CaliptraError {
    Success = 0,
    Unknown = 1,
    InvalidArgument = 2,
    Timeout = 3,
    NotSupported = 4,
    Transport = 5,
    Protocol = 6,
    Device = 7,
    Memory = 8,
    Busy = 9,
    State = 10,
    IO = 11
} CaliptraError;

typedef enum CaliptraProtocolType {
    Mailbox = 0,
    MctpVdm = 1,
    Custom = 2
} CaliptraProtocolType;

typedef struct CaliptraSession CaliptraSession;
typedef struct CaliptraTransport CaliptraTransport;

typedef struct CommonResponse {
    uint32_t fips_status;
} CommonResponse;

/* MC_DEVICE_ID: the device's PCI-style identifiers. */
typedef struct CaliptraDeviceId {
    uint16_t vendor_id;
    uint16_t device_id;
    uint16_t subsystem_vendor_id;
    uint16_t subsystem_id;
} CaliptraDeviceId;

/* ---- transports ---------------------------------------------------------------------------- */

/* Opens a target URI ("emulator", "emulator?profile=caliptra-2.1"); NULL means $CALIPTRA_TARGET
 * or "emulator". Unknown targets give InvalidArgument. */
CaliptraError caliptra_transport_create_from_target(const char *target_uri, CaliptraTransport **transport);

/* An embedded emulated Caliptra device (profile caliptra-2.1) behind a mailbox transport. */
CaliptraError caliptra_transport_create_emulator(CaliptraTransport **transport);

/* Releases a transport that was not given to a session. */
CaliptraError caliptra_transport_destroy(CaliptraTransport *transport);

/* ---- sessions ------------------------------------------------------------------------------ */

/* Creates a session over a transport and takes ownership of it: do not destroy the transport
 * afterwards. Target transports speak Mailbox; MctpVdm gives NotSupported. */
CaliptraError caliptra_session_create_with_protocol(CaliptraTransport *transport,
                                                    CaliptraProtocolType protocol,
                                                    CaliptraSession **session);

/* State if already connected; Transport if the transport cannot connect. */
CaliptraError caliptra_session_connect(CaliptraSession *session);

/* Always Success for a valid session, connected or not. */
CaliptraError caliptra_session_disconnect(CaliptraSession *session);

/* Disconnects and frees the session and the transport it owns. */
CaliptraError caliptra_session_destroy(CaliptraSession *session);

/* ---- commands ------------------------------------------------------------------------------ */

/* Success fills *device_id. State when the session is not connected, Device when the device
 * refused the command, Protocol for a malformed response, Transport for a channel failure. */
CaliptraError caliptra_cmd_get_device_id(CaliptraSession *session, CaliptraDeviceId *device_id);

/* ---- diagnostics --------------------------------------------------------------------------- */

/* Why the last call on this thread failed ("" after a success). Valid until the next call on
 * this thread. */
const char *caliptra_last_error(void);

#ifdef __cplusplus
}
#endif

#endif /* CALIPTRA_UTIL_HOST_H */
