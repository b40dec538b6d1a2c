/*
 * C entry points of libcaliptra_util_host: start (once) an embedded JVM through the JNI invocation
 * API and forward every call to org.caliptra.util.cbinding.NativeBridge, pointers as numbers (the
 * bridge reads and writes the structs behind them through JNA).
 *
 * Argument checks that need no device (NULL pointers) are made here, so they answer even without a
 * JVM. Finding and starting the JVM is jvm_embed.c's, shared with libcaliptra_hw_model_c_binding so
 * both libraries can live in one process on one JVM.
 */
#define _GNU_SOURCE
#include "caliptra_util_host.h"
#include "jvm_embed.h"

#include <jni.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BRIDGE_CLASS "org/caliptra/util/cbinding/NativeBridge"
#define MESSAGE_SIZE CU_MESSAGE_SIZE

/* A C pointer (or size) as the bridge takes it. */
#define P(x) ((jlong)(uintptr_t)(x))

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static JavaVM *jvm;
static jclass bridge;
static CaliptraError init_status = Unknown;
static char init_message[MESSAGE_SIZE];

static jmethodID m_transport_from_uri;
static jmethodID m_transport_from_vtable;
static jmethodID m_transport_from_driver;
static jmethodID m_transport_destroy;
static jmethodID m_session_create;
static jmethodID m_session_connect;
static jmethodID m_session_disconnect;
static jmethodID m_session_destroy;
static jmethodID m_config_default;
static jmethodID m_session_get_config;
static jmethodID m_session_get_state;
static jmethodID m_session_get_statistics;
static jmethodID m_execute;
static jmethodID m_command_sizes;
static jmethodID m_last_error;
static jmethodID m_last_device_error;

static __thread char last_error[MESSAGE_SIZE];
static __thread uint32_t last_device_error;

static void set_last_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void set_last_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    last_device_error = 0;
}

