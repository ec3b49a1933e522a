# krait - build. `make` (release), `make debug`, `make asan`, `make test`.
#   make MODE=release|debug|asan [BUILD=build/<dir>] [CC=clang]
#   make test          the whole test suite (tests/run.sh), ends "N passed, N failed"
#   make conformance   krait's AST dump vs CPython's over every .py of /usr/lib/python3.11
#   make bench         the parse benchmark (bench/parse_stdlib.py)
#   make bench-suite   krait vs CPython 3.11 vs PyPy on bench/programs (bench/run); BENCH='--quick nbody' passes options
#   make fuzz          libFuzzer on tokenizer+parser (tests/fuzz/fuzz.mk)
MODE ?= release
BUILD ?= build/$(MODE)
CC ?= cc
PYTHON311 ?= /usr/bin/python3.11

WARN := -Wall -Wextra -Wno-unused-parameter
CFLAGS_COMMON := -std=gnu11 $(WARN) -Isrc -I$(BUILD)/gen -MMD -MP
ifeq ($(MODE),release)
  # Not position-independent, as Debian's python3.11: in a PIE, GCC keeps the
  # dispatch table's address and the static types' addresses in registers
  # (and spills the interpreter's pc to make room); non-PIE code names them
  # as 32-bit constants. go 11%, richards 18% faster (bench/NOTES.md).
  CFLAGS_MODE := -O2 -g -DNDEBUG -fno-pie
  LDFLAGS_MODE := -no-pie
else ifeq ($(MODE),debug)
  CFLAGS_MODE := -O0 -g
else ifeq ($(MODE),asan)
  CFLAGS_MODE := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  LDFLAGS_MODE := -fsanitize=address,undefined
  LDFLAGS_SO := -fsanitize=address,undefined
  # ASan's interceptor of crypt_r finds the real one when the program starts:
  # libcrypt must be loaded by then, not with _crypt's lib-dynload module.
  LIBS_MODE := -Wl,--push-state,--no-as-needed -lcrypt -Wl,--pop-state
else
  $(error MODE must be release, debug or asan)
endif
# The libraries the executable links with; the modules of DYNLOAD bring their own.
LIBS := -lgmp -lm -ldl

# Modules built as shared objects in $(BUILD)/lib-dynload (src/modules/modules.h),
# as CPython's lib-dynload: the libraries only they use are mapped on their
# first import, not at every start (issue 5). For each: its files in
# src/modules/ and its libraries. _curses_panel uses _curses's window type.
DYNLOAD := _ssl _sqlite3 _curses _curses_panel _ctypes pyexpat _lzma _bz2 _crypt zlib
DYNLOAD_SRCS__ssl := sslmodule sslcert sslcontext sslsocket
DYNLOAD_LIBS__ssl := -lssl -lcrypto
DYNLOAD_SRCS__sqlite3 := sqlite3module
DYNLOAD_LIBS__sqlite3 := -lsqlite3
DYNLOAD_SRCS__curses := cursesmodule
DYNLOAD_LIBS__curses := -lncursesw -ltinfo
DYNLOAD_SRCS__curses_panel := cursespanelmodule
DYNLOAD_NEEDS__curses_panel := _curses
DYNLOAD_LIBS__curses_panel := -Wl,-rpath,'$$ORIGIN' -lpanelw -lncursesw
DYNLOAD_SRCS__ctypes := ctypesmodule ctypes_cdata ctypes_func ctypes_struct
DYNLOAD_LIBS__ctypes := -lffi -ldl
DYNLOAD_SRCS_pyexpat := pyexpatmodule
DYNLOAD_LIBS_pyexpat := -lexpat
DYNLOAD_SRCS__lzma := lzmamodule
DYNLOAD_LIBS__lzma := -llzma
DYNLOAD_SRCS__bz2 := bz2module
DYNLOAD_LIBS__bz2 := -lbz2
DYNLOAD_SRCS__crypt := cryptmodule
DYNLOAD_LIBS__crypt := -lcrypt
DYNLOAD_SRCS_zlib := zlibmodule
DYNLOAD_LIBS_zlib := -lz
# The file name's suffix, which _imp.extension_suffixes() gives.
EXT_SUFFIX := $(shell sed -n 's/^\#define EXT_SUFFIX "\(.*\)"/\1/p' src/modules/modules.h)

