// codecs_source.c - decoding PEP 263 source encodings, and CPython's UTF-8
// error descriptions.
//
// Name resolution follows encodings.search_function: the declared name is
// normalized (runs of characters other than letters, digits and '.' become
// one '_'), then looked up as an alias (also with '.' replaced by '_'), then
// as a module name. The tables come from python3.11 (tools/gen_codecs.py).
#include "codecs_source.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../runtime/unicode.h"
#include "source_codecs.h"

// ---------------------------------------------------------------------------
// UTF-8 validation with CPython's error ranges

#define IS_CONT(b) (((b) & 0xC0) == 0x80)

// One step of CPython's strict UTF-8 decoder at s (n > 0 bytes left).
// Returns the length of a valid sequence, or 0 with *errlen (bytes covered
// by the error) and *why set.
static int u8_step(const unsigned char *s, size_t n, size_t *errlen, const char **why) {
    unsigned c = s[0];
    if (c < 0x80) {
        return 1;
    }
    if (c < 0xC2) {
        goto invalid_start;
    }
    if (c < 0xE0) {
        if (n < 2) {
            goto end_of_data;
        }
        if (!IS_CONT(s[1])) {
            *errlen = 1;
            goto invalid_cont;
        }
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3) {
            if (n >= 2 && (!IS_CONT(s[1]) || (s[1] < 0xA0 ? c == 0xE0 : c == 0xED))) {
                *errlen = 1;
                goto invalid_cont;
            }
            goto end_of_data;
        }
        // E0 needs A0..BF (no overlong forms), ED needs 80..9F (no surrogates).
        if (!IS_CONT(s[1]) || (c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)) {
            *errlen = 1;
            goto invalid_cont;
        }
        if (!IS_CONT(s[2])) {
            *errlen = 2;
            goto invalid_cont;
        }
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4) {
            if (n >= 2) {
                if (!IS_CONT(s[1]) || (s[1] < 0x90 ? c == 0xF0 : c == 0xF4)) {
                    *errlen = 1;
                    goto invalid_cont;
                }
                if (n >= 3 && !IS_CONT(s[2])) {
                    *errlen = 2;
                    goto invalid_cont;
                }
            }
            goto end_of_data;
        }
        if (!IS_CONT(s[1]) || (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)) {
            *errlen = 1;
            goto invalid_cont;
        }
        if (!IS_CONT(s[2])) {
            *errlen = 2;
            goto invalid_cont;
        }
        if (!IS_CONT(s[3])) {
            *errlen = 3;
            goto invalid_cont;
        }
        return 4;
    }
invalid_start:
    *errlen = 1;
    *why = "invalid start byte";
    return 0;
end_of_data:
    *errlen = n;
    *why = "unexpected end of data";
    return 0;
invalid_cont:
    *why = "invalid continuation byte";
    return 0;
}

static void format_decode_error(char *msg, size_t msgsize, const char *codec,
                                const unsigned char *s, size_t start, size_t end,
                                const char *why) {
    if (end - start == 1) {
        snprintf(msg, msgsize, "'%s' codec can't decode byte 0x%02x in position %zu: %s", codec,
                 s[start], start, why);
    } else {
        snprintf(msg, msgsize, "'%s' codec can't decode bytes in position %zu-%zu: %s", codec,
                 start, end - 1, why);
    }
}

int utf8_strict_error(const char *s, size_t len, char *msg, size_t msgsize) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t errlen = 0;
        const char *why = NULL;
        int k = u8_step(u + i, len - i, &errlen, &why);
        if (k == 0) {
            format_decode_error(msg, msgsize, "utf-8", u, i, i + errlen, why);
            return 1;
        }
        i += (size_t)k;
    }
    return 0;
}

size_t utf8_next_replace(const char *s, size_t n, int *valid) {
    const unsigned char *u = (const unsigned char *)s;
    size_t errlen = 0;
    const char *why = NULL;
    int k = u[0] < 0x80 ? 1 : u8_step(u, n, &errlen, &why);
    *valid = k > 0;
    return k > 0 ? (size_t)k : errlen;
}

