/*
 * Run with a broken JAVA_HOME or class path: every call must fail cleanly with IO and a message
 * that says what was looked for - no crash, no abort. Prints the message for the caller to check.
 */
#include "caliptra_util_host.h"

#include <stdio.h>

int main(void)
{
    CaliptraTransport *transport = (CaliptraTransport *)0x1;
    CaliptraError first = caliptra_transport_create_emulator(&transport);
    printf("error=%d transport=%s\n", (int)first, transport == NULL ? "NULL" : "set");
    printf("message=%s\n", caliptra_last_error());
    CaliptraError second = caliptra_transport_create_emulator(&transport);
    printf("second=%d\n", (int)second);
    return first == IO && second == IO && transport == NULL ? 0 : 1;
}
