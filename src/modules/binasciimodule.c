// binasciimodule.c - the `binascii` module: conversions between binary data
// and ASCII encodings (hex, base64, uuencode, quoted-printable) and the
// CRC-32 and CRC-CCITT checksums, for Lib/base64.py, quopri, uu, zipfile...
//
// The decoders (a2b_*) take any bytes-like object or an ASCII-only str;
// the encoders (b2a_*) take bytes-like objects only. Malformed input
// raises binascii.Error (a ValueError). Each function follows CPython
// 3.11's behaviour on odd input - base64 skips what is not in its
// alphabet and stops at the first complete padding, uudecode reads a
// missing line as zero bytes - because programs (and the stdlib's tests)
// depend on it.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Value binascii_error, binascii_incomplete;

static Value raise_error(const char *msg) {
    Value m = str_from_cstr(msg);
    Value exc = m ? obj_call1(binascii_error, m) : 0;
    return exc ? err_set_value(exc) : 0;
}

// ---- arguments ----------------------------------------------------------------------------------

// The data of a decoder: a bytes-like object or an ASCII str. The bytes
// are copied into *out (a bytes object), so the caller needs no window.
static int ascii_data(Value v, Value *out) {
    if (val_is_str(v)) {
        if (!(str_obj(v)->flags & STR_ASCII)) {
            err_format(&exc_ValueError, "string argument should contain only ASCII characters");
            return -1;
        }
        *out = bytes_from(str_obj(v)->data, str_obj(v)->nbytes);
        return *out ? 0 : -1;
    }
    Buffer view;
    int r = buffer_get(v, &view, BUFFER_SIMPLE);
    if (r < 0) {
        return -1;
    }
    if (r == 0) {
        err_format(&exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'",
                   obj_type_name(v));
        return -1;
    }
    *out = bytes_from(view.buf, (size_t)view.len);
    buffer_release(&view);
    return *out ? 0 : -1;
}

// The data of an encoder: a bytes-like object, copied.
static int binary_data(Value v, Value *out) {
    Buffer view;
    if (buffer_get_bytes_like(v, &view) < 0) {
        return -1;
    }
    *out = bytes_from(view.buf, (size_t)view.len);
    buffer_release(&view);
    return *out ? 0 : -1;
}

// A flag argument (Argument Clinic's int-based bool): `dflt` when absent.
static int flag_arg(Value v, int dflt, int *out) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    int64_t x;
    if (obj_as_index(v, &x, 0) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C int");
        }
        return -1;
    }
    if (x < INT32_MIN || x > INT32_MAX) {
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = x != 0;
    return 0;
}

// An unsigned_int(bitwise=True) argument: the low 32 bits of any int.
static int bitwise_u32(Value v, uint32_t *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    if (!int_check(v)) {
        v = obj_index(v);
        if (!v) {
            return -1;
        }
    }
    v = int_exact(v);
    if (!v) {
        return -1;
    }
    if (val_is_smallint(v)) {
        *out = (uint32_t)(uint64_t)val_smallint(v);
        return 0;
    }
    IntObject *o = (IntObject *)val_ptr(v);
    uint64_t low = o->size != 0 ? o->limbs[0] : 0;
    *out = (uint32_t)(o->size < 0 ? 0 - low : low);
    return 0;
}

static Value bytes_of(StrBuf *b) {
    Value r = bytes_from(b->data ? b->data : "", b->len);
    sb_free(b);
    return r;
}

// ---- hex ------------------------------------------------------------------------------------------