size_t utf8_replace_count(const char *s, size_t len) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, count = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
        } else {
            size_t errlen = 0;
            const char *why = NULL;
            int k = u8_step(u + i, len - i, &errlen, &why);
            i += k ? (size_t)k : errlen;
        }
        count++;
    }
    return count;
}

// ---------------------------------------------------------------------------
// Codec lookup

// encodings.normalize_encoding for an ASCII name.
static void normalize_encoding(const char *name, char *out, size_t outsize) {
    size_t n = 0;
    int punct = 0;
    for (const char *p = name; *p && n + 2 < outsize; p++) {
        unsigned char c = (unsigned char)*p;
        int keep = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   c == '.';
        if (keep) {
            if (punct && n > 0) {
                out[n++] = '_';
            }
            // The codec registry lowercases the name before this step.
            out[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            punct = 0;
        } else {
            punct = 1;
        }
    }
    out[n] = 0;
}

static int find_name(const char *name, int is_module) {
    for (size_t i = 0; i < sizeof CODEC_NAMES / sizeof CODEC_NAMES[0]; i++) {
        if (CODEC_NAMES[i].is_module == is_module && strcmp(CODEC_NAMES[i].name, name) == 0) {
            return CODEC_NAMES[i].codec;
        }
    }
    return -1;
}

static int lookup_codec(const char *name) {
    char norm[128];
    normalize_encoding(name, norm, sizeof norm);
    int codec = find_name(norm, 0);
    if (codec < 0) {
        char alt[128];
        snprintf(alt, sizeof alt, "%s", norm);
        for (char *p = alt; *p; p++) {
            if (*p == '.') {
                *p = '_';
            }
        }
        codec = find_name(alt, 0);
    }
    if (codec < 0 && norm[0] && !strchr(norm, '.')) {
        codec = find_name(norm, 1);
    }
    return codec;
}

SourceCodecResult source_decode(const char *name, const char *src, size_t len, StrBuf *out,
                                char *msg, size_t msgsize) {
    int codec = lookup_codec(name);
    if (codec < 0) {
        snprintf(msg, msgsize, "unknown encoding: %s", name);
        return SRC_CODEC_UNKNOWN;
    }
    const CodecInfoEntry *info = &CODEC_INFO[codec];
    const unsigned char *u = (const unsigned char *)src;
    switch (info->kind) {
    case CODEC_UTF8:
        if (utf8_strict_error(src, len, msg, msgsize)) {
            return SRC_CODEC_DECODE_ERROR;
        }
        sb_put(out, src, len);
        return SRC_CODEC_OK;
    case CODEC_ASCII:
        for (size_t i = 0; i < len; i++) {
            if (u[i] >= 0x80) {
                format_decode_error(msg, msgsize, "ascii", u, i, i + 1,
                                    "ordinal not in range(128)");
                return SRC_CODEC_DECODE_ERROR;
            }
        }
        sb_put(out, src, len);
        return SRC_CODEC_OK;
    case CODEC_LATIN1:
    case CODEC_CHARMAP:
        sb_reserve(out, len * 2);
        for (size_t i = 0; i < len; i++) {
            uint32_t cp = info->kind == CODEC_LATIN1 ? u[i] : CHARMAP_TABLES[info->table][u[i]];
            if (cp == 0xFFFF) {
                format_decode_error(msg, msgsize, "charmap", u, i, i + 1,
                                    "character maps to <undefined>");
                return SRC_CODEC_DECODE_ERROR;
            }
            char tmp[4];
            sb_put(out, tmp, (size_t)utf8_encode(cp, tmp));
        }
        return SRC_CODEC_OK;
    case CODEC_NONTEXT:
        snprintf(msg, msgsize, "'%s' is not a text encoding; use codecs.decode() to handle "
                 "arbitrary codecs", name);
        return SRC_CODEC_UNKNOWN;
    default:
        snprintf(msg, msgsize, "krait cannot decode source encoding '%s' (yet)", name);
        return SRC_CODEC_UNSUPPORTED;
    }
}