static void set_init_error(CaliptraError status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void set_init_error(CaliptraError status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(init_message, sizeof init_message, fmt, ap);
    va_end(ap);
    init_status = status;
}

/* Describes and clears a pending Java exception into init_message. */
static void exception_to_init_error(JNIEnv *env, const char *what)
{
    char detail[MESSAGE_SIZE];
    cu_exception_text(env, detail, sizeof detail);
    set_init_error(IO, "caliptra_util_host: %s: %s", what, detail);
}

static int lookup(JNIEnv *env, jmethodID *out, const char *name, const char *signature)
{
    *out = (*env)->GetStaticMethodID(env, bridge, name, signature);
    if (*out == NULL) {
        exception_to_init_error(env, "the bridge class does not match this library");
        return -1;
    }
    return 0;
}

static void start_jvm(void)
{
    /* Leave the host program's signals (SIGINT, SIGTERM, ...) alone. */
    static const char *const options[] = {"-Xrs", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", NULL};
    char classpath[CU_CLASSPATH_SIZE];
    JNIEnv *env = NULL;
    if (cu_jvm_start("caliptra_util_host", options, &jvm, &env, classpath, sizeof classpath, init_message,
                     sizeof init_message) != 0) {
        init_status = IO;
        return;
    }

    jclass local = (*env)->FindClass(env, BRIDGE_CLASS);
    if (local == NULL) {
        char what[sizeof classpath + 128];
        if (snprintf(what, sizeof what, "cannot load %s from class path %s", BRIDGE_CLASS, classpath) < 0) {
            what[0] = '\0';
        }
        exception_to_init_error(env, what);
        return;
    }
    bridge = (jclass)(*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    if (lookup(env, &m_transport_from_uri, "transportFromUri", "(JJJ)I") != 0
        || lookup(env, &m_transport_from_vtable, "transportFromVTable", "(JJJ)I") != 0
        || lookup(env, &m_transport_from_driver, "transportFromMailboxDriver", "(JJ)I") != 0
        || lookup(env, &m_transport_destroy, "transportDestroy", "(J)I") != 0
        || lookup(env, &m_session_create, "sessionCreate", "(JIJJ)I") != 0
        || lookup(env, &m_session_connect, "sessionConnect", "(J)I") != 0
        || lookup(env, &m_session_disconnect, "sessionDisconnect", "(J)I") != 0
        || lookup(env, &m_session_destroy, "sessionDestroy", "(J)I") != 0
        || lookup(env, &m_config_default, "configDefault", "(J)I") != 0
        || lookup(env, &m_session_get_config, "sessionGetConfig", "(JJ)I") != 0
        || lookup(env, &m_session_get_state, "sessionGetState", "(JJ)I") != 0
        || lookup(env, &m_session_get_statistics, "sessionGetStatistics", "(JJ)I") != 0
        || lookup(env, &m_execute, "execute", "(JIJJJJJ)I") != 0
        || lookup(env, &m_command_sizes, "commandSizes", "(IJJ)I") != 0
        || lookup(env, &m_last_error, "lastError", "()Ljava/lang/String;") != 0
        || lookup(env, &m_last_device_error, "lastDeviceError", "()I") != 0) {
        return;
    }
    init_status = Success;
}

/* The JNIEnv of the calling thread (attaching it if needed), or NULL with last_error set. */
static JNIEnv *java(CaliptraError *status)
{
    pthread_once(&init_once, start_jvm);
    if (init_status != Success) {
        set_last_error("%s", init_message);
        *status = init_status;
        return NULL;
    }
    if (cu_forked()) {
        set_last_error("caliptra_util_host: the JVM does not survive fork(): this child process cannot use the library");
        *status = IO;
        return NULL;
    }
    JNIEnv *env = cu_jvm_env(jvm);
    if (env == NULL) {
        set_last_error("caliptra_util_host: cannot attach this thread to the JVM");
        *status = Unknown;
        return NULL;
    }
    return env;
}

/* Copies the bridge's account of this thread's failure into last_error / last_device_error. */
static CaliptraError finish(JNIEnv *env, jint rc)
{
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
        set_last_error("caliptra_util_host: unexpected Java exception in the bridge");
        return Unknown;
    }
    last_error[0] = '\0';
    last_device_error = 0;
    if (rc != Success) {
        jstring message = (jstring)(*env)->CallStaticObjectMethod(env, bridge, m_last_error);
        if (message != NULL) {
            const char *chars = (*env)->GetStringUTFChars(env, message, NULL);
            if (chars != NULL) {
                snprintf(last_error, sizeof last_error, "%s", chars);
                (*env)->ReleaseStringUTFChars(env, message, chars);
            }
            (*env)->DeleteLocalRef(env, message);
        }
        (*env)->ExceptionClear(env);
        last_device_error = (uint32_t)(*env)->CallStaticIntMethod(env, bridge, m_last_device_error);
        (*env)->ExceptionClear(env);
    }
    return (CaliptraError)rc;
}

/* Calls a static int method of the bridge with the given (jlong / jint) arguments. */
static CaliptraError invoke(jmethodID *method, ...)
{
    CaliptraError status;
    JNIEnv *env = java(&status);
    if (env == NULL) {
        return status;
    }
    va_list ap;
    va_start(ap, method);
    jint rc = (*env)->CallStaticIntMethodV(env, bridge, *method, ap);
    va_end(ap);
    return finish(env, rc);
}

#define REQUIRE(pointer, what)                          \
    do {                                                \
        if ((pointer) == NULL) {                        \
            set_last_error("%s is NULL", what);         \
            return InvalidArgument;                     \
        }                                               \
    } while (0)

/* ---- transports -------------------------------------------------------------------------------- */

CaliptraError caliptra_transport_create_from_uri(const char *uri, const CaliptraTargetOptions *options,
                                                 CaliptraTransport **transport)
{
    REQUIRE(transport, "transport out-pointer");
    *transport = NULL;
    return invoke(&m_transport_from_uri, P(uri), P(options), P(transport));
}

CaliptraError caliptra_transport_create_from_target(const char *target_uri, CaliptraTransport **transport)
{
    return caliptra_transport_create_from_uri(target_uri, NULL, transport);
}

CaliptraError caliptra_transport_create_emulator(CaliptraTransport **transport)
{
    return caliptra_transport_create_from_uri("emulator", NULL, transport);
}

CaliptraError caliptra_transport_create_from_c_vtable(const CTransportVTable *vtable, void *context,
                                                      CaliptraTransport **transport)
{
    REQUIRE(vtable, "vtable");
    REQUIRE(transport, "transport out-pointer");
    *transport = NULL;
    return invoke(&m_transport_from_vtable, P(vtable), P(context), P(transport));
}

CaliptraError caliptra_transport_create_from_c_mailbox_driver(CMailboxDriver *c_driver, CaliptraTransport **transport)
{
    REQUIRE(c_driver, "c_driver");
    REQUIRE(transport, "transport out-pointer");
    *transport = NULL;
    return invoke(&m_transport_from_driver, P(c_driver), P(transport));
}

CaliptraError caliptra_transport_destroy(CaliptraTransport *transport)
{
    REQUIRE(transport, "transport");
    return invoke(&m_transport_destroy, P(transport));
}

/* ---- sessions ---------------------------------------------------------------------------------- */

CaliptraError caliptra_session_create_with_config(CaliptraTransport *transport, CaliptraProtocolType protocol,
                                                  const CaliptraSessionConfig *config, CaliptraSession **session)
{
    REQUIRE(transport, "transport");
    REQUIRE(session, "session out-pointer");
    *session = NULL;
    return invoke(&m_session_create, P(transport), (jint)protocol, P(config), P(session));
}

CaliptraError caliptra_session_create_with_protocol(CaliptraTransport *transport, CaliptraProtocolType protocol,
                                                    CaliptraSession **session)
{
    return caliptra_session_create_with_config(transport, protocol, NULL, session);
}

CaliptraError caliptra_session_connect(CaliptraSession *session)
{
    REQUIRE(session, "session");
    return invoke(&m_session_connect, P(session));
}

CaliptraError caliptra_session_disconnect(CaliptraSession *session)
{
    REQUIRE(session, "session");
    return invoke(&m_session_disconnect, P(session));
}

CaliptraError caliptra_session_destroy(CaliptraSession *session)
{
    REQUIRE(session, "session");
    return invoke(&m_session_destroy, P(session));
}

CaliptraError caliptra_session_config_default(CaliptraSessionConfig *config)
{
    REQUIRE(config, "config");
    return invoke(&m_config_default, P(config));
}

CaliptraError caliptra_session_get_config(CaliptraSession *session, CaliptraSessionConfig *config)
{
    REQUIRE(session, "session");
    REQUIRE(config, "config");
    return invoke(&m_session_get_config, P(session), P(config));
}

CaliptraError caliptra_session_get_state(CaliptraSession *session, CaliptraSessionState *state)
{
    REQUIRE(session, "session");
    REQUIRE(state, "state");
    int32_t value = 0;
    CaliptraError rc = invoke(&m_session_get_state, P(session), P(&value));
    if (rc == Success) {
        *state = (CaliptraSessionState)value;
    }
    return rc;
}

CaliptraError caliptra_session_get_statistics(CaliptraSession *session, CaliptraSessionStatistics *statistics)
{
    REQUIRE(session, "session");
    REQUIRE(statistics, "statistics");
    return invoke(&m_session_get_statistics, P(session), P(statistics));
}

/* ---- commands ---------------------------------------------------------------------------------- */

CaliptraError caliptra_cmd_execute(CaliptraSession *session, uint32_t command_id, const void *request,
                                   size_t request_len, void *response, size_t response_capacity, size_t *response_len)
{
    REQUIRE(session, "session");
    REQUIRE(response, "response");
    if (request == NULL && request_len != 0) {
        set_last_error("request is NULL but request_len is %zu", request_len);
        return InvalidArgument;
    }
    return invoke(&m_execute, P(session), (jint)command_id, P(request), P(request_len), P(response),
                  P(response_capacity), P(response_len));
}

/* A typed wrapper's call: its NULL checks name the function. */
static CaliptraError command(CaliptraSession *session, uint32_t id, const char *function, const void *request,
                             size_t request_len, void *response, size_t response_len)
{
    if (session == NULL || (request == NULL && request_len != 0) || response == NULL) {
        set_last_error("%s: %s is NULL", function, session == NULL ? "session" : response == NULL ? "response" : "request");
        return InvalidArgument;
    }
    return invoke(&m_execute, P(session), (jint)id, P(request), P(request_len), P(response), P(response_len), P(NULL));
}

#define DEFINE_REQ(function, id, Name)                                                                          \
    CaliptraError function(CaliptraSession *session, const Caliptra##Name##Request *request,                   \
                           Caliptra##Name##Response *response)                                                 \
    {                                                                                                           \
        return command(session, id, #function, request, sizeof *request, response, sizeof *response);          \
    }
#define DEFINE_NOREQ(function, id, Name)                                                                        \
    CaliptraError function(CaliptraSession *session, Caliptra##Name##Response *response)                       \
    {                                                                                                           \
        return command(session, id, #function, NULL, 0, response, sizeof *response);                           \
    }
CALIPTRA_UTIL_COMMANDS(DEFINE_REQ, DEFINE_NOREQ)

CaliptraError caliptra_cmd_get_device_id(CaliptraSession *session, CaliptraDeviceId *device_id)
{
    if (session == NULL || device_id == NULL) {
        set_last_error("%s is NULL", session == NULL ? "session" : "device_id");
        return InvalidArgument;
    }
    CaliptraGetDeviceIdResponse response;
    CaliptraError rc = command(session, CALIPTRA_CMD_GET_DEVICE_ID, "caliptra_cmd_get_device_id", NULL, 0, &response,
                               sizeof response);
    if (rc == Success) {
        device_id->vendor_id = response.vendor_id;
        device_id->device_id = response.device_id;
        device_id->subsystem_vendor_id = response.subsystem_vendor_id;
        device_id->subsystem_id = response.subsystem_id;
    }
    return rc;
}

/* The reference reports every failure of a command as Device. */
static CaliptraError as_reference(CaliptraError rc)
{
    return rc == Success || rc == InvalidArgument || rc == IO ? rc : Device;
}

CaliptraError caliptra_cmd_get_device_capabilities_c_impl(CaliptraSession *session_ptr,
                                                          GetDeviceCapabilitiesResponse *capabilities)
{
    return as_reference(caliptra_cmd_get_device_capabilities(session_ptr, capabilities));
}

CaliptraError caliptra_cmd_get_firmware_version_c_impl(CaliptraSession *session_ptr, uint32_t index,
                                                       GetFirmwareVersionResponse *firmware_version)
{
    CaliptraGetFirmwareVersionRequest request = {index};
    return as_reference(caliptra_cmd_get_firmware_version(session_ptr, &request, firmware_version));
}

CaliptraError caliptra_command_sizes(uint32_t command_id, size_t *request_size, size_t *response_size)
{
    return invoke(&m_command_sizes, (jint)command_id, P(request_size), P(response_size));
}

/* ---- diagnostics ------------------------------------------------------------------------------- */

const char *caliptra_last_error_message(void)
{
    return last_error;
}

const char *caliptra_last_error(void)
{
    return last_error;
}

uint32_t caliptra_last_device_error(void)
{
    return last_device_error;
}
