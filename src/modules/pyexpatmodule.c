// pyexpatmodule.c - the `pyexpat` module over libexpat (Debian
// libexpat1-dev): xmlparser objects with their handler attributes, the
// errors and model submodules, ErrorString and ExpatError. Through
// xml.parsers.expat it is what xml.etree.ElementTree, xml.dom.minidom,
// xml.sax and plistlib parse with.
//
// The handlers: HANDLERS below lists every expat callback CPython exposes,
// once, and generates the attribute getters/setters and the table that
// installs a C trampoline with expat when a handler is set (and removes it
// for None). A trampoline converts expat's UTF-8 strings to str (names
// through the parser's `intern` dict, as CPython does) and calls the
// Python handler.
//
// An exception in a handler stops the parser (XML_StopParser) and sets
// `error`: no other handler runs after it, and Parse() returns with the
// exception pending.
//
// buffer_text: character data is collected in `buffer` (buffer_size bytes
// of UTF-8) and handed to CharacterDataHandler in one piece, before any
// other handler runs and at the end of each Parse() call, with CPython's
// rules for data larger than the buffer.
#include <expat.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// X-macro: attribute name, index name. ORDER HANDLERS: the index enum and
// the install table follow this list.
#define HANDLERS(_)                                                                            \
    _("StartElementHandler", START_ELEMENT)                                                    \
    _("EndElementHandler", END_ELEMENT)                                                        \
    _("ProcessingInstructionHandler", PROCESSING_INSTRUCTION)                                  \
    _("CharacterDataHandler", CHARACTER_DATA)                                                  \
    _("UnparsedEntityDeclHandler", UNPARSED_ENTITY_DECL)                                       \
    _("NotationDeclHandler", NOTATION_DECL)                                                    \
    _("StartNamespaceDeclHandler", START_NAMESPACE_DECL)                                       \
    _("EndNamespaceDeclHandler", END_NAMESPACE_DECL)                                           \
    _("CommentHandler", COMMENT)                                                               \
    _("StartCdataSectionHandler", START_CDATA_SECTION)                                         \
    _("EndCdataSectionHandler", END_CDATA_SECTION)                                             \
    _("DefaultHandler", DEFAULT)                                                               \
    _("DefaultHandlerExpand", DEFAULT_EXPAND)                                                  \
    _("NotStandaloneHandler", NOT_STANDALONE)                                                  \
    _("ExternalEntityRefHandler", EXTERNAL_ENTITY_REF)                                         \
    _("StartDoctypeDeclHandler", START_DOCTYPE_DECL)                                           \
    _("EndDoctypeDeclHandler", END_DOCTYPE_DECL)                                               \
    _("EntityDeclHandler", ENTITY_DECL)                                                        \
    _("XmlDeclHandler", XML_DECL)                                                              \
    _("ElementDeclHandler", ELEMENT_DECL)                                                      \
    _("AttlistDeclHandler", ATTLIST_DECL)                                                      \
    _("SkippedEntityHandler", SKIPPED_ENTITY)

enum {
#define H_ENUM_(name, idx) H_##idx,
    HANDLERS(H_ENUM_)
#undef H_ENUM_
    H_COUNT
};

typedef struct ParserObject {
    Object header;
    XML_Parser parser;
    Value handlers[H_COUNT];   // None or 0 when not set
    Value intern;              // a dict, or 0 (None)
    Value parent;              // the parser an external entity parser was made from, or 0
    char *buffer;              // buffer_text: the collected character data, or NULL
    int buffer_size, buffer_used;
    int ordered_attributes, specified_attributes, namespace_prefixes;
    int error;                 // a handler raised: its exception is pending
} ParserObject;

static Type type_xmlparser;
static Value expat_error;      // ExpatError

static ParserObject *po(Value v) {
    return (ParserObject *)val_ptr(v);
}

// ---- strings ------------------------------------------------------------------------------

static Value conv_len(const XML_Char *s, size_t n) {
    return s ? str_from_utf8(s, n) : VAL_NONE;
}

static Value conv(const XML_Char *s) {
    return s ? str_from_utf8(s, strlen(s)) : VAL_NONE;
}

// A name, through the intern dict.
static Value intern_name(ParserObject *p, const XML_Char *s) {
    Value v = conv(s);
    if (!v || !s || !p->intern) {
        return v;
    }
    Value have = dict_get(p->intern, v);
    if (have || err_occurred()) {
        return have;
    }
    return dict_set(p->intern, v, v) < 0 ? 0 : v;
}

// ---- calling the handlers -------------------------------------------------------------------

static void parser_fail(ParserObject *p) {
    p->error = 1;
    XML_StopParser(p->parser, XML_FALSE);
}

static Value call_handler(ParserObject *p, int idx, Value *args, size_t n) {
    Value h = p->handlers[idx];
    if (p->error || !h || h == VAL_NONE) {
        return 0;
    }
    Value r = obj_call(h, args, n, 0);
    if (!r) {
        parser_fail(p);
    }
    return r;
}

static int flush_buffer(ParserObject *p) {
    if (!p->buffer || p->buffer_used == 0) {
        return 0;
    }
    Value h = p->handlers[H_CHARACTER_DATA];
    int used = p->buffer_used;
    p->buffer_used = 0;
    if (!h || h == VAL_NONE) {
        return 0;
    }
    Value data = str_from_utf8(p->buffer, (size_t)used);
    if (!data) {
        parser_fail(p);
        return -1;
    }
    return call_handler(p, H_CHARACTER_DATA, &data, 1) ? 0 : -1;
}

// Prologue of every trampoline but character data: 0 to go on.
static int handler_enter(ParserObject *p) {
    if (p->error) {
        return -1;
    }
    return flush_buffer(p);
}

