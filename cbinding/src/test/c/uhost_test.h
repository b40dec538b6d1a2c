/*
 * What the util-host C tests share: a CHECK that counts and reports with the library's last error,
 * and the summary line the Java runner looks for ("NAME: N passed, 0 failed").
 */
#ifndef UHOST_TEST_H
#define UHOST_TEST_H

#include "caliptra_util_host.h"

#include <stdio.h>
#include <string.h>

static int passed;
static int failed;

#define CHECK(cond)                                                                                       \
    do {                                                                                                  \
        if (cond) {                                                                                       \
            passed++;                                                                                     \
        } else {                                                                                          \
            failed++;                                                                                     \
            fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, __LINE__, #cond,        \
                    caliptra_last_error_message());                                                       \
        }                                                                                                 \
    } while (0)

/* A call that must succeed; on failure says what the library said. */
#define OK(call) CHECK((call) == Success)

/* The library's message for the last call contains `text`. */
#define MESSAGE_HAS(text) CHECK(strstr(caliptra_last_error_message(), (text)) != NULL)

static inline int summary(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, passed, failed);
    return failed == 0 ? 0 : 1;
}

static inline void hex(const char *label, const uint8_t *bytes, size_t n)
{
    printf("%s", label);
    for (size_t i = 0; i < n; i++) {
        printf("%02x", bytes[i]);
    }
    printf("\n");
}

#endif
