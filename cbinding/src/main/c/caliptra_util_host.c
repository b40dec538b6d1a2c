/*
 * C entry points of libcaliptra_util_host.so: start (once) an embedded JVM through the JNI
 * invocation API and forward every call to org.caliptra.util.cbinding.NativeBridge.
 *
 * libjvm is loaded with dlopen rather than linked, so a machine without Java gets a clear
 * error from caliptra_last_error() instead of a loader failure.
 */
#define _GNU_SOURCE
#include "caliptra_util_host.h"

#include <dlfcn.h>
#include <errno.h>
#include <jni.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BRIDGE_CLASS "org/caliptra/util/cbinding/NativeBridge"
#define CLASSPATH_JAR "caliptra-util-cbinding.jar"
#define MESSAGE_SIZE 2048
#define MAX_JVM_OPTIONS 32

typedef jint (*create_java_vm_fn)(JavaVM **, void **, void *);
typedef jint (*get_created_java_vms_fn)(JavaVM **, jsize, jsize *);

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

static int readable(const char *path)
{
    return path != NULL && access(path, R_OK) == 0;
}

/* Finds libjvm.so: $CALIPTRA_UTIL_JVM, $JAVA_HOME, then the `java` on PATH. */
static int find_libjvm(char *out, size_t size)
{
    const char *explicit_jvm = getenv("CALIPTRA_UTIL_JVM");
    if (explicit_jvm != NULL && *explicit_jvm != '\0') {
        if (!readable(explicit_jvm)) {
            set_init_error(IO, "caliptra_util_host: CALIPTRA_UTIL_JVM=%s is not a readable libjvm.so", explicit_jvm);
            return -1;
        }
        int n = snprintf(out, size, "%s", explicit_jvm);
        return n > 0 && (size_t)n < size ? 0 : -1;
    }
    const char *java_home = getenv("JAVA_HOME");
    if (java_home != NULL && *java_home != '\0') {
        int n = snprintf(out, size, "%s/lib/server/libjvm.so", java_home);
        if (n < 0 || (size_t)n >= size || !readable(out)) {
            set_init_error(IO, "caliptra_util_host: no JVM at JAVA_HOME=%s (looked for %s); "
                           "set JAVA_HOME to a Java 17+ JDK or JRE", java_home, out);
            return -1;
        }
        return 0;
    }
    const char *path = getenv("PATH");
    if (path != NULL) {
        char *copy = strdup(path);
        char *save = NULL;
        for (char *dir = strtok_r(copy, ":", &save); dir != NULL; dir = strtok_r(NULL, ":", &save)) {
            char candidate[PATH_MAX];
            char resolved[PATH_MAX];
            snprintf(candidate, sizeof candidate, "%s/java", dir);
            if (access(candidate, X_OK) != 0 || realpath(candidate, resolved) == NULL) {
                continue;
            }
            char *slash = strrchr(resolved, '/'); /* .../bin/java -> .../bin */
            if (slash != NULL) {
                *slash = '\0';
                slash = strrchr(resolved, '/'); /* .../bin -> JDK home */
            }
            if (slash != NULL) {
                *slash = '\0';
                int n = snprintf(out, size, "%s/lib/server/libjvm.so", resolved);
                if (n > 0 && (size_t)n < size && readable(out)) {
                    free(copy);
                    return 0;
                }
            }
        }
        free(copy);
    }
    set_init_error(IO, "caliptra_util_host: no JVM found: set JAVA_HOME to a Java 17+ JDK or JRE "
                   "(or CALIPTRA_UTIL_JVM to its libjvm.so); no `java` on PATH either");
    return -1;
}

/* Finds the bridge jar: $CALIPTRA_UTIL_CLASSPATH, $CALIPTRA_UTIL_HOME/lib, then beside this library. */
static int find_classpath(char *out, size_t size)
{
    const char *cp = getenv("CALIPTRA_UTIL_CLASSPATH");
    if (cp != NULL && *cp != '\0') {
        char *copy = strdup(cp);
        char *save = NULL;
        for (char *entry = strtok_r(copy, ":", &save); entry != NULL; entry = strtok_r(NULL, ":", &save)) {
            if (!readable(entry)) {
                set_init_error(IO, "caliptra_util_host: CALIPTRA_UTIL_CLASSPATH entry %s cannot be read", entry);
                free(copy);
                return -1;
            }
        }
        free(copy);
        int n = snprintf(out, size, "%s", cp);
        if (n < 0 || (size_t)n >= size) {
            set_init_error(IO, "caliptra_util_host: CALIPTRA_UTIL_CLASSPATH is longer than %zu bytes", size - 1);
            return -1;
        }
        return 0;
    }
    const char *home = getenv("CALIPTRA_UTIL_HOME");
    if (home != NULL && *home != '\0') {
        int n = snprintf(out, size, "%s/lib/%s", home, CLASSPATH_JAR);
        if (n < 0 || (size_t)n >= size || !readable(out)) {
            set_init_error(IO, "caliptra_util_host: class path not found: CALIPTRA_UTIL_HOME=%s has no lib/%s",
                           home, CLASSPATH_JAR);
            return -1;
        }
        return 0;
    }
    Dl_info info;
    if (dladdr((void *)&find_classpath, &info) != 0 && info.dli_fname != NULL) {
        char lib[PATH_MAX];
        if (realpath(info.dli_fname, lib) != NULL) {
            char *slash = strrchr(lib, '/');
            if (slash != NULL) {
                *slash = '\0';
                int n = snprintf(out, size, "%s/%s", lib, CLASSPATH_JAR);
                if (n > 0 && (size_t)n < size && readable(out)) {
                    return 0;
                }
                set_init_error(IO, "caliptra_util_host: class path not found: no %s beside the library in %s; "
                               "set CALIPTRA_UTIL_HOME or CALIPTRA_UTIL_CLASSPATH", CLASSPATH_JAR, lib);
                return -1;
            }
        }
    }
    set_init_error(IO, "caliptra_util_host: class path not found: set CALIPTRA_UTIL_HOME or CALIPTRA_UTIL_CLASSPATH");
    return -1;
}