// Build the arguments, failing the parse when a conversion fails.
#define ARGS_OK(p, ...)                                                                        \
    ({                                                                                         \
        int ok_ = 1;                                                                           \
        Value list_[] = {__VA_ARGS__};                                                         \
        for (size_t i_ = 0; i_ < sizeof list_ / sizeof list_[0]; i_++) {                       \
            ok_ = ok_ && list_[i_];                                                            \
        }                                                                                      \
        if (!ok_) {                                                                            \
            parser_fail(p);                                                                    \
        }                                                                                      \
        ok_;                                                                                   \
    })

static void XMLCALL h_start_element(void *ud, const XML_Char *name, const XML_Char **atts) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    int max = 0;
    if (p->specified_attributes) {
        max = XML_GetSpecifiedAttributeCount(p->parser);
    } else {
        while (atts[max]) {
            max += 2;
        }
    }
    Value n = intern_name(p, name);
    Value container = p->ordered_attributes ? list_new((size_t)max) : dict_new();
    if (!ARGS_OK(p, n, container)) {
        return;
    }
    for (int i = 0; i < max; i += 2) {
        Value an = intern_name(p, atts[i]);
        Value av = an ? conv(atts[i + 1]) : 0;
        int bad = !av;
        if (!bad && p->ordered_attributes) {
            bad = list_append(container, an) < 0 || list_append(container, av) < 0;
        } else if (!bad) {
            bad = dict_set(container, an, av) < 0;
        }
        if (bad) {
            parser_fail(p);
            return;
        }
    }
    Value args[2] = {n, container};
    call_handler(p, H_START_ELEMENT, args, 2);
}

static void XMLCALL h_end_element(void *ud, const XML_Char *name) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value n = intern_name(p, name);
    if (ARGS_OK(p, n)) {
        call_handler(p, H_END_ELEMENT, &n, 1);
    }
}

static void XMLCALL h_processing_instruction(void *ud, const XML_Char *target,
                                             const XML_Char *data) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value a[2] = {intern_name(p, target), conv(data)};
    if (ARGS_OK(p, a[0], a[1])) {
        call_handler(p, H_PROCESSING_INSTRUCTION, a, 2);
    }
}

static void call_character_handler(ParserObject *p, const XML_Char *data, int len) {
    Value s = str_from_utf8(data, (size_t)len);
    if (ARGS_OK(p, s)) {
        call_handler(p, H_CHARACTER_DATA, &s, 1);
    }
}

static void XMLCALL h_character_data(void *ud, const XML_Char *data, int len) {
    ParserObject *p = ud;
    if (p->error) {
        return;
    }
    if (!p->buffer) {
        call_character_handler(p, data, len);
        return;
    }
    if (p->buffer_used + len > p->buffer_size) {
        if (flush_buffer(p) < 0) {
            return;
        }
        Value h = p->handlers[H_CHARACTER_DATA];
        if (!h || h == VAL_NONE) {
            return;
        }
    }
    if (len > p->buffer_size) {
        call_character_handler(p, data, len);
        p->buffer_used = 0;
    } else {
        memcpy(p->buffer + p->buffer_used, data, (size_t)len);
        p->buffer_used += len;
    }
}

static void XMLCALL h_unparsed_entity_decl(void *ud, const XML_Char *entity, const XML_Char *base,
                                           const XML_Char *system, const XML_Char *public_id,
                                           const XML_Char *notation) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value a[5] = {intern_name(p, entity), intern_name(p, base), intern_name(p, system),
                  intern_name(p, public_id), intern_name(p, notation)};
    if (ARGS_OK(p, a[0], a[1], a[2], a[3], a[4])) {
        call_handler(p, H_UNPARSED_ENTITY_DECL, a, 5);
    }
}

static void XMLCALL h_notation_decl(void *ud, const XML_Char *notation, const XML_Char *base,
                                    const XML_Char *system, const XML_Char *public_id) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value a[4] = {intern_name(p, notation), intern_name(p, base), intern_name(p, system),
                  intern_name(p, public_id)};
    if (ARGS_OK(p, a[0], a[1], a[2], a[3])) {
        call_handler(p, H_NOTATION_DECL, a, 4);
    }
}

static void XMLCALL h_start_namespace_decl(void *ud, const XML_Char *prefix, const XML_Char *uri) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value a[2] = {intern_name(p, prefix), intern_name(p, uri)};
    if (ARGS_OK(p, a[0], a[1])) {
        call_handler(p, H_START_NAMESPACE_DECL, a, 2);
    }
}

static void XMLCALL h_end_namespace_decl(void *ud, const XML_Char *prefix) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value a = intern_name(p, prefix);
    if (ARGS_OK(p, a)) {
        call_handler(p, H_END_NAMESPACE_DECL, &a, 1);
    }
}

static void XMLCALL h_comment(void *ud, const XML_Char *data) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value a = conv(data);
    if (ARGS_OK(p, a)) {
        call_handler(p, H_COMMENT, &a, 1);
    }
}

static void XMLCALL h_start_cdata(void *ud) {
    ParserObject *p = ud;
    if (handler_enter(p) == 0) {
        call_handler(p, H_START_CDATA_SECTION, NULL, 0);
    }
}

static void XMLCALL h_end_cdata(void *ud) {
    ParserObject *p = ud;
    if (handler_enter(p) == 0) {
        call_handler(p, H_END_CDATA_SECTION, NULL, 0);
    }
}

static void default_common(ParserObject *p, int idx, const XML_Char *s, int len) {
    if (handler_enter(p) < 0) {
        return;
    }
    Value a = conv_len(s, (size_t)len);
    if (ARGS_OK(p, a)) {
        call_handler(p, idx, &a, 1);
    }
}

static void XMLCALL h_default(void *ud, const XML_Char *s, int len) {
    default_common(ud, H_DEFAULT, s, len);
}

static void XMLCALL h_default_expand(void *ud, const XML_Char *s, int len) {
    default_common(ud, H_DEFAULT_EXPAND, s, len);
}

