// hash.c - SipHash-1-3 with CPython 3.11's key schedule (see hash.h).
#include "hash.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#define HASH_SECRET_SIZE 24

static struct {
    int ready;
    int randomized;     // sys.flags.hash_randomization
    unsigned char secret[HASH_SECRET_SIZE];
    uint64_t k0, k1;
} hash_key;

static const char hash_seed_error[] =
    "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]";

static uint64_t hash_load_le64(const unsigned char *p) {
    uint64_t w = 0;
    for (int i = 7; i >= 0; i--) {
        w = (w << 8) | p[i];
    }
    return w;
}

// Random bytes for the secret: the kernel's pool without blocking, as CPython
// asks for it at start-up; /dev/urandom or, failing everything, the clock.
static void hash_random_bytes(unsigned char *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(buf + got, n - got, GRND_NONBLOCK);
        if (r <= 0) {
            break;
        }
        got += (size_t)r;
    }
    if (got < n) {
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            while (got < n) {
                ssize_t r = read(fd, buf + got, n - got);
                if (r <= 0) {
                    break;
                }
                got += (size_t)r;
            }
            close(fd);
        }
    }
    if (got < n) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t x = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15u ^ (uint64_t)ts.tv_sec ^
                     ((uint64_t)getpid() << 32);
        for (; got < n; got++) {
            x ^= x >> 29;
            x *= 0xBF58476D1CE4E5B9u;
            buf[got] = (unsigned char)(x >> 56);
        }
    }
}

int hash_init(const char *seed_text, const char **error) {
    // An empty value counts as unset (CPython's config_get_env).
    if (seed_text != NULL && seed_text[0] != 0 && strcmp(seed_text, "random") != 0) {
        // strtoul as CPython uses it: leading blanks and a sign are accepted
        // ("-0" is 0, "-1" wraps around and is rejected by the range check).
        char *end;
        errno = 0;
        unsigned long seed = strtoul(seed_text, &end, 10);
        if (*end != 0 || seed > 4294967295UL || (errno == ERANGE && seed == ULONG_MAX)) {
            if (error) {
                *error = hash_seed_error;
            }
            return -1;
        }
        hash_key.randomized = seed != 0;
        if (seed == 0) {
            memset(hash_key.secret, 0, sizeof hash_key.secret);
        } else {
            uint32_t x = (uint32_t)seed;
            for (size_t i = 0; i < HASH_SECRET_SIZE; i++) {
                x = x * 214013u + 2531011u;
                hash_key.secret[i] = (unsigned char)((x >> 16) & 0xff);
            }
        }
    } else {
        hash_key.randomized = 1;
        hash_random_bytes(hash_key.secret, sizeof hash_key.secret);
    }
    hash_key.k0 = hash_load_le64(hash_key.secret);
    hash_key.k1 = hash_load_le64(hash_key.secret + 8);
    hash_key.ready = 1;
    return 0;
}

// Nobody called hash_init: take PYTHONHASHSEED from the environment now. An
// invalid value is fatal, with CPython's words.
static void hash_init_lazily(void) {
    const char *error;
    if (hash_init(getenv("PYTHONHASHSEED"), &error) < 0) {
        fprintf(stderr, "Fatal Python error: config_init_hash_seed: %s\n", error);
        exit(1);
    }
}

const unsigned char *hash_secret(void) {
    if (!hash_key.ready) {
        hash_init_lazily();
    }
    return hash_key.secret;
}

int hash_randomization(void) {
    if (!hash_key.ready) {
        hash_init_lazily();
    }
    return hash_key.randomized;
}

void hash_state_init(HashState *h) {
    if (__builtin_expect(!hash_key.ready, 0)) {
        hash_init_lazily();
    }
    // "somepseudorandomlygeneratedbytes", SipHash's initialization constants.
    h->v0 = hash_key.k0 ^ UINT64_C(0x736f6d6570736575);
    h->v1 = hash_key.k1 ^ UINT64_C(0x646f72616e646f6d);
    h->v2 = hash_key.k0 ^ UINT64_C(0x6c7967656e657261);
    h->v3 = hash_key.k1 ^ UINT64_C(0x7465646279746573);
}

int64_t hash_state_finish(HashState *h, uint64_t tail, size_t total) {
    if (total == 0) {
        return 0;
    }
    uint64_t b = ((uint64_t)total << 56) | tail;
    h->v3 ^= b;
    hash_sip_round_(h);
    h->v0 ^= b;
    h->v2 ^= 0xff;
    hash_sip_round_(h);  // SipHash-1-3: three finalization rounds
    hash_sip_round_(h);
    hash_sip_round_(h);
    int64_t x = (int64_t)(h->v0 ^ h->v1 ^ h->v2 ^ h->v3);
    return x == -1 ? -2 : x;
}

int64_t hash_bytes(const void *p, size_t n) {
    if (n == 0) {
        return 0;
    }
    const unsigned char *s = p;
    HashState h;
    hash_state_init(&h);
    size_t words = n / 8;
    for (size_t i = 0; i < words; i++) {
        uint64_t m;
        memcpy(&m, s + 8 * i, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        m = __builtin_bswap64(m);
#endif
        hash_state_word(&h, m);
    }
    uint64_t tail = 0;
    for (size_t i = n & ~(size_t)7; i < n; i++) {
        tail |= (uint64_t)s[i] << (8 * (i & 7));
    }
    return hash_state_finish(&h, tail, n);
}