# The flags a build was made with: objects depend on this file, rewritten
# only when they change, so changing a flag rebuilds everything. (Not the
# compiler's name: `make print-libs` runs with the default CC while the
# builds pass CC=gcc, the same compiler; another compiler builds elsewhere.)
FLAGS_STAMP := $(BUILD)/flags.txt
FLAGS_NOW := $(CFLAGS_COMMON) $(CFLAGS_MODE) $(LDFLAGS_MODE)
ifneq ($(FLAGS_NOW),$(shell cat $(FLAGS_STAMP) 2>/dev/null))
  $(shell mkdir -p $(BUILD) && echo '$(FLAGS_NOW)' > $(FLAGS_STAMP))
endif

SRCS := $(sort $(wildcard src/*.c src/*/*.c))
DYNLOAD_SRCS := $(foreach m,$(DYNLOAD),$(DYNLOAD_SRCS_$(m):%=src/modules/%.c))
DYNLOAD_OBJS := $(patsubst src/%.c,$(BUILD)/pic/%.o,$(DYNLOAD_SRCS))
DYNLOAD_SOS := $(DYNLOAD:%=$(BUILD)/lib-dynload/%$(EXT_SUFFIX))
# The executable's objects. (The unit tests build every source's $(BUILD)/obj
# object and link what they need through an archive.)
OBJS := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(filter-out $(DYNLOAD_SRCS),$(SRCS)))
# Every tools/gen_X.py writes the generated header $(BUILD)/gen/X.h.
GEN := $(patsubst tools/gen_%.py,$(BUILD)/gen/%.h,$(wildcard tools/gen_*.py))
# Built by a pattern rule and needed only before compiling: without this make
# treats the headers as intermediate files and deletes them after the build.
.SECONDARY: $(GEN)

.PHONY: all release debug asan test conformance bench bench-suite clean
all: $(BUILD)/krait
	@if [ "$(BUILD)" = build/release ]; then ln -sfn release/krait build/krait; fi

# The libFuzzer harness: make fuzz, fuzz-build, fuzz-regress (tests/fuzz/README.md).
include tests/fuzz/fuzz.mk

release:
	$(MAKE) MODE=release
debug:
	$(MAKE) MODE=debug
asan:
	$(MAKE) MODE=asan

$(BUILD)/krait: $(OBJS) $(BUILD)/dynamic-list.txt src/tables.ld
	$(CC) $(CFLAGS_MODE) $(LDFLAGS_MODE) -o $@ $(OBJS) -Wl,--dynamic-list=$(BUILD)/dynamic-list.txt \
	    -Wl,-T,src/tables.ld $(LIBS) $(LIBS_MODE)

# ---- lib-dynload -------------------------------------------------------------------
# The modules' objects are position-independent ($(BUILD)/pic); the
# executable exports just the symbols they use (a --dynamic-list, not
# --export-dynamic: a small dynamic symbol table, and no library of theirs
# can bind to another krait function of the same name). -Bsymbolic: a
# module's calls to its own functions go straight there.
$(BUILD)/pic/%.o: src/%.c $(FLAGS_STAMP) | $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(CFLAGS_MODE) -fPIC -c $< -o $@
define dynload_rule
$(BUILD)/lib-dynload/$(1)$(EXT_SUFFIX): $(DYNLOAD_SRCS_$(1):%=$(BUILD)/pic/modules/%.o) \
        $(DYNLOAD_NEEDS_$(1):%=$(BUILD)/lib-dynload/%$(EXT_SUFFIX))
	@mkdir -p $$(dir $$@)
	$$(CC) -shared $$(LDFLAGS_SO) -Wl,-Bsymbolic -Wl,-soname,$$(notdir $$@) -o $$@ $$^ \
	    $$(DYNLOAD_LIBS_$(1))