// The int a handler returned (NotStandalone, ExternalEntityRef), or 0.
static int handler_int(ParserObject *p, Value r) {
    if (!r) {
        return 0;
    }
    int64_t v;
    if (obj_as_int64(r, &v) < 0) {
        parser_fail(p);
        return 0;
    }
    return (int)v;
}

static int XMLCALL h_not_standalone(void *ud) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return 0;
    }
    return handler_int(p, call_handler(p, H_NOT_STANDALONE, NULL, 0));
}

static int XMLCALL h_external_entity_ref(XML_Parser parser, const XML_Char *context,
                                         const XML_Char *base, const XML_Char *system,
                                         const XML_Char *public_id) {
    ParserObject *p = XML_GetUserData(parser);
    if (handler_enter(p) < 0) {
        return 0;
    }
    Value a[4] = {conv(context), intern_name(p, base), intern_name(p, system),
                  intern_name(p, public_id)};
    if (!ARGS_OK(p, a[0], a[1], a[2], a[3])) {
        return 0;
    }
    return handler_int(p, call_handler(p, H_EXTERNAL_ENTITY_REF, a, 4));
}

static void XMLCALL h_start_doctype_decl(void *ud, const XML_Char *name, const XML_Char *sysid,
                                         const XML_Char *pubid, int has_internal_subset) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value a[4] = {intern_name(p, name), intern_name(p, sysid), intern_name(p, pubid),
                  val_from_smallint(has_internal_subset)};
    if (ARGS_OK(p, a[0], a[1], a[2])) {
        call_handler(p, H_START_DOCTYPE_DECL, a, 4);
    }
}

static void XMLCALL h_end_doctype_decl(void *ud) {
    ParserObject *p = ud;
    if (handler_enter(p) == 0) {
        call_handler(p, H_END_DOCTYPE_DECL, NULL, 0);
    }
}

static void XMLCALL h_entity_decl(void *ud, const XML_Char *name, int is_parameter_entity,
                                  const XML_Char *value, int value_length, const XML_Char *base,
                                  const XML_Char *system, const XML_Char *public_id,
                                  const XML_Char *notation) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value a[7] = {intern_name(p, name), val_from_smallint(is_parameter_entity),
                  value ? conv_len(value, (size_t)value_length) : VAL_NONE, intern_name(p, base),
                  intern_name(p, system), intern_name(p, public_id), intern_name(p, notation)};
    if (ARGS_OK(p, a[0], a[2], a[3], a[4], a[5], a[6])) {
        call_handler(p, H_ENTITY_DECL, a, 7);
    }
}

static void XMLCALL h_xml_decl(void *ud, const XML_Char *version, const XML_Char *encoding,
                               int standalone) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value a[3] = {conv(version), conv(encoding), int_from_i64(standalone)};
    if (ARGS_OK(p, a[0], a[1], a[2])) {
        call_handler(p, H_XML_DECL, a, 3);
    }
}

// An XML_Content tree as CPython shows it: (type, quant, name, children).
// Models can nest as deep as the document likes: the recursion is guarded.
static Value content_model(ParserObject *p, const XML_Content *m) {
    if (vm_enter_call(" in conv_content_model") < 0) {
        return 0;
    }
    Value children = tuple_new(m->numchildren), result = 0;
    for (unsigned i = 0; children && i < m->numchildren; i++) {
        Value c = content_model(p, &m->children[i]);
        if (!c) {
            children = 0;
            break;
        }
        tuple_obj(children)->items[i] = c;
    }
    Value name = children ? intern_name(p, m->name) : 0;
    if (name) {
        Value items[4] = {val_from_smallint(m->type), val_from_smallint(m->quant), name, children};
        result = tuple_from(items, 4);
    }
    vm_leave_call();
    return result;
}

static void XMLCALL h_element_decl(void *ud, const XML_Char *name, XML_Content *model) {
    ParserObject *p = ud;
    if (handler_enter(p) == 0) {
        Value a[2] = {intern_name(p, name), content_model(p, model)};
        if (ARGS_OK(p, a[0], a[1])) {
            call_handler(p, H_ELEMENT_DECL, a, 2);
        }
    }
    XML_FreeContentModel(p->parser, model);
}

static void XMLCALL h_attlist_decl(void *ud, const XML_Char *elname, const XML_Char *attname,
                                   const XML_Char *att_type, const XML_Char *dflt,
                                   int isrequired) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value a[5] = {intern_name(p, elname), intern_name(p, attname), conv(att_type), conv(dflt),
                  val_from_smallint(isrequired)};
    if (ARGS_OK(p, a[0], a[1], a[2], a[3])) {
        call_handler(p, H_ATTLIST_DECL, a, 5);
    }
}

static void XMLCALL h_skipped_entity(void *ud, const XML_Char *name, int is_parameter_entity) {
    ParserObject *p = ud;
    if (handler_enter(p) < 0) {
        return;
    }
    Value a[2] = {intern_name(p, name), val_from_smallint(is_parameter_entity)};
    if (ARGS_OK(p, a[0])) {
        call_handler(p, H_SKIPPED_ENTITY, a, 2);
    }
}

