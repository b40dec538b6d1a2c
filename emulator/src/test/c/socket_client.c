/*
 * A client of the emulator's ASPEED socket endpoints, written from the framing facts alone
 * (docs/protocols.md): every message is a 12-byte little-endian header
 *   u32 magic, u16 version (1), u16 command, u32 payload_len
 * followed by payload_len bytes.
 *   CPTR (magic 0x43505452): APB_READ 3 {u32 addr} -> APB_RDATA 4 {u32 data};
 *                            APB_WRITE 5 {u32 addr, u32 data} -> APB_WACK 6 {}.
 *   MBOX (magic 0x4D424F58): MBOX_EXECUTE 1 {u32 cmd, u32 dlen, ROUND_UP(dlen,4) bytes}
 *                            -> MBOX_RESPONSE 2 {u32 status, u32 dlen, ROUND_UP(dlen,4) bytes}.
 *
 * It boots nothing. With --apb it runs FIPS_VERSION and FW_INFO through the Caliptra core
 * mailbox purely by APB reads and writes of mbox_csr (0x3002_0000); with --mbox it runs
 * MC_FIRMWARE_VERSION (index 0) as one MBOX transaction. Each response's checksum is checked.
 * It prints one line per result and exits 0, or prints the failure on stderr and exits 1.
 *
 * Usage: socket_client [--apb ADDR] [--mbox ADDR]     ADDR = unix:PATH | HOST:PORT
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#define HEADER_SIZE 12
#define VERSION_1 1

#define CPTR_MAGIC 0x43505452u
#define APB_READ 3
#define APB_RDATA 4
#define APB_WRITE 5
#define APB_WACK 6

#define MBOX_MAGIC 0x4D424F58u
#define MBOX_EXECUTE 1
#define MBOX_RESPONSE 2

/* mbox_csr, spec/device.md section 1.2 */
#define MBOX_BASE 0x30020000u
#define MBOX_LOCK (MBOX_BASE + 0x00)
#define MBOX_CMD (MBOX_BASE + 0x08)
#define MBOX_DLEN (MBOX_BASE + 0x0C)
#define MBOX_DATAIN (MBOX_BASE + 0x10)
#define MBOX_DATAOUT (MBOX_BASE + 0x14)
#define MBOX_EXECUTE_REG (MBOX_BASE + 0x18)
#define MBOX_STATUS (MBOX_BASE + 0x1C)

#define STATUS_BUSY 0
#define STATUS_DATA_READY 1
#define STATUS_COMPLETE 2

#define CMD_FIPS_VERSION 0x46505652u  /* "FPVR" */
#define CMD_FW_INFO 0x494E464Fu       /* "INFO" */
#define CMD_MC_FIRMWARE_VERSION 0x4D465756u /* "MFWV" */

#define MAX_RESPONSE (256 * 1024)
#define MAX_POLLS 100000
#define MAX_LOCK_TRIES 100000

static void fail(const char *format, ...) {
    va_list args;
    va_start(args, format);
    fputs("socket_client: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    exit(1);
}

static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static void put_u16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static uint16_t get_u16(const uint8_t *p) {
    return (uint16_t)(p[0] | (p[1] << 8));
}

/* Connects to unix:PATH or HOST:PORT; every read and write times out after 60 s. */
static int connect_to(const char *address) {
    int fd = -1;
    if (strncmp(address, "unix:", 5) == 0) {
        struct sockaddr_un un;
        memset(&un, 0, sizeof un);
        un.sun_family = AF_UNIX;
        if (strlen(address + 5) >= sizeof un.sun_path) {
            fail("socket path too long: %s", address + 5);
        }
        strcpy(un.sun_path, address + 5);
        fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, (struct sockaddr *)&un, sizeof un) != 0) {
            fail("connect %s: %s", address, strerror(errno));
        }
    } else {
        char host[256];
        const char *colon = strrchr(address, ':');
        if (colon == NULL || (size_t)(colon - address) >= sizeof host) {
            fail("address %s is neither unix:PATH nor HOST:PORT", address);
        }
        memcpy(host, address, (size_t)(colon - address));
        host[colon - address] = '\0';
        struct addrinfo hints, *found;
        memset(&hints, 0, sizeof hints);
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        int rc = getaddrinfo(host, colon + 1, &hints, &found);
        if (rc != 0) {
            fail("resolve %s: %s", address, gai_strerror(rc));
        }
        fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
        if (fd < 0 || connect(fd, found->ai_addr, found->ai_addrlen) != 0) {
            fail("connect %s: %s", address, strerror(errno));
        }
        freeaddrinfo(found);
    }
    struct timeval timeout = {60, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    return fd;
}

