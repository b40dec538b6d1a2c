/*
 * Without Java (the test runs it with JAVA_HOME pointing nowhere): init fails with
 * CALIPTRA_MODEL_STATUS_NO_RUNTIME and a message naming what was looked for, every time, and
 * argument checks need no JVM at all.
 */
#include "model_test.h"

int main(void)
{
    struct caliptra_model_init_params params;
    memset(&params, 0, sizeof params);
    struct caliptra_model *model = (struct caliptra_model *)&params; /* must be overwritten with NULL */
    int rc = caliptra_model_init_default(params, &model);
    printf("init=%d model=%s\n", rc, model == NULL ? "NULL" : "set");
    printf("message=%s\n", caliptra_model_last_error());
    rc = caliptra_model_init_default(params, &model);
    printf("second=%d\n", rc);
    printf("null-out=%d\n", caliptra_model_init_default(params, NULL));
    unsigned int v;
    printf("null-model-read=%d\n", caliptra_model_apb_read_u32(NULL, 0x30030038u, &v));
    printf("null-model-step=%d\n", caliptra_model_step(NULL));
    printf("null-model-fuses=%d\n", caliptra_model_ready_for_fuses(NULL) ? 1 : 0);
    struct caliptra_buffer out = caliptra_model_output_peek(NULL);
    printf("null-model-peek=%s/%lu\n", out.data == NULL ? "NULL" : "set", (unsigned long)out.len);
    caliptra_model_destroy(NULL);
    return 0;
}
