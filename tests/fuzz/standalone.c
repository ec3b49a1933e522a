// standalone.c - run the fuzz harness on files without libFuzzer.
//
// Links with parse_fuzzer.c into a plain program (any compiler, any
// optimisation, with or without sanitizers) so that a reproducer can be
// debugged or timed outside libFuzzer:
//   parse_standalone FILE...   run each file once, print its time in seconds
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        size_t cap = 1 << 16, len = 0;
        uint8_t *buf = malloc(cap);
        size_t n;
        while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
            len += n;
            if (len == cap) {
                cap *= 2;
                buf = realloc(buf, cap);
            }
        }
        fclose(f);
        if (!buf) {
            fprintf(stderr, "out of memory\n");
            return 1;
        }
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        LLVMFuzzerTestOneInput(buf, len);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        printf("%s %.3f\n", argv[i],
               (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
        free(buf);
    }
    return 0;
}
