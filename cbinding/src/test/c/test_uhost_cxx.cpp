// The header from C++: it compiles (-std=c++11 -pedantic), links with C linkage, and the layouts a
// C++ compiler gives it are the reference's. Calls that fail before the JVM is needed are made.
#include "caliptra_util_host.h"

#include <cstddef>
#include <cstdio>
#include <cstring>

static_assert(sizeof(CTransportVTable) == 48, "CTransportVTable");
static_assert(sizeof(CMailboxDriverVTable) == 32, "CMailboxDriverVTable");
static_assert(sizeof(CMailboxDriver) == 56 && offsetof(CMailboxDriver, response_buffer) == 18, "CMailboxDriver");
static_assert(sizeof(GetFirmwareVersionResponse) == 40 && offsetof(GetFirmwareVersionResponse, commit_id) == 20, "version");
static_assert(sizeof(GetDeviceCapabilitiesResponse) == 40, "caps");
static_assert(sizeof(CaliptraAuthTrailer) == 7460, "trailer");

int main()
{
    int failed = 0;
    CaliptraTransport *transport = nullptr;
    failed += caliptra_transport_create_from_c_vtable(nullptr, nullptr, &transport) != InvalidArgument;
    failed += std::strcmp(caliptra_last_error_message(), "vtable is NULL") != 0;
    failed += caliptra_session_connect(nullptr) != InvalidArgument;
    CaliptraHashInitResponse response;
    failed += caliptra_cmd_hash_init(nullptr, nullptr, &response) != InvalidArgument;
    failed += std::strcmp(caliptra_last_error_message(), "caliptra_cmd_hash_init: session is NULL") != 0;
    std::printf("test_uhost_cxx: %s\n", failed == 0 ? "passed" : "FAILED");
    return failed;
}