/* Describes and clears a pending Java exception into init_message. */
static void exception_to_init_error(JNIEnv *env, const char *what)
{
    jthrowable ex = (*env)->ExceptionOccurred(env);
    (*env)->ExceptionClear(env);
    const char *detail = "unknown error";
    jstring text = NULL;
    if (ex != NULL) {
        jclass object = (*env)->FindClass(env, "java/lang/Object");
        jmethodID to_string = (*env)->GetMethodID(env, object, "toString", "()Ljava/lang/String;");
        text = (jstring)(*env)->CallObjectMethod(env, ex, to_string);
        (*env)->ExceptionClear(env);
    }
    const char *chars = text != NULL ? (*env)->GetStringUTFChars(env, text, NULL) : NULL;
    if (chars != NULL) {
        detail = chars;
    }
    set_init_error(IO, "caliptra_util_host: %s: %s", what, detail);
    if (chars != NULL) {
        (*env)->ReleaseStringUTFChars(env, text, chars);
    }
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
    char libjvm[PATH_MAX];
    char classpath[8192];
    if (find_libjvm(libjvm, sizeof libjvm) != 0 || find_classpath(classpath, sizeof classpath) != 0) {
        return;
    }
    void *handle = dlopen(libjvm, RTLD_NOW | RTLD_GLOBAL);
    if (handle == NULL) {
        set_init_error(IO, "caliptra_util_host: cannot load the JVM %s: %s", libjvm, dlerror());
        return;
    }
    create_java_vm_fn create_vm = (create_java_vm_fn)dlsym(handle, "JNI_CreateJavaVM");
    get_created_java_vms_fn created_vms = (get_created_java_vms_fn)dlsym(handle, "JNI_GetCreatedJavaVMs");
    if (create_vm == NULL || created_vms == NULL) {
        set_init_error(IO, "caliptra_util_host: %s is not a JVM library (no JNI_CreateJavaVM)", libjvm);
        return;
    }

    JNIEnv *env = NULL;
    JavaVM *existing = NULL;
    jsize count = 0;
    if (created_vms(&existing, 1, &count) == JNI_OK && count > 0) {
        /* Loaded into a process that already runs Java: join it. */
        jvm = existing;
        if ((*jvm)->AttachCurrentThreadAsDaemon(jvm, (void **)&env, NULL) != JNI_OK) {
            set_init_error(IO, "caliptra_util_host: cannot attach to the running JVM");
            return;
        }
    } else {
        JavaVMOption options[MAX_JVM_OPTIONS];
        int n = 0;
        static char cp_option[8192 + 32];
        snprintf(cp_option, sizeof cp_option, "-Djava.class.path=%s", classpath);
        options[n++].optionString = cp_option;
        /* Leave the host program's signals (SIGINT, SIGTERM, ...) alone. */
        options[n++].optionString = "-Xrs";
        options[n++].optionString = "-XX:+UseSerialGC";
        options[n++].optionString = "-XX:TieredStopAtLevel=1";
        static char extra[4096];
        const char *user = getenv("CALIPTRA_UTIL_JVM_OPTIONS");
        if (user != NULL) {
            snprintf(extra, sizeof extra, "%s", user);
            char *save = NULL;
            for (char *opt = strtok_r(extra, " ", &save); opt != NULL && n < MAX_JVM_OPTIONS;
                 opt = strtok_r(NULL, " ", &save)) {
                options[n++].optionString = opt;
            }
        }
        for (int i = 0; i < n; i++) {
            options[i].extraInfo = NULL;
        }
        JavaVMInitArgs args;
        args.version = JNI_VERSION_10;
        args.nOptions = n;
        args.options = options;
        args.ignoreUnrecognized = JNI_FALSE;
        jint rc = create_vm(&jvm, (void **)&env, &args);
        if (rc != JNI_OK) {
            jvm = NULL;
            set_init_error(IO, "caliptra_util_host: JNI_CreateJavaVM failed with %d using %s "
                           "(Java 17+ needed; check CALIPTRA_UTIL_JVM_OPTIONS)", (int)rc, libjvm);
            return;
        }
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
    JNIEnv *env = NULL;
    jint rc = (*jvm)->GetEnv(jvm, (void **)&env, JNI_VERSION_10);
    if (rc == JNI_EDETACHED) {
        rc = (*jvm)->AttachCurrentThreadAsDaemon(jvm, (void **)&env, NULL);
    }
    if (rc != JNI_OK || env == NULL) {
        set_last_error("caliptra_util_host: cannot attach this thread to the JVM (%d)", (int)rc);
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
