/*
 * The process's one JVM, shared by libcaliptra_util_host.so and libcaliptra_hw_model_c_binding.so
 * (each compiles this file in, with hidden symbols).
 *
 * libjvm is loaded with dlopen rather than linked, so a machine without Java gets a clear error
 * message instead of a loader failure.
 */
#define _GNU_SOURCE
#include "jvm_embed.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CLASSPATH_JAR "caliptra-util-cbinding.jar"
#define MAX_JVM_OPTIONS 32
/* How long to wait for a JVM another thread of this process is creating (JNI_EEXIST). */
#define CONCURRENT_START_WAIT_MS 120000

typedef jint (*create_java_vm_fn)(JavaVM **, void **, void *);
typedef jint (*get_created_java_vms_fn)(JavaVM **, jsize, jsize *);

static pthread_once_t thread_key_once = PTHREAD_ONCE_INIT;
static pthread_key_t detach_key;
static volatile int forked_child;

static void note(char *message, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void note(char *message, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, size, fmt, ap);
    va_end(ap);
}

/* A thread this library attached leaves the JVM when it exits; otherwise the JVM keeps a Thread for it. */
static void detach_at_exit(void *vm)
{
    if (vm != NULL && !forked_child) {
        (*(JavaVM *)vm)->DetachCurrentThread((JavaVM *)vm);
    }
}

static void mark_forked_child(void)
{
    forked_child = 1;
}

static void init_thread_key(void)
{
    pthread_key_create(&detach_key, detach_at_exit);
    pthread_atfork(NULL, NULL, mark_forked_child);
}

int cu_forked(void)
{
    return forked_child;
}

static int readable(const char *path)
{
    return path != NULL && access(path, R_OK) == 0;
}

