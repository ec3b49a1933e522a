// codecs_test.c - driver for tests/unit/codecs_test.sh: decodes inputs with
// source_decode() and prints the outcome, for comparison with python3.11.
//
// Input (stdin): records "NAME\tHEX\n" (HEX: the bytes to decode). Output,
// one line per record: "ok HEX" (the UTF-8 result) or "err MESSAGE" (with
// '\\' and '\n' escaped as "\\\\" and "\\n").
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/codecs_source.h"

static int hexval(int c) {
    return c <= '9' ? c - '0' : (c | 32) - 'a' + 10;
}

int main(void) {
    size_t cap = 1 << 16;
    char *line = malloc(cap);
    size_t len = 0;
    int c;
    for (;;) {
        len = 0;
        while ((c = getchar()) != EOF && c != '\n') {
            if (len + 1 >= cap) {
                cap *= 2;
                line = realloc(line, cap);
            }
            line[len++] = (char)c;
        }
        if (c == EOF && len == 0) {
            break;
        }
        line[len] = 0;
        char *tab = strchr(line, '\t');
        if (!tab) {
            continue;
        }
        *tab = 0;
        const char *hex = tab + 1;
        size_t n = strlen(hex) / 2;
        char *bytes = malloc(n + 1);
        for (size_t i = 0; i < n; i++) {
            bytes[i] = (char)(hexval(hex[2 * i]) << 4 | hexval(hex[2 * i + 1]));
        }
        StrBuf out;
        sb_init(&out);
        char msg[4096];
        SourceCodecResult r = source_decode(line, bytes, n, &out, msg, sizeof msg);
        if (r == SRC_CODEC_OK) {
            fputs("ok ", stdout);
            for (size_t i = 0; i < out.len; i++) {
                printf("%02x", (unsigned char)out.data[i]);
            }
        } else {
            printf("err%s ", r == SRC_CODEC_RUNTIME_ERROR ? "-runtime"
                             : r == SRC_CODEC_UNSUPPORTED ? "-unsupported" : "");
            for (const char *p = msg; *p; p++) {
                if (*p == '\\') {
                    fputs("\\\\", stdout);
                } else if (*p == '\n') {
                    fputs("\\n", stdout);
                } else {
                    putchar(*p);
                }
            }
        }
        putchar('\n');
        sb_free(&out);
        free(bytes);
    }
    free(line);
    return 0;
}