// Install (on) or remove the trampoline of handler idx.
static void install_handler(XML_Parser x, int idx, int on) {
    switch (idx) {
    case H_START_ELEMENT:
        XML_SetStartElementHandler(x, on ? h_start_element : NULL);
        break;
    case H_END_ELEMENT:
        XML_SetEndElementHandler(x, on ? h_end_element : NULL);
        break;
    case H_PROCESSING_INSTRUCTION:
        XML_SetProcessingInstructionHandler(x, on ? h_processing_instruction : NULL);
        break;
    case H_CHARACTER_DATA:
        XML_SetCharacterDataHandler(x, on ? h_character_data : NULL);
        break;
    case H_UNPARSED_ENTITY_DECL:
        XML_SetUnparsedEntityDeclHandler(x, on ? h_unparsed_entity_decl : NULL);
        break;
    case H_NOTATION_DECL:
        XML_SetNotationDeclHandler(x, on ? h_notation_decl : NULL);
        break;
    case H_START_NAMESPACE_DECL:
        XML_SetStartNamespaceDeclHandler(x, on ? h_start_namespace_decl : NULL);
        break;
    case H_END_NAMESPACE_DECL:
        XML_SetEndNamespaceDeclHandler(x, on ? h_end_namespace_decl : NULL);
        break;
    case H_COMMENT:
        XML_SetCommentHandler(x, on ? h_comment : NULL);
        break;
    case H_START_CDATA_SECTION:
        XML_SetStartCdataSectionHandler(x, on ? h_start_cdata : NULL);
        break;
    case H_END_CDATA_SECTION:
        XML_SetEndCdataSectionHandler(x, on ? h_end_cdata : NULL);
        break;
    case H_DEFAULT:
        XML_SetDefaultHandler(x, on ? h_default : NULL);
        break;
    case H_DEFAULT_EXPAND:
        XML_SetDefaultHandlerExpand(x, on ? h_default_expand : NULL);
        break;
    case H_NOT_STANDALONE:
        XML_SetNotStandaloneHandler(x, on ? h_not_standalone : NULL);
        break;
    case H_EXTERNAL_ENTITY_REF:
        XML_SetExternalEntityRefHandler(x, on ? h_external_entity_ref : NULL);
        break;
    case H_START_DOCTYPE_DECL:
        XML_SetStartDoctypeDeclHandler(x, on ? h_start_doctype_decl : NULL);
        break;
    case H_END_DOCTYPE_DECL:
        XML_SetEndDoctypeDeclHandler(x, on ? h_end_doctype_decl : NULL);
        break;
    case H_ENTITY_DECL:
        XML_SetEntityDeclHandler(x, on ? h_entity_decl : NULL);
        break;
    case H_XML_DECL:
        XML_SetXmlDeclHandler(x, on ? h_xml_decl : NULL);
        break;
    case H_ELEMENT_DECL:
        XML_SetElementDeclHandler(x, on ? h_element_decl : NULL);
        break;
    case H_ATTLIST_DECL:
        XML_SetAttlistDeclHandler(x, on ? h_attlist_decl : NULL);
        break;
    case H_SKIPPED_ENTITY:
        XML_SetSkippedEntityHandler(x, on ? h_skipped_entity : NULL);
        break;
    }
}

// ---- the handler attributes ------------------------------------------------------------------

static Value handler_get(Value self, int idx) {
    Value h = po(self)->handlers[idx];
    return h ? h : VAL_NONE;
}

static int handler_set(Value self, int idx, Value v) {
    ParserObject *p = po(self);
    if (idx == H_CHARACTER_DATA && flush_buffer(p) < 0) {
        return -1;
    }
    if (!v) {
        v = VAL_NONE;
    }
    p->handlers[idx] = v;
    install_handler(p->parser, idx, v != VAL_NONE);
    return 0;
}

#define H_ACCESSORS_(name, idx)                                                                \
    static Value get_##idx(Value self) { return handler_get(self, H_##idx); }                  \
    static int set_##idx(Value self, Value v) { return handler_set(self, H_##idx, v); }
HANDLERS(H_ACCESSORS_)
#undef H_ACCESSORS_

// ---- errors -----------------------------------------------------------------------------------

// ExpatError("<message>: line L, column C") with code, lineno and offset.
static Value expat_raise(ParserObject *p) {
    enum XML_Error code = XML_GetErrorCode(p->parser);
    long line = (long)XML_GetErrorLineNumber(p->parser);
    long column = (long)XML_GetErrorColumnNumber(p->parser);
    const char *what = XML_ErrorString(code);
    Value msg = str_format_c("%s: line %ld, column %ld", what ? what : "unknown error", line, column);
    Value exc = msg ? obj_call1(expat_error, msg) : 0;
    if (!exc || obj_setattr(exc, str_intern_cstr("code"), int_from_i64(code)) < 0 ||
        obj_setattr(exc, str_intern_cstr("offset"), int_from_i64(column)) < 0 ||
        obj_setattr(exc, str_intern_cstr("lineno"), int_from_i64(line)) < 0) {
        return 0;
    }
    return err_set_value(exc);
}

// What Parse/ParseFile return for expat's status rc.
static Value parse_result(ParserObject *p, enum XML_Status rc) {
    if (p->error) {
        p->error = 0;
        return 0;
    }
    if (rc == XML_STATUS_ERROR) {
        return expat_raise(p);
    }
    if (flush_buffer(p) < 0) {
        p->error = 0;
        return 0;
    }
    return int_from_i64(rc);
}

// ---- the parser's methods ------------------------------------------------------------------------

// Parse(data, isfinal=False)
FN(parser_parse) {
    if (args_no_keywords("Parse", kwnames) < 0 || args_check_positional("Parse", nargs, 1, 2) < 0) {
        return 0;
    }
    ParserObject *p = po(self);
    int isfinal = 0;
    if (nargs == 2) {
        isfinal = obj_truthy(args[1]);
        if (isfinal < 0) {
            return 0;
        }
    }
    Value data = args[0];
    enum XML_Status rc;
    if (val_is_str(data)) {
        XML_SetEncoding(p->parser, "utf-8");
        size_t n = str_obj(data)->nbytes;
        if (n > INT_MAX) {
            return err_format(&exc_OverflowError, "size does not fit in an int");
        }
        rc = XML_Parse(p->parser, str_obj(data)->data, (int)n, isfinal);
        gc_keep_alive(data);
    } else {
        Buffer view;
        if (buffer_get_bytes_like(data, &view) < 0) {
            return 0;
        }
        if (view.len > INT_MAX) {
            buffer_release(&view);
            return err_format(&exc_OverflowError, "size does not fit in an int");
        }
        // Python code in handlers may try to resize the data: it stays exported meanwhile.
        rc = XML_Parse(p->parser, view.buf, (int)view.len, isfinal);
        buffer_release(&view);
    }
    return parse_result(p, rc);
}

