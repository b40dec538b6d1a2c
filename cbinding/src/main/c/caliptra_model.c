/*
 * C entry points of libcaliptra_hw_model_c_binding: the Caliptra hw-model C API over the
 * caliptra-util emulator. The JVM is started (or joined) on the first caliptra_model_init_default;
 * each model is a Java org.caliptra.util.cbinding.HwModel this code holds a global reference to
 * and calls instance methods on, with method ids looked up once.
 *
 * One library serves both API generations: caliptra_model_init_default takes the 2.x parameters
 * (hw_version first), caliptra_model_init_default_1x the 1.x ones, and the 1.x caliptra_model.h
 * binds its caliptra_model_init_default to the latter. Every other function is the same for both.
 *
 * Every function is safe on any thread: the thread is attached to the JVM on its first call (as a
 * daemon, detached again when it exits) and the Java model serialises calls. No Java exception
 * reaches the caller: the bridge catches everything, and whatever escapes the bridge (an
 * OutOfMemoryError on the way in) is cleared here and reported as CALIPTRA_MODEL_STATUS_INTERNAL.
 */
#define _GNU_SOURCE
#include "hw_model/2.x/caliptra_model.h"
#include "jvm_embed.h"

#include <jni.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WHO "caliptra_model"
#define BRIDGE_CLASS "org/caliptra/util/cbinding/HwModelBridge"
#define MODEL_CLASS "org/caliptra/util/cbinding/HwModel"
/* Far above any Caliptra ROM (96 KiB) or firmware bundle (the mailbox holds 256 KiB); only to refuse
 * a corrupt length before copying it into Java. */
#define MAX_IMAGE_BYTES (16u * 1024u * 1024u)
#define OBF_KEY_BYTES 32u

/* The 1.x parameters, as the 1.x caliptra_model.h lays them out (56 bytes; checked by test_model_layout.c). */
struct init_params_1x {
    struct caliptra_buffer rom;
    struct caliptra_buffer dccm;
    struct caliptra_buffer iccm;
    uint8_t security_state;
};

_Static_assert(sizeof(struct init_params_1x) == 56, "1.x caliptra_model_init_params is 56 bytes");
_Static_assert(sizeof(struct caliptra_model_init_params) == 80, "2.x caliptra_model_init_params is 80 bytes");

struct caliptra_model {
    jobject model; /* global reference to the HwModel */
    /* The output the caller has been shown: fixed at its maximum size, so a pointer handed out by
     * caliptra_model_output_peek stays valid, and append-only, so the bytes behind it never change. */
    pthread_mutex_t output_lock;
    uint8_t *output;
    size_t output_length;
    size_t output_capacity;
};

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static JavaVM *jvm;
static int init_status = CALIPTRA_MODEL_STATUS_NO_RUNTIME;
static char init_message[CU_MESSAGE_SIZE];
static jclass bridge;

static jmethodID m_create;
static jmethodID m_last_error;
static jmethodID m_read32;
static jmethodID m_write32;
static jmethodID m_step;
static jmethodID m_ready_for_fuses;
static jmethodID m_ready_for_fw;
static jmethodID m_exit_requested;
static jmethodID m_set_user;
static jmethodID m_step_until;
static jmethodID m_boot;
static jmethodID m_output_length;
static jmethodID m_output_capacity;
static jmethodID m_output;
static jmethodID m_close;

static __thread char last_error[CU_MESSAGE_SIZE];

static void set_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void set_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
}

static int method(JNIEnv *env, jclass cls, jmethodID *out, int is_static, const char *name, const char *signature)
{
    *out = is_static ? (*env)->GetStaticMethodID(env, cls, name, signature) : (*env)->GetMethodID(env, cls, name, signature);
    if (*out == NULL) {
        char detail[CU_MESSAGE_SIZE];
        cu_exception_text(env, detail, sizeof detail);
        snprintf(init_message, sizeof init_message, WHO ": the bridge class does not match this library (%.200s%.300s): %.1300s",
                 name, signature, detail);
        return -1;
    }
    return 0;
}