endef
$(foreach m,$(DYNLOAD),$(eval $(call dynload_rule,$(m))))

# What the modules take from the executable: their undefined symbols that
# its objects define.
$(BUILD)/dynamic-list.txt: $(DYNLOAD_SOS) $(OBJS)
	@echo "dynamic list: $@"
	@{ nm -D --undefined-only $(DYNLOAD_SOS) | awk 'NF == 2 { print $$2 }' | sort -u; \
	  nm -g --defined-only $(OBJS) | awk 'NF == 3 { print $$3 }' | sort -u; } | sort | uniq -d | \
	    awk 'BEGIN { print "{" } { print "    " $$0 ";" } END { print "};" }' > $@.tmp && mv $@.tmp $@

# The frozen modules (src/vm/frozen.c): a first krait without them compiles
# and marshals them (tools/freeze_modules.py), then krait is linked with them.
FROZEN_SOURCES := $(wildcard $(addprefix /usr/lib/python3.11/,importlib/_bootstrap.py \
    importlib/_bootstrap_external.py zipimport.py abc.py codecs.py io.py _collections_abc.py \
    _sitebuiltins.py genericpath.py ntpath.py posixpath.py os.py site.py stat.py \
    importlib/util.py importlib/machinery.py runpy.py))
$(BUILD)/obj/vm/frozen_none.o: src/vm/frozen.c $(FLAGS_STAMP) | $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(CFLAGS_MODE) -DKRAIT_NO_FROZEN -c $< -o $@
$(BUILD)/krait-stage1: $(filter-out $(BUILD)/obj/vm/frozen.o,$(OBJS)) $(BUILD)/obj/vm/frozen_none.o
	$(CC) $(CFLAGS_MODE) $(LDFLAGS_MODE) -o $@ $^ $(LIBS)
# Frozen code changes with what shapes compiled code (build_id.h), not with
# every change of the first stage.
$(BUILD)/gen/frozen_modules.h: $(BUILD)/gen/build_id.h tools/freeze_modules.py $(FROZEN_SOURCES) \
                               | $(BUILD)/krait-stage1
	@mkdir -p $(dir $@)
	env -u PYTHONPATH PYTHONHASHSEED=0 ASAN_OPTIONS=detect_leaks=0 \
	    $(BUILD)/krait-stage1 -S -B -s tools/freeze_modules.py > $@.tmp && mv $@.tmp $@
$(BUILD)/obj/vm/frozen.o: $(BUILD)/gen/frozen_modules.h

$(BUILD)/obj/%.o: src/%.c $(FLAGS_STAMP) | $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(CFLAGS_MODE) -c $< -o $@

$(BUILD)/gen/%.h: tools/gen_%.py
	@mkdir -p $(dir $@)
	$(PYTHON311) $< > $@.tmp && mv $@.tmp $@

# The code cache's build id hashes the sources that shape compiled code.
$(BUILD)/gen/build_id.h: $(wildcard src/parse/* src/compile/*) src/vm/opcodes.h src/vm/code.h \
                         src/vm/code.c src/modules/marshalmodule.c

test:
	bash tests/run.sh

conformance: all
	$(PYTHON311) tools/ast_conformance.py --full --krait $(BUILD)/krait

bench: all
	$(PYTHON311) bench/parse_stdlib.py --krait $(BUILD)/krait

bench-suite: all
	$(PYTHON311) bench/run --krait $(BUILD)/krait $(BENCH)

clean:
	rm -rf build

-include $(OBJS:.o=.d) $(DYNLOAD_OBJS:.o=.d)

# The libraries krait links with, for the unit-test drivers (tests/unit/*.sh).
# What a program linking the objects needs (the unit tests): the libraries,
# and -no-pie, as the release objects are not position-independent (a
# non-PIE link takes every mode's objects).
print-libs:
	@echo -no-pie $(LIBS)
.PHONY: print-libs