static Value hex_impl(const char *fname, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"data", "sep", "bytes_per_sep", NULL};
    ArgSpec spec = {fname, 0, names, 1, 3, 0};
    Value a[3];
    Value data;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || binary_data(a[0], &data) < 0) {
        return 0;
    }
    int sep = -1;
    if (a[1]) {
        int64_t len = obj_len(a[1]);
        if (len < 0) {
            return 0;
        }
        if (len != 1) {
            return err_format(&exc_ValueError, "sep must be length 1.");
        }
        if (val_is_str(a[1])) {
            uint32_t c = str_getitem_cp(a[1], 0);
            if (c > 0xFF) {
                return err_format(&exc_ValueError, "sep must be ASCII.");
            }
            sep = (int)c;
        } else if (val_is_bytes(a[1])) {
            sep = (unsigned char)bytes_data(a[1])[0];
        } else {
            return err_format(&exc_TypeError, "sep must be str or bytes.");
        }
    }
    int64_t per = 1;
    if (a[2]) {
        if (float_check(a[2]) || (!int_check(a[2]) && !type_of(a[2])->index)) {
            return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              obj_type_name(a[2]));
        }
        if (obj_as_index(a[2], &per, 1) < 0) {
            return 0;
        }
        if (per < INT32_MIN || per > INT32_MAX) {
            return err_format(&exc_OverflowError, "Python int too large to convert to C int");
        }
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    size_t n = bytes_len(data);
    uint64_t group = (uint64_t)(per < 0 ? -per : per);
    if (sep < 0 || group == 0 || group >= n) {
        sep = -1;
    }
    static const char digits[] = "0123456789abcdef";
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, n * 3 + 1);
    for (size_t i = 0; i < n; i++) {
        if (sep >= 0 && i > 0) {
            // Groups count from the right for a positive bytes_per_sep.
            size_t pos = per > 0 ? n - i : i;
            if (pos % group == 0) {
                sb_putc(&b, (char)sep);
            }
        }
        sb_putc(&b, digits[d[i] >> 4]);
        sb_putc(&b, digits[d[i] & 15]);
    }
    return bytes_of(&b);
}

FN(binascii_b2a_hex) {
    return hex_impl("b2a_hex", args, nargs, kwnames);
}

FN(binascii_hexlify) {
    return hex_impl("hexlify", args, nargs, kwnames);
}

static int hexval(unsigned c) {
    return c >= '0' && c <= '9' ? (int)(c - '0')
           : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10)
           : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10) : -1;
}

static Value unhex_impl(const char *fname, const Value *args, size_t nargs, Value kwnames) {
    Value data;
    if (method_check_args(fname, nargs, kwnames, 1, 1) < 0 || ascii_data(args[0], &data) < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    size_t n = bytes_len(data);
    if (n % 2) {
        return raise_error("Odd-length string");
    }
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, n / 2 + 1);
    for (size_t i = 0; i < n; i += 2) {
        int hi = hexval(d[i]), lo = hexval(d[i + 1]);
        if (hi < 0 || lo < 0) {
            sb_free(&b);
            return raise_error("Non-hexadecimal digit found");
        }
        sb_putc(&b, (char)(hi * 16 + lo));
    }
    return bytes_of(&b);
}

FN(binascii_a2b_hex) {
    return unhex_impl("binascii.a2b_hex", args, nargs, kwnames);
}

FN(binascii_unhexlify) {
    return unhex_impl("binascii.unhexlify", args, nargs, kwnames);
}

// ---- base64 ----------------------------------------------------------------------------------------

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(unsigned c) {
    if (c >= 'A' && c <= 'Z') {
        return (int)(c - 'A');
    }
    if (c >= 'a' && c <= 'z') {
        return (int)(c - 'a' + 26);
    }
    if (c >= '0' && c <= '9') {
        return (int)(c - '0' + 52);
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

FN(binascii_b2a_base64) {
    static const char *const names[] = {"newline", NULL};
    static const ArgSpec spec = {"b2a_base64", 1, names, 1, 1, 0};
    Value a[2];
    Value data;
    int newline;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || binary_data(a[0], &data) < 0 ||
        flag_arg(a[1], 1, &newline) < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    size_t n = bytes_len(data);
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, n / 3 * 4 + 6);
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16 | (uint32_t)d[i + 1] << 8 | d[i + 2];
        sb_putc(&b, b64_alphabet[v >> 18]);
        sb_putc(&b, b64_alphabet[(v >> 12) & 63]);
        sb_putc(&b, b64_alphabet[(v >> 6) & 63]);
        sb_putc(&b, b64_alphabet[v & 63]);
    }
    if (n - i == 1) {
        sb_putc(&b, b64_alphabet[d[i] >> 2]);
        sb_putc(&b, b64_alphabet[(d[i] & 3) << 4]);
        sb_put(&b, "==", 2);
    } else if (n - i == 2) {
        sb_putc(&b, b64_alphabet[d[i] >> 2]);
        sb_putc(&b, b64_alphabet[((d[i] & 3) << 4) | (d[i + 1] >> 4)]);
        sb_putc(&b, b64_alphabet[(d[i + 1] & 15) << 2]);
        sb_putc(&b, '=');
    }
    if (newline) {
        sb_putc(&b, '\n');
    }
    return bytes_of(&b);
}