static void start(void)
{
    /* -Xrs leaves the host program's signals (SIGINT, SIGTERM, ...) alone, which QEMU relies on. */
    static const char *const options[] = {"-Xrs", "-XX:+UseSerialGC", NULL};
    char classpath[CU_CLASSPATH_SIZE];
    JNIEnv *env = NULL;
    if (cu_jvm_start(WHO, options, &jvm, &env, classpath, sizeof classpath, init_message, sizeof init_message) != 0) {
        return;
    }
    jclass bridge_local = (*env)->FindClass(env, BRIDGE_CLASS);
    jclass model_local = bridge_local == NULL ? NULL : (*env)->FindClass(env, MODEL_CLASS);
    if (model_local == NULL) {
        char detail[CU_MESSAGE_SIZE];
        cu_exception_text(env, detail, sizeof detail);
        snprintf(init_message, sizeof init_message, WHO ": cannot load %s from class path %.1200s: %.600s",
                 bridge_local == NULL ? BRIDGE_CLASS : MODEL_CLASS, classpath, detail);
        return;
    }
    bridge = (jclass)(*env)->NewGlobalRef(env, bridge_local);
    if (method(env, bridge, &m_create, 1, "create",
               "(II[BJJII[BLjava/lang/String;Ljava/lang/String;[I)L" MODEL_CLASS ";") != 0
        || method(env, bridge, &m_last_error, 1, "lastError", "()Ljava/lang/String;") != 0
        || method(env, model_local, &m_read32, 0, "read32", "(I)J") != 0
        || method(env, model_local, &m_write32, 0, "write32", "(II)I") != 0
        || method(env, model_local, &m_step, 0, "step", "()I") != 0
        || method(env, model_local, &m_ready_for_fuses, 0, "readyForFuses", "()Z") != 0
        || method(env, model_local, &m_ready_for_fw, 0, "readyForFw", "()Z") != 0
        || method(env, model_local, &m_exit_requested, 0, "exitRequested", "()Z") != 0
        || method(env, model_local, &m_set_user, 0, "setRequesterUser", "(I)I") != 0
        || method(env, model_local, &m_step_until, 0, "stepUntilBootStatus", "(I)I") != 0
        || method(env, model_local, &m_boot, 0, "bootDefault", "([BI)I") != 0
        || method(env, model_local, &m_output_length, 0, "outputLength", "()I") != 0
        || method(env, model_local, &m_output_capacity, 0, "outputCapacity", "()I") != 0
        || method(env, model_local, &m_output, 0, "output", "(I)[B") != 0
        || method(env, model_local, &m_close, 0, "close", "()I") != 0) {
        return;
    }
    (*env)->DeleteLocalRef(env, bridge_local);
    (*env)->DeleteLocalRef(env, model_local);
    init_status = CALIPTRA_MODEL_STATUS_OK;
}

/* The calling thread's JNIEnv for a call on an existing model (the JVM is up), or NULL with the error set. */
static JNIEnv *env_for(const char *function)
{
    if (cu_forked()) {
        set_error(WHO ": %s in a child of fork(): the JVM does not survive fork(), so a child cannot use a model "
                  "(create models after fork, or exec)", function);
        return NULL;
    }
    JNIEnv *env = cu_jvm_env(jvm);
    if (env == NULL) {
        set_error(WHO ": %s: cannot attach this thread to the JVM", function);
    }
    return env;
}

/* The bridge's message for this thread's failure, after a call that returned `status`. */
static int failed(JNIEnv *env, int status)
{
    if ((*env)->ExceptionCheck(env)) {
        char detail[CU_MESSAGE_SIZE];
        cu_exception_text(env, detail, sizeof detail);
        set_error(WHO ": unexpected Java exception in the bridge: %.1800s", detail);
        return CALIPTRA_MODEL_STATUS_INTERNAL;
    }
    jstring message = (jstring)(*env)->CallStaticObjectMethod(env, bridge, m_last_error);
    if ((*env)->ExceptionCheck(env) || message == NULL) {
        (*env)->ExceptionClear(env);
        set_error(WHO ": failed with status %d", status);
        return status;
    }
    const char *chars = (*env)->GetStringUTFChars(env, message, NULL);
    if (chars != NULL) {
        set_error("%s", chars);
        (*env)->ReleaseStringUTFChars(env, message, chars);
    } else {
        (*env)->ExceptionClear(env);
        set_error(WHO ": failed with status %d", status);
    }
    (*env)->DeleteLocalRef(env, message);
    return status;
}

/* After a call that cannot fail in Java: INTERNAL if something escaped the bridge. */
static int checked(JNIEnv *env, int status)
{
    if ((*env)->ExceptionCheck(env) || status != CALIPTRA_MODEL_STATUS_OK) {
        return failed(env, status);
    }
    return status;
}

static jbyteArray byte_array(JNIEnv *env, const uint8_t *data, size_t len)
{
    jbyteArray array = (*env)->NewByteArray(env, (jsize)len);
    if (array == NULL) {
        (*env)->ExceptionClear(env);
        return NULL;
    }
    if (len > 0) {
        (*env)->SetByteArrayRegion(env, array, 0, (jsize)len, (const jbyte *)data);
    }
    return array;
}