static void write_all(int fd, const uint8_t *data, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, data, length);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            fail("write: %s", n < 0 ? strerror(errno) : "nothing written");
        }
        data += n;
        length -= (size_t)n;
    }
}

static void read_all(int fd, uint8_t *data, size_t length) {
    while (length > 0) {
        ssize_t n = read(fd, data, length);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            fail("read: %s", strerror(errno));
        }
        if (n == 0) {
            fail("the server closed the connection with %zu bytes still expected", length);
        }
        data += n;
        length -= (size_t)n;
    }
}

static void put_header(uint8_t *h, uint32_t magic, uint16_t command, uint32_t payload_len) {
    put_u32(h, magic);
    put_u16(h + 4, VERSION_1);
    put_u16(h + 6, command);
    put_u32(h + 8, payload_len);
}

/* Reads a header and checks magic, version, command and payload_len; returns payload_len. */
static uint32_t read_header(int fd, uint32_t magic, uint16_t command, uint32_t max_len) {
    uint8_t h[HEADER_SIZE];
    read_all(fd, h, sizeof h);
    if (get_u32(h) != magic) {
        fail("reply magic 0x%08X, expected 0x%08X", get_u32(h), magic);
    }
    if (get_u16(h + 4) != VERSION_1) {
        fail("reply version %u, expected 1", get_u16(h + 4));
    }
    if (get_u16(h + 6) != command) {
        fail("reply command %u, expected %u", get_u16(h + 6), command);
    }
    uint32_t length = get_u32(h + 8);
    if (length > max_len) {
        fail("reply payload_len %u beyond %u", length, max_len);
    }
    return length;
}

/* CPTR: one access, one answer. */
static uint32_t apb_read(int fd, uint32_t address) {
    uint8_t frame[HEADER_SIZE + 4];
    put_header(frame, CPTR_MAGIC, APB_READ, 4);
    put_u32(frame + HEADER_SIZE, address);
    write_all(fd, frame, sizeof frame);
    if (read_header(fd, CPTR_MAGIC, APB_RDATA, 4) != 4) {
        fail("APB_RDATA payload_len is not 4");
    }
    uint8_t data[4];
    read_all(fd, data, 4);
    return get_u32(data);
}

static void apb_write(int fd, uint32_t address, uint32_t value) {
    uint8_t frame[HEADER_SIZE + 8];
    put_header(frame, CPTR_MAGIC, APB_WRITE, 8);
    put_u32(frame + HEADER_SIZE, address);
    put_u32(frame + HEADER_SIZE + 4, value);
    write_all(fd, frame, sizeof frame);
    if (read_header(fd, CPTR_MAGIC, APB_WACK, 0) != 0) {
        fail("APB_WACK payload_len is not 0");
    }
}

/* The mailbox checksum: 0 - (sum of the command's 4 LE bytes + every byte after the checksum field). */
static uint32_t checksum(uint32_t command, const uint8_t *fields, size_t length) {
    uint32_t sum = (command & 0xFF) + ((command >> 8) & 0xFF) + ((command >> 16) & 0xFF) + (command >> 24);
    for (size_t i = 0; i < length; i++) {
        sum += fields[i];
    }
    return 0u - sum;
}

/* A response is valid when its checksum (command 0) matches the bytes after it. */
static void check_response(const char *what, const uint8_t *response, uint32_t dlen) {
    if (dlen < 8) {
        fail("%s: response of %u bytes, a header is 8", what, dlen);
    }
    uint32_t expected = checksum(0, response + 4, dlen - 4);
    if (get_u32(response) != expected) {
        fail("%s: response checksum 0x%08X, expected 0x%08X", what, get_u32(response), expected);
    }
}