// Characters outside the alphabet are skipped (strict mode refuses
// them); a '=' after at least two characters of a quantum, once the
// quantum is filled up with pads, ends the data.
FN(binascii_a2b_base64) {
    static const char *const names[] = {"strict_mode", NULL};
    static const ArgSpec spec = {"a2b_base64", 1, names, 1, 1, 0};
    Value a[2];
    Value data;
    int strict;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || ascii_data(a[0], &data) < 0 ||
        flag_arg(a[1], 0, &strict) < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    size_t n = bytes_len(data);
    if (strict && n > 0 && d[0] == '=') {
        return raise_error("Leading padding not allowed");
    }
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, n / 4 * 3 + 3);
    int quad = 0, pads = 0, padding = 0;
    unsigned left = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = d[i];
        if (c == '=') {
            padding = 1;
            if (quad >= 2 && quad + ++pads >= 4) {
                if (strict && i + 1 < n) {
                    sb_free(&b);
                    return raise_error("Excess data after padding");
                }
                return bytes_of(&b);
            }
            continue;
        }
        int v = b64_value(c);
        if (v < 0) {
            if (strict) {
                sb_free(&b);
                return raise_error("Only base64 data is allowed");
            }
            continue;
        }
        if (strict && padding) {
            sb_free(&b);
            return raise_error("Discontinuous padding not allowed");
        }
        pads = 0;
        switch (quad) {
        case 0:
            left = (unsigned)v;
            quad = 1;
            break;
        case 1:
            sb_putc(&b, (char)((left << 2) | ((unsigned)v >> 4)));
            left = (unsigned)v & 15;
            quad = 2;
            break;
        case 2:
            sb_putc(&b, (char)((left << 4) | ((unsigned)v >> 2)));
            left = (unsigned)v & 3;
            quad = 3;
            break;
        default:
            sb_putc(&b, (char)((left << 6) | (unsigned)v));
            quad = 0;
            break;
        }
    }
    if (quad == 1) {
        char msg[160];
        snprintf(msg, sizeof msg,
                 "Invalid base64-encoded string: number of data characters (%zu) cannot be 1 "
                 "more than a multiple of 4",
                 b.len / 3 * 4 + 1);
        sb_free(&b);
        return raise_error(msg);
    }
    if (quad != 0) {
        sb_free(&b);
        return raise_error("Incorrect padding");
    }
    return bytes_of(&b);
}

// ---- uuencode ----------------------------------------------------------------------------------

FN(binascii_b2a_uu) {
    static const char *const names[] = {"backtick", NULL};
    static const ArgSpec spec = {"b2a_uu", 1, names, 1, 1, 0};
    Value a[2];
    Value data;
    int backtick;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || binary_data(a[0], &data) < 0 ||
        flag_arg(a[1], 0, &backtick) < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    size_t n = bytes_len(data);
    if (n > 45) {
        return raise_error("At most 45 bytes at once");
    }
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, (char)(backtick && n == 0 ? '`' : ' ' + (int)n));
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16 | (i + 1 < n ? (uint32_t)d[i + 1] << 8 : 0) |
                     (i + 2 < n ? d[i + 2] : 0);
        for (int k = 3; k >= 0; k--) {
            unsigned c = (v >> (6 * k)) & 63;
            sb_putc(&b, (char)(backtick && c == 0 ? '`' : ' ' + (int)c));
        }
    }
    sb_putc(&b, '\n');
    return bytes_of(&b);
}

// The first character is the length; a line cut short reads as zero
// bits; after the data only spaces, '`' and line ends may follow.
FN(binascii_a2b_uu) {
    Value data;
    if (method_check_args("binascii.a2b_uu", nargs, kwnames, 1, 1) < 0 || ascii_data(args[0], &data) < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    size_t n = bytes_len(data), i = 0;
    size_t want = ((n > 0 ? d[0] : 0) - ' ') & 63;
    if (n > 0) {
        i = 1;
    }
    StrBuf b;
    sb_init(&b);
    unsigned left = 0;
    int bits = 0;
    while (b.len < want) {
        unsigned c = 0;
        if (i < n && d[i] != '\n' && d[i] != '\r') {
            c = d[i];
            if (c < ' ' || c > ' ' + 64) {
                sb_free(&b);
                return raise_error("Illegal char");
            }
            c = (c - ' ') & 63;
        }
        i++;
        left = (left << 6) | c;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            sb_putc(&b, (char)((left >> bits) & 0xFF));
            left &= (1u << bits) - 1;
        }
    }
    for (; i < n; i++) {
        unsigned c = d[i];
        if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') {
            sb_free(&b);
            return raise_error("Trailing garbage");
        }
    }
    return bytes_of(&b);
}

