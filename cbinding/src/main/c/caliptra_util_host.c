/*
 * C entry points of libcaliptra_util_host.so: start (once) an embedded JVM through the JNI
 * invocation API and forward every call to org.caliptra.util.cbinding.NativeBridge.
 *
 * Finding and starting the JVM is jvm_embed.c's, shared with libcaliptra_hw_model_c_binding.so so
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

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static JavaVM *jvm;
static jclass bridge;
static CaliptraError init_status = Unknown;
static char init_message[MESSAGE_SIZE];

static jmethodID m_transport_create;
static jmethodID m_transport_destroy;
static jmethodID m_session_create;
static jmethodID m_session_connect;
static jmethodID m_session_disconnect;
static jmethodID m_session_destroy;
static jmethodID m_get_device_id;
static jmethodID m_last_error;

static __thread char last_error[MESSAGE_SIZE];

static void set_last_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
}

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
    if (lookup(env, &m_transport_create, "transportCreate", "(Ljava/lang/String;[J)I") != 0
        || lookup(env, &m_transport_destroy, "transportDestroy", "(J)I") != 0
        || lookup(env, &m_session_create, "sessionCreate", "(JI[J)I") != 0
        || lookup(env, &m_session_connect, "sessionConnect", "(J)I") != 0
        || lookup(env, &m_session_disconnect, "sessionDisconnect", "(J)I") != 0
        || lookup(env, &m_session_destroy, "sessionDestroy", "(J)I") != 0
        || lookup(env, &m_get_device_id, "getDeviceId", "(J[I)I") != 0
        || lookup(env, &m_last_error, "lastError", "()Ljava/lang/String;") != 0) {
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

/* Copies the bridge's message for this thread into last_error. */
static CaliptraError finish(JNIEnv *env, jint rc)
{
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
        set_last_error("caliptra_util_host: unexpected Java exception in the bridge");
        return Unknown;
    }
    last_error[0] = '\0';
    if (rc != Success) {
        jstring message = (jstring)(*env)->CallStaticObjectMethod(env, bridge, m_last_error);
        if (message != NULL) {
            const char *chars = (*env)->GetStringUTFChars(env, message, NULL);
            if (chars != NULL) {
                set_last_error("%s", chars);
                (*env)->ReleaseStringUTFChars(env, message, chars);
            }
            (*env)->DeleteLocalRef(env, message);
        }
        (*env)->ExceptionClear(env);
    }
    return (CaliptraError)rc;
}

static jlong handle_of(const void *pointer)
{
    return (jlong)(uintptr_t)pointer;
}

static CaliptraError call_on_handle(jmethodID method, const void *handle, const char *what)
{
    if (handle == NULL) {
        set_last_error("%s is NULL", what);
        return InvalidArgument;
    }
    CaliptraError status;
    JNIEnv *env = java(&status);
    if (env == NULL) {
        return status;
    }
    jint rc = (*env)->CallStaticIntMethod(env, bridge, method, handle_of(handle));
    return finish(env, rc);
}

/* Runs a bridge method that returns a handle through a long[1]. */
static CaliptraError create_handle(JNIEnv *env, jint rc, jlongArray out, void **result)
{
    CaliptraError status = finish(env, rc);
    if (status == Success) {
        jlong value = 0;
        (*env)->GetLongArrayRegion(env, out, 0, 1, &value);
        *result = (void *)(uintptr_t)value;
    }
    (*env)->DeleteLocalRef(env, out);
    return status;
}

CaliptraError caliptra_transport_create_from_target(const char *target_uri, CaliptraTransport **transport)
{
    if (transport == NULL) {
        set_last_error("transport out-pointer is NULL");
        return InvalidArgument;
    }
    *transport = NULL;
    CaliptraError status;
    JNIEnv *env = java(&status);
    if (env == NULL) {
        return status;
    }
    jstring uri = NULL;
    if (target_uri != NULL) {
        uri = (*env)->NewStringUTF(env, target_uri);
        if (uri == NULL) {
            (*env)->ExceptionClear(env);
            set_last_error("target URI is not valid modified UTF-8");
            return InvalidArgument;
        }
    }
    jlongArray out = (*env)->NewLongArray(env, 1);
    if (out == NULL) {
        (*env)->ExceptionClear(env);
        set_last_error("out of memory");
        return Memory;
    }
    jint rc = (*env)->CallStaticIntMethod(env, bridge, m_transport_create, uri, out);
    if (uri != NULL) {
        (*env)->DeleteLocalRef(env, uri);
    }
    return create_handle(env, rc, out, (void **)transport);
}

CaliptraError caliptra_transport_create_emulator(CaliptraTransport **transport)
{
    return caliptra_transport_create_from_target("emulator", transport);
}

CaliptraError caliptra_transport_destroy(CaliptraTransport *transport)
{
    return call_on_handle(m_transport_destroy, transport, "transport");
}

CaliptraError caliptra_session_create_with_protocol(CaliptraTransport *transport, CaliptraProtocolType protocol,
                                                    CaliptraSession **session)
{
    if (transport == NULL || session == NULL) {
        set_last_error("%s is NULL", transport == NULL ? "transport" : "session out-pointer");
        return InvalidArgument;
    }
    *session = NULL;
    CaliptraError status;
    JNIEnv *env = java(&status);
    if (env == NULL) {
        return status;
    }
    jlongArray out = (*env)->NewLongArray(env, 1);
    if (out == NULL) {
        (*env)->ExceptionClear(env);
        set_last_error("out of memory");
        return Memory;
    }
    jint rc = (*env)->CallStaticIntMethod(env, bridge, m_session_create, handle_of(transport), (jint)protocol, out);
    return create_handle(env, rc, out, (void **)session);
}

CaliptraError caliptra_session_connect(CaliptraSession *session)
{
    return call_on_handle(m_session_connect, session, "session");
}

CaliptraError caliptra_session_disconnect(CaliptraSession *session)
{
    return call_on_handle(m_session_disconnect, session, "session");
}

CaliptraError caliptra_session_destroy(CaliptraSession *session)
{
    return call_on_handle(m_session_destroy, session, "session");
}

CaliptraError caliptra_cmd_get_device_id(CaliptraSession *session, CaliptraDeviceId *device_id)
{
    if (session == NULL || device_id == NULL) {
        set_last_error("%s is NULL", session == NULL ? "session" : "device_id");
        return InvalidArgument;
    }
    CaliptraError status;
    JNIEnv *env = java(&status);
    if (env == NULL) {
        return status;
    }
    jintArray out = (*env)->NewIntArray(env, 4);
    if (out == NULL) {
        (*env)->ExceptionClear(env);
        set_last_error("out of memory");
        return Memory;
    }
    jint rc = (*env)->CallStaticIntMethod(env, bridge, m_get_device_id, handle_of(session), out);
    status = finish(env, rc);
    if (status == Success) {
        jint ids[4];
        (*env)->GetIntArrayRegion(env, out, 0, 4, ids);
        device_id->vendor_id = (uint16_t)ids[0];
        device_id->device_id = (uint16_t)ids[1];
        device_id->subsystem_vendor_id = (uint16_t)ids[2];
        device_id->subsystem_id = (uint16_t)ids[3];
    }
    (*env)->DeleteLocalRef(env, out);
    return status;
}

const char *caliptra_last_error(void)
{
    return last_error;
}