/* Finds libjvm.so: $CALIPTRA_UTIL_JVM, $JAVA_HOME, then the `java` on PATH. */
static int find_libjvm(const char *who, char *out, size_t size, char *message, size_t message_size)
{
    const char *explicit_jvm = getenv("CALIPTRA_UTIL_JVM");
    if (explicit_jvm != NULL && *explicit_jvm != '\0') {
        if (!readable(explicit_jvm)) {
            note(message, message_size, "%s: CALIPTRA_UTIL_JVM=%s is not a readable libjvm.so", who, explicit_jvm);
            return -1;
        }
        int n = snprintf(out, size, "%s", explicit_jvm);
        return n > 0 && (size_t)n < size ? 0 : -1;
    }
    const char *java_home = getenv("JAVA_HOME");
    if (java_home != NULL && *java_home != '\0') {
        int n = snprintf(out, size, "%s/lib/server/libjvm.so", java_home);
        if (n < 0 || (size_t)n >= size || !readable(out)) {
            note(message, message_size, "%s: no JVM at JAVA_HOME=%s (looked for %s); set JAVA_HOME to a Java 17+ JDK or JRE",
                 who, java_home, out);
            return -1;
        }
        return 0;
    }
    const char *path = getenv("PATH");
    if (path != NULL) {
        char *copy = strdup(path);
        char *save = NULL;
        for (char *dir = copy == NULL ? NULL : strtok_r(copy, ":", &save); dir != NULL; dir = strtok_r(NULL, ":", &save)) {
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
    note(message, message_size, "%s: no JVM found: set JAVA_HOME to a Java 17+ JDK or JRE "
         "(or CALIPTRA_UTIL_JVM to its libjvm.so); no `java` on PATH either", who);
    return -1;
}

/*
 * Finds the bridge jar: $CALIPTRA_UTIL_CLASSPATH, $CALIPTRA_UTIL_HOME/lib, beside the library this
 * code is part of, then (static archives only) the build tree's jar compiled in as
 * CALIPTRA_UTIL_BUILD_CLASSPATH.
 */
static int find_classpath(const char *who, char *out, size_t size, char *message, size_t message_size)
{
    const char *cp = getenv("CALIPTRA_UTIL_CLASSPATH");
    if (cp != NULL && *cp != '\0') {
        char *copy = strdup(cp);
        char *save = NULL;
        for (char *entry = copy == NULL ? NULL : strtok_r(copy, ":", &save); entry != NULL; entry = strtok_r(NULL, ":", &save)) {
            if (!readable(entry)) {
                note(message, message_size, "%s: CALIPTRA_UTIL_CLASSPATH entry %s cannot be read", who, entry);
                free(copy);
                return -1;
            }
        }
        free(copy);
        int n = snprintf(out, size, "%s", cp);
        if (n < 0 || (size_t)n >= size) {
            note(message, message_size, "%s: CALIPTRA_UTIL_CLASSPATH is longer than %zu bytes", who, size - 1);
            return -1;
        }
        return 0;
    }
    const char *home = getenv("CALIPTRA_UTIL_HOME");
    if (home != NULL && *home != '\0') {
        int n = snprintf(out, size, "%s/lib/%s", home, CLASSPATH_JAR);
        if (n < 0 || (size_t)n >= size || !readable(out)) {
            note(message, message_size, "%s: class path not found: CALIPTRA_UTIL_HOME=%s has no lib/%s", who, home, CLASSPATH_JAR);
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
#ifdef CALIPTRA_UTIL_BUILD_CLASSPATH
                n = snprintf(out, size, "%s", CALIPTRA_UTIL_BUILD_CLASSPATH);
                if (n > 0 && (size_t)n < size && readable(out)) {
                    return 0;
                }
#endif
                note(message, message_size, "%s: class path not found: no %s beside the library in %s; "
                     "set CALIPTRA_UTIL_HOME or CALIPTRA_UTIL_CLASSPATH", who, CLASSPATH_JAR, lib);
                return -1;
            }
        }
    }
    note(message, message_size, "%s: class path not found: set CALIPTRA_UTIL_HOME or CALIPTRA_UTIL_CLASSPATH", who);
    return -1;
}

/* Waits (bounded) for the JVM another thread of this process is creating, then joins it. */
static JavaVM *await_created(get_created_java_vms_fn created_vms)
{
    const struct timespec pause = {0, 1000000}; /* 1 ms */
    for (int waited = 0; waited < CONCURRENT_START_WAIT_MS; waited++) {
        JavaVM *vm = NULL;
        jsize count = 0;
        if (created_vms(&vm, 1, &count) == JNI_OK && count > 0) {
            return vm;
        }
        nanosleep(&pause, NULL);
    }
    return NULL;
}

int cu_jvm_start(const char *who, const char *const *options, JavaVM **vm, JNIEnv **env,
                 char *classpath, size_t classpath_size, char *message, size_t message_size)
{
    pthread_once(&thread_key_once, init_thread_key);
    char libjvm[PATH_MAX];
    if (find_libjvm(who, libjvm, sizeof libjvm, message, message_size) != 0
        || find_classpath(who, classpath, classpath_size, message, message_size) != 0) {
        return -1;
    }
    void *handle = dlopen(libjvm, RTLD_NOW | RTLD_GLOBAL);
    if (handle == NULL) {
        note(message, message_size, "%s: cannot load the JVM %s: %s", who, libjvm, dlerror());
        return -1;
    }
    create_java_vm_fn create_vm = (create_java_vm_fn)dlsym(handle, "JNI_CreateJavaVM");
    get_created_java_vms_fn created_vms = (get_created_java_vms_fn)dlsym(handle, "JNI_GetCreatedJavaVMs");
    if (create_vm == NULL || created_vms == NULL) {
        note(message, message_size, "%s: %s is not a JVM library (no JNI_CreateJavaVM)", who, libjvm);
        return -1;
    }

    JavaVM *existing = NULL;
    jsize count = 0;
    if (created_vms(&existing, 1, &count) != JNI_OK || count == 0) {
        JavaVMOption jvm_options[MAX_JVM_OPTIONS];
        int n = 0;
        static char cp_option[CU_CLASSPATH_SIZE + 32];
        snprintf(cp_option, sizeof cp_option, "-Djava.class.path=%s", classpath);
        jvm_options[n++].optionString = cp_option;
        for (const char *const *o = options; o != NULL && *o != NULL && n < MAX_JVM_OPTIONS; o++) {
            jvm_options[n++].optionString = (char *)*o;
        }
        static char extra[4096];
        const char *user = getenv("CALIPTRA_UTIL_JVM_OPTIONS");
        if (user != NULL) {
            snprintf(extra, sizeof extra, "%s", user);
            char *save = NULL;
            for (char *opt = strtok_r(extra, " ", &save); opt != NULL && n < MAX_JVM_OPTIONS; opt = strtok_r(NULL, " ", &save)) {
                jvm_options[n++].optionString = opt;
            }
        }
        for (int i = 0; i < n; i++) {
            jvm_options[i].extraInfo = NULL;
        }
        JavaVMInitArgs args;
        args.version = JNI_VERSION_10;
        args.nOptions = n;
        args.options = jvm_options;
        args.ignoreUnrecognized = JNI_FALSE;
        JNIEnv *created_env = NULL;
        jint rc = create_vm(vm, (void **)&created_env, &args);
        if (rc == JNI_OK) {
            *env = created_env;
            return 0;
        }
        if (rc != JNI_EEXIST) {
            *vm = NULL;
            note(message, message_size, "%s: JNI_CreateJavaVM failed with %d using %s "
                 "(Java 17+ needed; check CALIPTRA_UTIL_JVM_OPTIONS)", who, (int)rc, libjvm);
            return -1;
        }
        /* The other caliptra-util library (or anyone) is creating it on another thread right now. */
        existing = await_created(created_vms);
        if (existing == NULL) {
            note(message, message_size, "%s: another thread's JVM start did not finish within %d s",
                 who, CONCURRENT_START_WAIT_MS / 1000);
            return -1;
        }
    }
    /* Loaded into a process that already runs Java: join it. */
    *vm = existing;
    *env = cu_jvm_env(existing);
    if (*env == NULL) {
        note(message, message_size, "%s: cannot attach to the running JVM", who);
        return -1;
    }
    return 0;
}

JNIEnv *cu_jvm_env(JavaVM *vm)
{
    JNIEnv *env = NULL;
    jint rc = (*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_10);
    if (rc == JNI_OK) {
        return env;
    }
    if (rc != JNI_EDETACHED) {
        return NULL;
    }
    pthread_once(&thread_key_once, init_thread_key);
    if ((*vm)->AttachCurrentThreadAsDaemon(vm, (void **)&env, NULL) != JNI_OK) {
        return NULL;
    }
    pthread_setspecific(detach_key, vm);
    return env;
}

void cu_exception_text(JNIEnv *env, char *out, size_t size)
{
    jthrowable ex = (*env)->ExceptionOccurred(env);
    (*env)->ExceptionClear(env);
    jstring text = NULL;
    if (ex != NULL) {
        jclass object = (*env)->FindClass(env, "java/lang/Object");
        jmethodID to_string = object == NULL ? NULL : (*env)->GetMethodID(env, object, "toString", "()Ljava/lang/String;");
        if (to_string != NULL) {
            text = (jstring)(*env)->CallObjectMethod(env, ex, to_string);
        }
        (*env)->ExceptionClear(env);
    }
    const char *chars = text != NULL ? (*env)->GetStringUTFChars(env, text, NULL) : NULL;
    snprintf(out, size, "%s", chars != NULL ? chars : "unknown error");
    if (chars != NULL) {
        (*env)->ReleaseStringUTFChars(env, text, chars);
    }
    (*env)->ExceptionClear(env);
}