// ---- checksums ---------------------------------------------------------------------------------------

static uint32_t crc32_table[256];
static uint16_t crc_hqx_table[256];

static void crc_tables_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        crc32_table[i] = c;
        uint32_t h = i << 8;
        for (int k = 0; k < 8; k++) {
            h = (h & 0x8000) ? ((h << 1) ^ 0x1021) : (h << 1);
        }
        crc_hqx_table[i] = (uint16_t)h;
    }
}

FN(binascii_crc32) {
    Value data;
    uint32_t crc = 0;
    if (args_no_keywords("binascii.crc32", kwnames) < 0 ||
        args_check_positional("crc32", nargs, 1, 2) < 0 || binary_data(args[0], &data) < 0 ||
        (nargs > 1 && bitwise_u32(args[1], &crc) < 0)) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    uint32_t c = ~crc;
    for (size_t i = 0; i < bytes_len(data); i++) {
        c = crc32_table[(c ^ d[i]) & 0xFF] ^ (c >> 8);
    }
    return int_from_i64((int64_t)(uint32_t)~c);
}

FN(binascii_crc_hqx) {
    Value data;
    uint32_t crc;
    if (args_no_keywords("binascii.crc_hqx", kwnames) < 0 ||
        args_check_positional("crc_hqx", nargs, 2, 2) < 0 || binary_data(args[0], &data) < 0 ||
        bitwise_u32(args[1], &crc) < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    crc &= 0xFFFF;
    for (size_t i = 0; i < bytes_len(data); i++) {
        crc = ((crc << 8) & 0xFF00) ^ crc_hqx_table[(crc >> 8) ^ d[i]];
    }
    return int_from_i64(crc);
}

// ---- quoted-printable ------------------------------------------------------------------------------

FN(binascii_a2b_qp) {
    static const char *const names[] = {"data", "header", NULL};
    static const ArgSpec spec = {"a2b_qp", 0, names, 1, 2, 0};
    Value a[2];
    Value data;
    int header;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || ascii_data(a[0], &data) < 0 ||
        flag_arg(a[1], 0, &header) < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    size_t n = bytes_len(data), i = 0;
    StrBuf b;
    sb_init(&b);
    while (i < n) {
        unsigned c = d[i];
        if (c == '=') {
            i++;
            if (i >= n) {
                break;
            }
            if (d[i] == '\n' || d[i] == '\r') {
                // A soft line break: drop up to and including the '\n'.
                while (i < n && d[i] != '\n') {
                    i++;
                }
                if (i < n) {
                    i++;
                }
            } else if (d[i] == '=') {
                sb_putc(&b, '=');
                i++;
            } else if (i + 1 < n && hexval(d[i]) >= 0 && hexval(d[i + 1]) >= 0) {
                sb_putc(&b, (char)(hexval(d[i]) * 16 + hexval(d[i + 1])));
                i += 2;
            } else {
                sb_putc(&b, '=');
            }
        } else if (header && c == '_') {
            sb_putc(&b, ' ');
            i++;
        } else {
            sb_putc(&b, (char)c);
            i++;
        }
    }
    return bytes_of(&b);
}

#define QP_MAXLINE 76

static void qp_soft_break(StrBuf *b, int crlf) {
    sb_putc(b, '=');
    if (crlf) {
        sb_putc(b, '\r');
    }
    sb_putc(b, '\n');
}

static void qp_put_hex(StrBuf *b, unsigned c) {
    static const char digits[] = "0123456789ABCDEF";
    sb_putc(b, digits[c >> 4]);
    sb_putc(b, digits[c & 15]);
}

// Lines end as the first line does (CRLF or LF); lines are kept under 76
// characters with soft breaks; '=', bytes above 126 and control bytes are
// encoded, and so are: a '.' alone on a line, whitespace at the end of a
// line or of the data, tabs and spaces with quotetabs, '_' with header,
// and CR/LF when not istext.
FN(binascii_b2a_qp) {
    static const char *const names[] = {"data", "quotetabs", "istext", "header", NULL};
    static const ArgSpec spec = {"b2a_qp", 0, names, 1, 4, 0};
    Value a[4];
    Value data;
    int quotetabs, istext, header;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || binary_data(a[0], &data) < 0 ||
        flag_arg(a[1], 0, &quotetabs) < 0 || flag_arg(a[2], 1, &istext) < 0 ||
        flag_arg(a[3], 0, &header) < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    size_t n = bytes_len(data);
    const unsigned char *nl = memchr(d, '\n', n);
    int crlf = nl && nl > d && nl[-1] == '\r';
    StrBuf b;
    sb_init(&b);
    size_t linelen = 0, i = 0;
    while (i < n) {
        unsigned c = d[i];
        int last = i + 1 == n;
        int encode = c > 126 || c == '=' || (header && c == '_') ||
                     (c == '.' && linelen == 0 &&
                      (last || d[i + 1] == '\n' || d[i + 1] == '\r' || d[i + 1] == 0)) ||
                     (!istext && (c == '\r' || c == '\n')) ||
                     ((c == '\t' || c == ' ') && last) ||
                     (c < 33 && c != '\r' && c != '\n' &&
                      (quotetabs || (c != '\t' && c != ' ')));
        if (encode) {
            if (linelen + 3 >= QP_MAXLINE) {
                qp_soft_break(&b, crlf);
                linelen = 0;
            }
            sb_putc(&b, '=');
            qp_put_hex(&b, c);
            i++;
            linelen += 3;
            continue;
        }
        if (istext && (c == '\n' || (c == '\r' && i + 1 < n && d[i + 1] == '\n'))) {
            linelen = 0;
            // Whitespace at the end of the line is encoded.
            if (b.len > 0 && (b.data[b.len - 1] == ' ' || b.data[b.len - 1] == '\t')) {
                unsigned w = (unsigned char)b.data[b.len - 1];
                b.data[b.len - 1] = '=';
                qp_put_hex(&b, w);
            }
            if (crlf) {
                sb_putc(&b, '\r');
            }
            sb_putc(&b, '\n');
            i += c == '\r' ? 2 : 1;
            continue;
        }
        if (!last && d[i + 1] != '\n' && linelen + 1 >= QP_MAXLINE) {
            qp_soft_break(&b, crlf);
            linelen = 0;
        }
        linelen++;
        sb_putc(&b, (char)(header && c == ' ' ? '_' : c));
        i++;
    }
    return bytes_of(&b);
}

// ---- the module -----------------------------------------------------------------------------------

static const MethodDef binascii_functions[] = {
    {"a2b_uu", binascii_a2b_uu, METH_DEFAULT, "Decode a line of uuencoded data."},
    {"b2a_uu", binascii_b2a_uu, METH_DEFAULT, "Uuencode line of data."},
    {"a2b_base64", binascii_a2b_base64, METH_DEFAULT, "Decode a line of base64 data."},
    {"b2a_base64", binascii_b2a_base64, METH_DEFAULT, "Base64-code line of data."},
    {"a2b_hex", binascii_a2b_hex, METH_DEFAULT, "Binary data of hexadecimal representation."},
    {"b2a_hex", binascii_b2a_hex, METH_DEFAULT, "Hexadecimal representation of binary data."},
    {"hexlify", binascii_hexlify, METH_DEFAULT, "Hexadecimal representation of binary data."},
    {"unhexlify", binascii_unhexlify, METH_DEFAULT, "Binary data of hexadecimal representation."},
    {"crc_hqx", binascii_crc_hqx, METH_DEFAULT, "Compute CRC-CCITT incrementally."},
    {"crc32", binascii_crc32, METH_DEFAULT, "Compute CRC-32 incrementally."},
    {"a2b_qp", binascii_a2b_qp, METH_DEFAULT, "Decode a string of qp-encoded data."},
    {"b2a_qp", binascii_b2a_qp, METH_DEFAULT, "Encode a string using quoted-printable encoding."},
    {NULL, NULL, 0, NULL},
};

static Value new_exception(const char *name, Type *base) {
    Value bases = tuple_from((Value[]){val_from_ptr(base)}, 1);
    Value ns = bases ? dict_new() : 0;
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("binascii")) < 0) {
        return 0;
    }
    return type_new_class(&type_type, str_from_cstr(name), bases, ns);
}

Value binascii_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    crc_tables_init();
    gc_add_root(&binascii_error);
    gc_add_root(&binascii_incomplete);
    binascii_error = new_exception("Error", &exc_ValueError);
    binascii_incomplete = binascii_error ? new_exception("Incomplete", &exc_Exception) : 0;
    Value m = binascii_incomplete ? module_new_cstr("binascii") : 0;
    if (!m || module_add_functions(m, binascii_functions) < 0 ||
        module_add(m, "Error", binascii_error) < 0 ||
        module_add(m, "Incomplete", binascii_incomplete) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Conversion between binary data and ASCII")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