static jstring env_string(JNIEnv *env, const char *name)
{
    const char *value = getenv(name);
    if (value == NULL || *value == '\0') {
        return NULL;
    }
    jstring s = (*env)->NewStringUTF(env, value);
    if (s == NULL) {
        (*env)->ExceptionClear(env);
    }
    return s;
}

static void delete_local(JNIEnv *env, jobject ref)
{
    if (ref != NULL) {
        (*env)->DeleteLocalRef(env, ref);
    }
}

static int init(int generation, int hw_version, struct caliptra_buffer rom, struct caliptra_buffer dccm,
                struct caliptra_buffer iccm, uint8_t security_state, uint32_t soc_user,
                const struct caliptra_buffer *obf_key, struct caliptra_model **out)
{
    if (out == NULL) {
        set_error(WHO ": caliptra_model_init_default: the model out-pointer is NULL");
        return CALIPTRA_MODEL_STATUS_INVALID_ARGUMENT;
    }
    *out = NULL;
    if ((rom.data == NULL && rom.len > 0) || rom.len > MAX_IMAGE_BYTES) {
        set_error(WHO ": caliptra_model_init_default: rom is %s", rom.data == NULL ? "NULL with a length" : "larger than 16 MiB");
        return CALIPTRA_MODEL_STATUS_INVALID_ARGUMENT;
    }
    if (obf_key != NULL && obf_key->data != NULL && obf_key->len != OBF_KEY_BYTES) {
        set_error(WHO ": caliptra_model_init_default: optional_obf_key is %lu bytes; the obfuscation key is %u "
                  "(eight 32-bit words)", (unsigned long)obf_key->len, OBF_KEY_BYTES);
        return CALIPTRA_MODEL_INVALID_OBF_KEY_SIZE;
    }
    pthread_once(&init_once, start);
    if (init_status != CALIPTRA_MODEL_STATUS_OK) {
        set_error("%s", init_message);
        return CALIPTRA_MODEL_STATUS_NO_RUNTIME;
    }
    JNIEnv *env = env_for("caliptra_model_init_default");
    if (env == NULL) {
        return CALIPTRA_MODEL_STATUS_NO_RUNTIME;
    }
    struct caliptra_model *model = calloc(1, sizeof *model);
    jbyteArray rom_array = rom.data == NULL ? NULL : byte_array(env, rom.data, rom.len);
    jbyteArray key_array = obf_key == NULL || obf_key->data == NULL ? NULL : byte_array(env, obf_key->data, obf_key->len);
    jintArray status_array = (*env)->NewIntArray(env, 1);
    if (model == NULL || (rom.data != NULL && rom_array == NULL) || (obf_key != NULL && obf_key->data != NULL && key_array == NULL)
        || status_array == NULL) {
        (*env)->ExceptionClear(env);
        delete_local(env, rom_array);
        delete_local(env, key_array);
        delete_local(env, status_array);
        free(model);
        set_error(WHO ": caliptra_model_init_default: out of memory");
        return CALIPTRA_MODEL_STATUS_INTERNAL;
    }
    jstring device_file = env_string(env, "CALIPTRA_DEVICE");
    jstring emulator = env_string(env, "CALIPTRA_EMULATOR");
    jobject local = (*env)->CallStaticObjectMethod(env, bridge, m_create, (jint)generation, (jint)hw_version, rom_array,
                                                   (jlong)dccm.len, (jlong)iccm.len, (jint)security_state, (jint)soc_user,
                                                   key_array, device_file, emulator, status_array);
    jint status = CALIPTRA_MODEL_STATUS_INTERNAL;
    if (!(*env)->ExceptionCheck(env)) {
        (*env)->GetIntArrayRegion(env, status_array, 0, 1, &status);
    }
    delete_local(env, rom_array);
    delete_local(env, key_array);
    delete_local(env, status_array);
    delete_local(env, device_file);
    delete_local(env, emulator);
    if (local == NULL || (*env)->ExceptionCheck(env)) {
        delete_local(env, local);
        free(model);
        return failed(env, status != CALIPTRA_MODEL_STATUS_OK ? status : CALIPTRA_MODEL_STATUS_INTERNAL);
    }
    model->model = (*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    jint capacity = (*env)->CallIntMethod(env, model->model, m_output_capacity);
    if ((*env)->ExceptionCheck(env) || capacity < 0 || model->model == NULL) {
        (*env)->ExceptionClear(env);
        capacity = 0;
    }
    model->output_capacity = (size_t)capacity;
    model->output = malloc(model->output_capacity + 1);
    if (model->output == NULL || pthread_mutex_init(&model->output_lock, NULL) != 0) {
        if (model->model != NULL) {
            (*env)->CallIntMethod(env, model->model, m_close);
            (*env)->ExceptionClear(env);
            (*env)->DeleteGlobalRef(env, model->model);
        }
        free(model->output);
        free(model);
        set_error(WHO ": caliptra_model_init_default: out of memory");
        return CALIPTRA_MODEL_STATUS_INTERNAL;
    }
    model->output[0] = '\0';
    *out = model;
    return CALIPTRA_MODEL_STATUS_OK;
}

int caliptra_model_init_default(struct caliptra_model_init_params params, struct caliptra_model **model)
{
    return init(2, (int)params.hw_version, params.rom, params.dccm, params.iccm, params.security_state, params.soc_user,
                &params.optional_obf_key, model);
}

int caliptra_model_init_default_1x(struct init_params_1x params, struct caliptra_model **model);

int caliptra_model_init_default_1x(struct init_params_1x params, struct caliptra_model **model)
{
    return init(1, -1, params.rom, params.dccm, params.iccm, params.security_state, 0, NULL, model);
}

void caliptra_model_destroy(struct caliptra_model *model)
{
    if (model == NULL) {
        return;
    }
    /* In a fork()ed child the JVM is gone: the model's memory is all there is to give back. */
    JNIEnv *env = cu_forked() ? NULL : env_for("caliptra_model_destroy");
    if (env != NULL) {
        checked(env, (*env)->CallIntMethod(env, model->model, m_close));
        (*env)->DeleteGlobalRef(env, model->model);
    }
    pthread_mutex_destroy(&model->output_lock);
    free(model->output);
    free(model);
}

int caliptra_model_apb_read_u32(struct caliptra_model *model, unsigned int addr, unsigned int *data)
{
    if (model == NULL || data == NULL) {
        set_error(WHO ": caliptra_model_apb_read_u32: %s is NULL", model == NULL ? "model" : "data");
        return CALIPTRA_MODEL_STATUS_INVALID_ARGUMENT;
    }
    JNIEnv *env = env_for("caliptra_model_apb_read_u32");
    if (env == NULL) {
        return CALIPTRA_MODEL_STATUS_NO_RUNTIME;
    }
    jlong value = (*env)->CallLongMethod(env, model->model, m_read32, (jint)addr);
    if (value < 0 || (*env)->ExceptionCheck(env)) {
        *data = 0;
        return failed(env, value < 0 ? (int)value : CALIPTRA_MODEL_STATUS_INTERNAL);
    }
    *data = (unsigned int)value;
    return CALIPTRA_MODEL_STATUS_OK;
}

int caliptra_model_apb_write_u32(struct caliptra_model *model, unsigned int addr, unsigned int data)
{
    if (model == NULL) {
        set_error(WHO ": caliptra_model_apb_write_u32: model is NULL");
        return CALIPTRA_MODEL_STATUS_INVALID_ARGUMENT;
    }
    JNIEnv *env = env_for("caliptra_model_apb_write_u32");
    if (env == NULL) {
        return CALIPTRA_MODEL_STATUS_NO_RUNTIME;
    }
    return checked(env, (*env)->CallIntMethod(env, model->model, m_write32, (jint)addr, (jint)data));
}

static bool flag(struct caliptra_model *model, jmethodID id, const char *function)
{
    if (model == NULL) {
        set_error(WHO ": %s: model is NULL", function);
        return false;
    }
    JNIEnv *env = env_for(function);
    if (env == NULL) {
        return false;
    }
    jboolean value = (*env)->CallBooleanMethod(env, model->model, id);
    if ((*env)->ExceptionCheck(env)) {
        failed(env, CALIPTRA_MODEL_STATUS_INTERNAL);
        return false;
    }
    return value == JNI_TRUE;
}

bool caliptra_model_ready_for_fuses(struct caliptra_model *model)
{
    return flag(model, m_ready_for_fuses, "caliptra_model_ready_for_fuses");
}

bool caliptra_model_ready_for_fw(struct caliptra_model *model)
{
    return flag(model, m_ready_for_fw, "caliptra_model_ready_for_fw");
}

bool caliptra_model_exit_requested(struct caliptra_model *model)
{
    return flag(model, m_exit_requested, "caliptra_model_exit_requested");
}

int caliptra_model_step(struct caliptra_model *model)
{
    if (model == NULL) {
        set_error(WHO ": caliptra_model_step: model is NULL");
        return CALIPTRA_MODEL_STATUS_INVALID_ARGUMENT;
    }
    JNIEnv *env = env_for("caliptra_model_step");
    if (env == NULL) {
        return CALIPTRA_MODEL_STATUS_NO_RUNTIME;
    }
    return checked(env, (*env)->CallIntMethod(env, model->model, m_step));
}

struct caliptra_buffer caliptra_model_output_peek(struct caliptra_model *model)
{
    struct caliptra_buffer none = {NULL, 0};
    if (model == NULL) {
        set_error(WHO ": caliptra_model_output_peek: model is NULL");
        return none;
    }
    JNIEnv *env = env_for("caliptra_model_output_peek");
    pthread_mutex_lock(&model->output_lock);
    if (env != NULL) {
        jint length = (*env)->CallIntMethod(env, model->model, m_output_length);
        if ((*env)->ExceptionCheck(env) || length < 0) {
            failed(env, length < 0 ? length : CALIPTRA_MODEL_STATUS_INTERNAL);
        } else if ((size_t)length > model->output_length) {
            jbyteArray tail = (jbyteArray)(*env)->CallObjectMethod(env, model->model, m_output, (jint)model->output_length);
            if (tail == NULL || (*env)->ExceptionCheck(env)) {
                failed(env, CALIPTRA_MODEL_STATUS_INTERNAL);
            } else {
                size_t n = (size_t)(*env)->GetArrayLength(env, tail);
                if (n > model->output_capacity - model->output_length) {
                    n = model->output_capacity - model->output_length;
                }
                (*env)->GetByteArrayRegion(env, tail, 0, (jsize)n, (jbyte *)(model->output + model->output_length));
                model->output_length += n;
                model->output[model->output_length] = '\0';
            }
            delete_local(env, tail);
        }
    }
    struct caliptra_buffer result = {model->output, model->output_length};
    pthread_mutex_unlock(&model->output_lock);
    return result;
}

void caliptra_model_step_until_boot_status(struct caliptra_model *model, unsigned int boot_status)
{
    if (model == NULL) {
        set_error(WHO ": caliptra_model_step_until_boot_status: model is NULL");
        return;
    }
    JNIEnv *env = env_for("caliptra_model_step_until_boot_status");
    if (env != NULL) {
        checked(env, (*env)->CallIntMethod(env, model->model, m_step_until, (jint)boot_status));
    }
}

static void set_user(struct caliptra_model *model, unsigned int user, const char *function)
{
    if (model == NULL) {
        set_error(WHO ": %s: model is NULL", function);
        return;
    }
    JNIEnv *env = env_for(function);
    if (env != NULL) {
        checked(env, (*env)->CallIntMethod(env, model->model, m_set_user, (jint)user));
    }
}

void caliptra_model_set_axi_user(struct caliptra_model *model, unsigned int pauser)
{
    set_user(model, pauser, "caliptra_model_set_axi_user");
}

void caliptra_model_set_apb_pauser(struct caliptra_model *model, unsigned int pauser);

void caliptra_model_set_apb_pauser(struct caliptra_model *model, unsigned int pauser)
{
    set_user(model, pauser, "caliptra_model_set_apb_pauser");
}

int caliptra_model_boot_default(struct caliptra_model *model, struct caliptra_buffer fw, unsigned int boot_status)
{
    if (model == NULL || (fw.data == NULL && fw.len > 0) || fw.len > MAX_IMAGE_BYTES) {
        set_error(WHO ": caliptra_model_boot_default: %s", model == NULL ? "model is NULL"
                  : fw.data == NULL ? "fw.data is NULL with a length" : "fw is larger than 16 MiB");
        return CALIPTRA_MODEL_STATUS_INVALID_ARGUMENT;
    }
    JNIEnv *env = env_for("caliptra_model_boot_default");
    if (env == NULL) {
        return CALIPTRA_MODEL_STATUS_NO_RUNTIME;
    }
    jbyteArray image = byte_array(env, fw.data, fw.len);
    if (image == NULL) {
        set_error(WHO ": caliptra_model_boot_default: out of memory for a %lu-byte image", (unsigned long)fw.len);
        return CALIPTRA_MODEL_STATUS_INTERNAL;
    }
    jint status = (*env)->CallIntMethod(env, model->model, m_boot, image, (jint)boot_status);
    int result = checked(env, status);
    (*env)->DeleteLocalRef(env, image);
    return result;
}

const char *caliptra_model_last_error(void)
{
    return last_error;
}
