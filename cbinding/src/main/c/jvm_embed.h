/*
 * jvm_embed.h - internal to the caliptra-util C libraries (not installed): the one JVM of the
 * process, found and started by whichever library needs it first and joined by the other.
 *
 * Every symbol is hidden, so each library carries its own copy and neither interposes on the
 * other; they meet only in the JVM, which JNI_GetCreatedJavaVMs finds.
 */
#ifndef CALIPTRA_JVM_EMBED_H
#define CALIPTRA_JVM_EMBED_H

#include <jni.h>
#include <stddef.h>

#define CU_INTERNAL __attribute__((visibility("hidden")))
#define CU_MESSAGE_SIZE 2048
#define CU_CLASSPATH_SIZE 8192

/*
 * Finds libjvm and the bridge's class path, then joins the JVM already running in this process or
 * starts one with `options` (NULL-terminated) followed by $CALIPTRA_UTIL_JVM_OPTIONS. On success
 * returns 0 with the JVM, the calling thread's JNIEnv and the class path; on failure -1 with a
 * message that starts with `who`. Call once (under the library's pthread_once).
 */
CU_INTERNAL int cu_jvm_start(const char *who, const char *const *options, JavaVM **vm, JNIEnv **env,
                             char *classpath, size_t classpath_size, char *message, size_t message_size);

/*
 * The calling thread's JNIEnv. A thread the JVM does not know yet is attached as a daemon (so it
 * never keeps the JVM alive) and detached again when it exits. NULL if it cannot be attached.
 */
CU_INTERNAL JNIEnv *cu_jvm_env(JavaVM *vm);

/* Clears the pending Java exception, if any, and writes its toString() (or "unknown error") to out. */
CU_INTERNAL void cu_exception_text(JNIEnv *env, char *out, size_t size);

/* Non-zero in a child made by fork() after the JVM started here: the JVM's threads stayed behind. */
CU_INTERNAL int cu_forked(void);

#endif /* CALIPTRA_JVM_EMBED_H */