// ParseFile(file): read() blocks of 2048 bytes until b''.
FN(parser_parsefile) {
    if (method_check_args("ParseFile", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ParserObject *p = po(self);
    Value read = obj_getattr_opt(args[0], str_intern_cstr("read"));
    if (!read) {
        if (!err_occurred()) {
            err_format(&exc_TypeError, "argument must have 'read' attribute");
        }
        return 0;
    }
    const int block = 2048;
    for (;;) {
        Value n = val_from_smallint(block);
        Value data = obj_call1(read, n);
        if (!data) {
            return 0;
        }
        if (!val_is_bytes(data)) {
            return err_format(&exc_TypeError, "read() did not return a bytes object (type=%s)",
                              str_type_name(data));
        }
        size_t len = bytes_len(data);
        if (len > (size_t)block) {
            return err_format(&exc_ValueError,
                              "read() returned too much data: %d bytes requested, %zu returned",
                              block, len);
        }
        enum XML_Status rc = XML_Parse(p->parser, bytes_data(data), (int)len, len == 0);
        gc_keep_alive(data);
        if (p->error || rc == XML_STATUS_ERROR || len == 0) {
            return parse_result(p, rc);
        }
    }
}

FN(parser_setbase) {
    if (method_check_args("SetBase", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "SetBase() argument must be str, not %s",
                          str_type_name(args[0]));
    }
    if (!XML_SetBase(po(self)->parser, str_obj(args[0])->data)) {
        return err_no_memory();
    }
    return VAL_NONE;
}

FN(parser_getbase) {
    if (method_check_args("GetBase", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return conv(XML_GetBase(po(self)->parser));
}

FN(parser_getinputcontext) {
    if (method_check_args("GetInputContext", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    int offset, size;
    const char *buf = XML_GetInputContext(po(self)->parser, &offset, &size);
    if (!buf) {
        return VAL_NONE;
    }
    return bytes_from(buf + offset, (size_t)(size - offset));
}

FN(parser_setparamentityparsing) {
    if (method_check_args("SetParamEntityParsing", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t flag;
    if (obj_as_int64(args[0], &flag) < 0) {
        return 0;
    }
    return int_from_i64(XML_SetParamEntityParsing(po(self)->parser, (enum XML_ParamEntityParsing)flag));
}

FN(parser_useforeigndtd) {
    if (args_no_keywords("UseForeignDTD", kwnames) < 0 ||
        args_check_positional("UseForeignDTD", nargs, 0, 1) < 0) {
        return 0;
    }
    int flag = 1;
    if (nargs) {
        flag = obj_truthy(args[0]);
        if (flag < 0) {
            return 0;
        }
    }
    enum XML_Error rc = XML_UseForeignDTD(po(self)->parser, flag ? XML_TRUE : XML_FALSE);
    if (rc != XML_ERROR_NONE) {
        return expat_raise(po(self));
    }
    return VAL_NONE;
}

static Value parser_new(XML_Parser x, Value intern);

// ExternalEntityParserCreate(context, encoding=None)
FN(parser_external_entity_parser_create) {
    if (args_no_keywords("ExternalEntityParserCreate", kwnames) < 0 ||
        args_check_positional("ExternalEntityParserCreate", nargs, 1, 2) < 0) {
        return 0;
    }
    Value context = args[0], encoding = nargs == 2 ? args[1] : VAL_NONE;
    if (context != VAL_NONE && !val_is_str(context)) {
        return err_format(&exc_TypeError,
                          "ExternalEntityParserCreate() argument 1 must be str or None, not %s",
                          str_type_name(context));
    }
    if (encoding != VAL_NONE && !val_is_str(encoding)) {
        return err_format(&exc_TypeError,
                          "ExternalEntityParserCreate() argument 2 must be str, not %s",
                          str_type_name(encoding));
    }
    ParserObject *p = po(self);
    XML_Parser x = XML_ExternalEntityParserCreate(
        p->parser, context == VAL_NONE ? NULL : str_obj(context)->data,
        encoding == VAL_NONE ? NULL : str_obj(encoding)->data);
    if (!x) {
        return err_no_memory();
    }
    Value child = parser_new(x, p->intern);
    if (!child) {
        return 0;
    }
    ParserObject *c = po(child);
    c->parent = self;
    c->ordered_attributes = p->ordered_attributes;
    c->specified_attributes = p->specified_attributes;
    if (p->buffer) {
        c->buffer_size = p->buffer_size;
        c->buffer = malloc((size_t)c->buffer_size);
        if (!c->buffer) {
            return err_no_memory();
        }
    }
    for (int i = 0; i < H_COUNT; i++) {
        if (p->handlers[i] && p->handlers[i] != VAL_NONE) {
            c->handlers[i] = p->handlers[i];
            install_handler(x, i, 1);
        }
    }
    return child;
}

static const MethodDef parser_methods[] = {
    {"Parse", parser_parse, METH_DEFAULT, "Parse XML data.\n\n`isfinal' should be true at end of input."},
    {"ParseFile", parser_parsefile, METH_DEFAULT, "Parse XML data from file-like object."},
    {"SetBase", parser_setbase, METH_DEFAULT, "Set the base URL for the parser."},
    {"GetBase", parser_getbase, METH_DEFAULT, "Return base URL string for the parser."},
    {"GetInputContext", parser_getinputcontext, METH_DEFAULT, "Return the untranslated text of the input that caused the current event."},
    {"ExternalEntityParserCreate", parser_external_entity_parser_create, METH_DEFAULT, "Create a parser for parsing an external entity based on the information passed to the ExternalEntityRefHandler."},
    {"SetParamEntityParsing", parser_setparamentityparsing, METH_DEFAULT, "Controls parsing of parameter entities (including the external DTD subset)."},
    {"UseForeignDTD", parser_useforeigndtd, METH_DEFAULT, "Allows the application to provide an artificial external subset if one is not specified as part of the document instance."},
    {NULL, NULL, 0, NULL},
};

// ---- the other attributes -------------------------------------------------------------------------

static Value get_buffer_text(Value self) {
    return val_bool(po(self)->buffer != NULL);
}

static int set_buffer_text(Value self, Value v) {
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int on = obj_truthy(v);
    if (on < 0) {
        return -1;
    }
    ParserObject *p = po(self);
    if (on && !p->buffer) {
        p->buffer = malloc((size_t)p->buffer_size);
        if (!p->buffer) {
            err_no_memory();
            return -1;
        }
        p->buffer_used = 0;
    } else if (!on && p->buffer) {
        if (flush_buffer(p) < 0) {
            p->error = 0;
            return -1;
        }
        free(p->buffer);
        p->buffer = NULL;
    }
    return 0;
}

static Value get_buffer_size(Value self) {
    return int_from_i64(po(self)->buffer_size);
}

static int set_buffer_size(Value self, Value v) {
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (!int_check(v)) {
        err_format(&exc_TypeError, "buffer_size must be an integer");
        return -1;
    }
    int64_t n;
    if (int_to_i64(v, &n) < 0 || n > INT_MAX) {
        err_clear();
        err_format(&exc_ValueError, "buffer_size must not be greater than %d", INT_MAX);
        return -1;
    }
    if (n <= 0) {
        err_format(&exc_ValueError, "buffer_size must be greater than zero");
        return -1;
    }
    ParserObject *p = po(self);
    if (p->buffer) {
        if (p->buffer_size == n) {
            return 0;
        }
        if (flush_buffer(p) < 0) {
            p->error = 0;
            return -1;
        }
        char *b = malloc((size_t)n);
        if (!b) {
            err_no_memory();
            return -1;
        }
        free(p->buffer);
        p->buffer = b;
    }
    p->buffer_size = (int)n;
    return 0;
}

static Value get_buffer_used(Value self) {
    return int_from_i64(po(self)->buffer_used);
}

static int set_flag(int *field, Value v) {
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int b = obj_truthy(v);
    if (b < 0) {
        return -1;
    }
    *field = b;
    return 0;
}

static Value get_ordered_attributes(Value self) {
    return val_bool(po(self)->ordered_attributes);
}
static int set_ordered_attributes(Value self, Value v) {
    return set_flag(&po(self)->ordered_attributes, v);
}
static Value get_specified_attributes(Value self) {
    return val_bool(po(self)->specified_attributes);
}
static int set_specified_attributes(Value self, Value v) {
    return set_flag(&po(self)->specified_attributes, v);
}
static Value get_namespace_prefixes(Value self) {
    return val_bool(po(self)->namespace_prefixes);
}
static int set_namespace_prefixes(Value self, Value v) {
    if (set_flag(&po(self)->namespace_prefixes, v) < 0) {
        return -1;
    }
    XML_SetReturnNSTriplet(po(self)->parser, po(self)->namespace_prefixes);
    return 0;
}

static Value get_intern(Value self) {
    return po(self)->intern ? po(self)->intern : VAL_NONE;
}

#define POSITION_GETTER_(name, call)                                                           \
    static Value get_##name(Value self) { return int_from_i64((int64_t)call(po(self)->parser)); }
POSITION_GETTER_(ErrorCode, XML_GetErrorCode)
POSITION_GETTER_(ErrorLineNumber, XML_GetErrorLineNumber)
POSITION_GETTER_(ErrorColumnNumber, XML_GetErrorColumnNumber)
POSITION_GETTER_(ErrorByteIndex, XML_GetErrorByteIndex)
POSITION_GETTER_(CurrentLineNumber, XML_GetCurrentLineNumber)
POSITION_GETTER_(CurrentColumnNumber, XML_GetCurrentColumnNumber)
POSITION_GETTER_(CurrentByteIndex, XML_GetCurrentByteIndex)
#undef POSITION_GETTER_

static const GetSetDef parser_getset[] = {
#define H_GETSET_(name, idx) {name, get_##idx, set_##idx, NULL},
    HANDLERS(H_GETSET_)
#undef H_GETSET_
    {"buffer_text", get_buffer_text, set_buffer_text, "Whether character data is buffered."},
    {"buffer_size", get_buffer_size, set_buffer_size, "The size of the character data buffer."},
    {"buffer_used", get_buffer_used, NULL, "The number of bytes in the character data buffer."},
    {"ordered_attributes", get_ordered_attributes, set_ordered_attributes, NULL},
    {"specified_attributes", get_specified_attributes, set_specified_attributes, NULL},
    {"namespace_prefixes", get_namespace_prefixes, set_namespace_prefixes, NULL},
    {"intern", get_intern, NULL, NULL},
    {"ErrorCode", get_ErrorCode, NULL, NULL},
    {"ErrorLineNumber", get_ErrorLineNumber, NULL, NULL},
    {"ErrorColumnNumber", get_ErrorColumnNumber, NULL, NULL},
    {"ErrorByteIndex", get_ErrorByteIndex, NULL, NULL},
    {"CurrentLineNumber", get_CurrentLineNumber, NULL, NULL},
    {"CurrentColumnNumber", get_CurrentColumnNumber, NULL, NULL},
    {"CurrentByteIndex", get_CurrentByteIndex, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

// ---- the type -------------------------------------------------------------------------------------

static void parser_trace(Object *o, GcTracer *t) {
    ParserObject *p = (ParserObject *)o;
    gc_trace_values(t, p->handlers, H_COUNT);
    gc_trace_value(t, p->intern);
    gc_trace_value(t, p->parent);
}

static void parser_free(Object *o) {
    ParserObject *p = (ParserObject *)o;
    if (p->parser) {
        XML_ParserFree(p->parser);
    }
    free(p->buffer);
}

static Value parser_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create 'pyexpat.xmlparser' instances");
}

static Type type_xmlparser = {
    .header = {&type_type},
    .name = "pyexpat.xmlparser",
    .basic_size = sizeof(ParserObject),
    .base = &type_object,
    .trace = parser_trace,
    .free = parser_free,
    .new_ = parser_tp_new,
    .methods = parser_methods,
    .getset = parser_getset,
};

// An encoding expat does not know: a single-byte one, mapped through the
// Python codec of that name (bytes 0..255 decoded with "replace"; U+FFFD
// marks bytes the encoding leaves undefined).
static int XMLCALL unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info) {
    ParserObject *p = data;
    char all[256];
    for (int i = 0; i < 256; i++) {
        all[i] = (char)i;
    }
    Value b = bytes_from(all, 256);
    Value args[2] = {str_from_cstr(name), str_from_cstr("replace")};
    Value u = b && args[0] && args[1] ? obj_call_method(b, "decode", args, 2) : 0;
    if (u && (!val_is_str(u) || str_len(u) != 256)) {
        err_format(&exc_ValueError, "multi-byte encodings are not supported");
        u = 0;
    }
    if (!u) {
        p->error = 1;
        return XML_STATUS_ERROR;
    }
    for (int i = 0; i < 256; i++) {
        uint32_t cp = str_getitem_cp(u, (size_t)i);
        info->map[i] = cp == 0xfffd ? -1 : (int)cp;
    }
    info->data = NULL;
    info->convert = NULL;
    info->release = NULL;
    return XML_STATUS_OK;
}

// A parser object owning x (freed with it, also when this fails).
static Value parser_new(XML_Parser x, Value intern) {
    ParserObject *p = (ParserObject *)gc_alloc(&type_xmlparser, sizeof(ParserObject));
    if (!p) {
        XML_ParserFree(x);
        return 0;
    }
    p->parser = x;
    p->intern = intern;
    p->buffer_size = 8192;
    XML_SetUserData(x, p);
    XML_SetUnknownEncodingHandler(x, unknown_encoding, p);
    return val_from_ptr(p);
}

// ---- the module ---------------------------------------------------------------------------------------

// ParserCreate(encoding=None, namespace_separator=None, intern=<new dict>)
FN(pyexpat_parser_create) {
    static const char *const names[] = {"encoding", "namespace_separator", "intern", NULL};
    static const ArgSpec spec = {"ParserCreate", 0, names, 0, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    for (int i = 0; i < 2; i++) {
        if (a[i] && a[i] != VAL_NONE && !val_is_str(a[i])) {
            return err_format(&exc_TypeError,
                              "ParserCreate() argument '%s' must be str or None, not %s", names[i],
                              str_type_name(a[i]));
        }
    }
    const char *encoding = a[0] && a[0] != VAL_NONE ? str_obj(a[0])->data : NULL;
    const char *sep = a[1] && a[1] != VAL_NONE ? str_obj(a[1])->data : NULL;
    if (sep && str_len(a[1]) > 1) {
        return err_format(&exc_ValueError,
                          "namespace_separator must be at most one character, omitted, or None");
    }
    Value intern = a[2];
    if (!intern) {
        intern = dict_new();
        if (!intern) {
            return 0;
        }
    } else if (intern == VAL_NONE) {
        intern = 0;
    } else if (!dict_check(intern)) {
        return err_format(&exc_TypeError, "intern must be a dictionary");
    }
    XML_Parser x = sep ? XML_ParserCreateNS(encoding, sep[0]) : XML_ParserCreate(encoding);
    if (!x) {
        return err_no_memory();
    }
    return parser_new(x, intern);
}

FN(pyexpat_error_string) {
    if (method_check_args("ErrorString", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t code;
    if (obj_as_int64(args[0], &code) < 0) {
        return 0;
    }
    const char *s = code < INT_MIN || code > INT_MAX ? NULL : XML_ErrorString((enum XML_Error)code);
    return s ? str_from_cstr(s) : VAL_NONE;
}

static const MethodDef pyexpat_functions[] = {
    {"ParserCreate", pyexpat_parser_create, METH_DEFAULT, "Return a new XML parser object."},
    {"ErrorString", pyexpat_error_string, METH_DEFAULT, "Returns string error for given number."},
    {NULL, NULL, 0, NULL},
};

// The names of enum XML_Error from code 1 on, as pyexpat.errors shows them.
static const char *const expat_error_names[] = {
    "XML_ERROR_NO_MEMORY", "XML_ERROR_SYNTAX", "XML_ERROR_NO_ELEMENTS", "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN", "XML_ERROR_PARTIAL_CHAR", "XML_ERROR_TAG_MISMATCH",
    "XML_ERROR_DUPLICATE_ATTRIBUTE", "XML_ERROR_JUNK_AFTER_DOC_ELEMENT",
    "XML_ERROR_PARAM_ENTITY_REF", "XML_ERROR_UNDEFINED_ENTITY", "XML_ERROR_RECURSIVE_ENTITY_REF",
    "XML_ERROR_ASYNC_ENTITY", "XML_ERROR_BAD_CHAR_REF", "XML_ERROR_BINARY_ENTITY_REF",
    "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF", "XML_ERROR_MISPLACED_XML_PI",
    "XML_ERROR_UNKNOWN_ENCODING", "XML_ERROR_INCORRECT_ENCODING",
    "XML_ERROR_UNCLOSED_CDATA_SECTION", "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
    "XML_ERROR_NOT_STANDALONE", "XML_ERROR_UNEXPECTED_STATE", "XML_ERROR_ENTITY_DECLARED_IN_PE",
    "XML_ERROR_FEATURE_REQUIRES_XML_DTD", "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING",
    "XML_ERROR_UNBOUND_PREFIX", "XML_ERROR_UNDECLARING_PREFIX", "XML_ERROR_INCOMPLETE_PE",
    "XML_ERROR_XML_DECL", "XML_ERROR_TEXT_DECL", "XML_ERROR_PUBLICID", "XML_ERROR_SUSPENDED",
    "XML_ERROR_NOT_SUSPENDED", "XML_ERROR_ABORTED", "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE", "XML_ERROR_RESERVED_PREFIX_XML", "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI", "XML_ERROR_INVALID_ARGUMENT", "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
};

// A submodule pyexpat.<name>, also in sys.modules.
static Value pyexpat_submodule(Value parent, const char *name, const char *doc) {
    char full[40];
    snprintf(full, sizeof full, "pyexpat.%s", name);
    Value m = module_new_cstr(full);
    if (!m || module_add(m, "__doc__", str_from_cstr(doc)) < 0 || module_add(parent, name, m) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    Value modules = sys_get_object("modules");
    if (modules && dict_check(modules) && dict_set_cstr(modules, full, m) < 0) {
        return 0;
    }
    return m;
}

static int pyexpat_add_errors(Value m) {
    Value errors = pyexpat_submodule(m, "errors", "Constants used to describe error conditions.");
    Value codes = errors ? dict_new() : 0, messages = codes ? dict_new() : 0;
    if (!messages) {
        return -1;
    }
    size_t n = sizeof expat_error_names / sizeof expat_error_names[0];
    for (size_t i = 0; i < n; i++) {
        int code = (int)i + 1;
        const char *s = XML_ErrorString((enum XML_Error)code);
        if (!s) {
            continue;  // an older libexpat without this code
        }
        Value msg = str_from_cstr(s), c = val_from_smallint(code);
        if (!msg || module_add(errors, expat_error_names[i], msg) < 0 ||
            dict_set(codes, msg, c) < 0 || dict_set(messages, c, msg) < 0) {
            return -1;
        }
    }
    if (module_add(errors, "codes", codes) < 0 || module_add(errors, "messages", messages) < 0) {
        return -1;
    }
    return 0;
}

static int pyexpat_add_model(Value m) {
    Value model = pyexpat_submodule(m, "model", "Constants used to interpret content model information.");
    if (!model) {
        return -1;
    }
    static const struct {
        const char *name;
        int value;
    } consts[] = {{"XML_CTYPE_EMPTY", XML_CTYPE_EMPTY}, {"XML_CTYPE_ANY", XML_CTYPE_ANY},
                  {"XML_CTYPE_MIXED", XML_CTYPE_MIXED}, {"XML_CTYPE_NAME", XML_CTYPE_NAME},
                  {"XML_CTYPE_CHOICE", XML_CTYPE_CHOICE}, {"XML_CTYPE_SEQ", XML_CTYPE_SEQ},
                  {"XML_CQUANT_NONE", XML_CQUANT_NONE}, {"XML_CQUANT_OPT", XML_CQUANT_OPT},
                  {"XML_CQUANT_REP", XML_CQUANT_REP}, {"XML_CQUANT_PLUS", XML_CQUANT_PLUS}};
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (module_add(model, consts[i].name, val_from_smallint(consts[i].value)) < 0) {
            return -1;
        }
    }
    return 0;
}

Value pyexpat_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_xmlparser) < 0) {
        return 0;
    }
    gc_add_root(&expat_error);
    Value bases = tuple_from((Value[]){val_from_ptr(&exc_Exception)}, 1);
    Value ns = bases ? dict_new() : 0;
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("xml.parsers.expat")) < 0) {
        return 0;
    }
    expat_error = type_new_class(&type_type, str_from_cstr("ExpatError"), bases, ns);
    Value m = expat_error ? module_new_cstr("pyexpat") : 0;
    XML_Expat_Version v = XML_ExpatVersionInfo();
    Value vinfo = tuple_from((Value[]){val_from_smallint(v.major), val_from_smallint(v.minor),
                                       val_from_smallint(v.micro)}, 3);
    if (!m || !vinfo || module_add_functions(m, pyexpat_functions) < 0 ||
        module_add(m, "ExpatError", expat_error) < 0 || module_add(m, "error", expat_error) < 0 ||
        module_add(m, "XMLParserType", val_from_ptr(&type_xmlparser)) < 0 ||
        module_add(m, "EXPAT_VERSION", str_from_cstr(XML_ExpatVersion())) < 0 ||
        module_add(m, "version_info", vinfo) < 0 ||
        module_add(m, "native_encoding", str_from_cstr("UTF-8")) < 0 ||
        module_add(m, "XML_PARAM_ENTITY_PARSING_NEVER",
                   val_from_smallint(XML_PARAM_ENTITY_PARSING_NEVER)) < 0 ||
        module_add(m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
                   val_from_smallint(XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)) < 0 ||
        module_add(m, "XML_PARAM_ENTITY_PARSING_ALWAYS",
                   val_from_smallint(XML_PARAM_ENTITY_PARSING_ALWAYS)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Python wrapper for Expat parser.")) < 0) {
        return 0;
    }
    Value features = list_new(0);
    if (!features) {
        return 0;
    }
    for (const XML_Feature *f = XML_GetFeatureList(); f && f->feature != XML_FEATURE_END; f++) {
        Value name = str_from_cstr(f->name), value = int_from_i64(f->value);
        Value item = name && value ? tuple_pack2(name, value) : 0;
        if (!item || list_append(features, item) < 0) {
            return 0;
        }
    }
    if (module_add(m, "features", features) < 0 || pyexpat_add_errors(m) < 0 ||
        pyexpat_add_model(m) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}

MODULE_DYNLOAD_INIT(pyexpat, pyexpat_module_init)