/* One core-mailbox transaction by register accesses; the request holds no fields. Returns DLEN. */
static uint32_t apb_transaction(int fd, uint32_t command, uint8_t *response) {
    int tries = 0;
    while (apb_read(fd, MBOX_LOCK) & 1) {
        if (++tries >= MAX_LOCK_TRIES) {
            fail("0x%08X: the mailbox lock stayed held", command);
        }
    }
    apb_write(fd, MBOX_CMD, command);
    apb_write(fd, MBOX_DLEN, 4);
    apb_write(fd, MBOX_DATAIN, checksum(command, NULL, 0));
    apb_write(fd, MBOX_EXECUTE_REG, 1);
    uint32_t status = STATUS_BUSY;
    for (int poll = 0; poll < MAX_POLLS && status == STATUS_BUSY; poll++) {
        status = apb_read(fd, MBOX_STATUS) & 0xF;
    }
    if (status != STATUS_DATA_READY) {
        apb_write(fd, MBOX_EXECUTE_REG, 0);
        fail("0x%08X: mailbox status %u, expected DATA_READY (1)", command, status);
    }
    uint32_t dlen = apb_read(fd, MBOX_DLEN);
    if (dlen > MAX_RESPONSE) {
        fail("0x%08X: DLEN %u beyond the mailbox", command, dlen);
    }
    for (uint32_t at = 0; at < dlen; at += 4) {
        uint8_t word[4];
        put_u32(word, apb_read(fd, MBOX_DATAOUT));
        memcpy(response + at, word, dlen - at < 4 ? dlen - at : 4);
    }
    apb_write(fd, MBOX_EXECUTE_REG, 0);
    return dlen;
}

static void run_apb(const char *address) {
    static uint8_t response[MAX_RESPONSE];
    int fd = connect_to(address);

    uint32_t dlen = apb_transaction(fd, CMD_FIPS_VERSION, response);
    check_response("FIPS_VERSION", response, dlen);
    if (dlen != 36) {
        fail("FIPS_VERSION: DLEN %u, expected 36", dlen);
    }
    char name[13];
    memcpy(name, response + 24, 12);
    name[12] = '\0';
    printf("VERSION mode=0x%08X hw_rev=0x%08X rom_fmc=0x%08X rt=0x%08X name=%s\n", get_u32(response + 8),
           get_u32(response + 12), get_u32(response + 16), get_u32(response + 20), name);

    dlen = apb_transaction(fd, CMD_FW_INFO, response);
    check_response("FW_INFO", response, dlen);
    printf("FW_INFO dlen=%u pl0_pauser=0x%08X\n", dlen, get_u32(response + 8));
    close(fd);
}

static void run_mbox(const char *address) {
    static uint8_t frame[HEADER_SIZE + 8 + MAX_RESPONSE];
    int fd = connect_to(address);

    uint8_t sram[8];
    put_u32(sram + 4, 0); /* index 0: the Caliptra core's firmware */
    put_u32(sram, checksum(CMD_MC_FIRMWARE_VERSION, sram + 4, 4));
    put_header(frame, MBOX_MAGIC, MBOX_EXECUTE, 8 + sizeof sram);
    put_u32(frame + HEADER_SIZE, CMD_MC_FIRMWARE_VERSION);
    put_u32(frame + HEADER_SIZE + 4, sizeof sram);
    memcpy(frame + HEADER_SIZE + 8, sram, sizeof sram);
    write_all(fd, frame, HEADER_SIZE + 8 + sizeof sram);

    uint32_t length = read_header(fd, MBOX_MAGIC, MBOX_RESPONSE, 8 + MAX_RESPONSE);
    if (length < 8 || length % 4 != 0) {
        fail("MBOX_RESPONSE payload_len %u", length);
    }
    uint8_t *payload = frame;
    read_all(fd, payload, length);
    uint32_t status = get_u32(payload);
    uint32_t dlen = get_u32(payload + 4);
    if (((dlen + 3u) & ~3u) != length - 8) {
        fail("MBOX_RESPONSE dlen %u does not fill payload_len %u", dlen, length);
    }
    if (status != STATUS_COMPLETE) {
        fail("MC_FIRMWARE_VERSION: status %u, expected 2 (complete)", status);
    }
    const uint8_t *response = payload + 8;
    check_response("MC_FIRMWARE_VERSION", response, dlen);
    uint32_t data_len = dlen >= 12 ? get_u32(response + 8) : 0;
    if (dlen < 12 || data_len > dlen - 12) {
        fail("MC_FIRMWARE_VERSION: data_len %u in a %u-byte response", data_len, dlen);
    }
    printf("MC_FIRMWARE_VERSION fips=0x%08X version=%.*s\n", get_u32(response + 4), (int)data_len, (const char *)response + 12);
    close(fd);
}

int main(int argc, char **argv) {
    if (argc < 3 || argc % 2 == 0) {
        fail("usage: socket_client [--apb ADDR] [--mbox ADDR]");
    }
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--apb") == 0) {
            run_apb(argv[i + 1]);
        } else if (strcmp(argv[i], "--mbox") == 0) {
            run_mbox(argv[i + 1]);
        } else {
            fail("unknown option %s", argv[i]);
        }
    }
    return 0;
}
