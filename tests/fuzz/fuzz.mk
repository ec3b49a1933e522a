# tests/fuzz/fuzz.mk - the libFuzzer harness for tokenizer + parser (tests/fuzz/README.md).
#
# Included from the top-level Makefile (`include tests/fuzz/fuzz.mk`, after its
# `all` target) or used alone: `make -f tests/fuzz/fuzz.mk fuzz`.
#   make fuzz                 build, then fuzz for FUZZ_SECONDS (one process, one core)
#   make fuzz-build           only build $(FUZZ_BUILD)/parse_fuzzer
#   make fuzz-regress         run the seed corpus and every saved reproducer once
#   make fuzz-deep            run deep/long generated inputs (beyond -max_len) once
#   make fuzz-diff            krait vs CPython on the corpus (needs FUZZ_KRAIT, default build/krait)
#   make fuzz FUZZ_SECONDS=1800 FUZZ_ARGS="-only_ascii=1"
# Seeds: tests/fuzz/corpus and tests/syntax_errors/cases (only read); new
# inputs go to $(FUZZ_BUILD)/corpus;
# crashes, timeouts and leaks to $(FUZZ_BUILD)/artifacts/.
FUZZ_CC ?= clang-14
FUZZ_BUILD ?= build/fuzz
FUZZ_SECONDS ?= 600
FUZZ_ARGS ?=
PYTHON311 ?= /usr/bin/python3.11

# Every UBSan report is fatal, so that libFuzzer saves the input.
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined
export UBSAN_OPTIONS ?= print_stacktrace=1
FUZZ_CFLAGS := -std=gnu11 -Wall -Wextra -Wno-unused-parameter -O1 -g \
    -fno-omit-frame-pointer $(FUZZ_SAN) -Isrc -I$(FUZZ_BUILD)/gen -MMD -MP
FUZZ_SRCS := $(filter-out src/main.c,$(sort $(wildcard src/*.c src/*/*.c)))
FUZZ_OBJS := $(patsubst src/%.c,$(FUZZ_BUILD)/obj/%.o,$(FUZZ_SRCS))
FUZZ_GEN := $(patsubst tools/gen_%.py,$(FUZZ_BUILD)/gen/%.h,$(wildcard tools/gen_*.py))
FUZZ_BIN := $(FUZZ_BUILD)/parse_fuzzer
# -max_len: real files are longer, but 4 KB holds every construct and keeps
# executions fast. -timeout: a second is already a hang for 4 KB of input.
FUZZ_RUN_FLAGS := -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -dict=tests/fuzz/python.dict -artifact_prefix=$(FUZZ_BUILD)/artifacts/ \
    -print_final_stats=1
.SECONDARY: $(FUZZ_GEN)

.PHONY: fuzz fuzz-build fuzz-regress fuzz-deep fuzz-diff
fuzz: $(FUZZ_BIN)
	@mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/artifacts
	$(FUZZ_BIN) $(FUZZ_RUN_FLAGS) -max_total_time=$(FUZZ_SECONDS) $(FUZZ_ARGS) \
	    $(FUZZ_BUILD)/corpus tests/fuzz/corpus tests/syntax_errors/cases

fuzz-build: $(FUZZ_BIN)

# Every reproducer ever found, and the seeds, must run clean.
fuzz-regress: $(FUZZ_BIN)
	$(FUZZ_BIN) -runs=0 -timeout=10 -rss_limit_mb=2048 tests/fuzz/corpus tests/syntax_errors/cases
	@set -e; for f in tests/fuzz/regressions/*; do \
	    [ -f "$$f" ] || continue; \
	    $(FUZZ_BIN) -timeout=10 -rss_limit_mb=2048 "$$f" >/dev/null 2>$(FUZZ_BUILD)/regress.log \
	        || { cat $(FUZZ_BUILD)/regress.log; echo "fuzz-regress: $$f fails"; exit 1; }; \
	done; echo "fuzz-regress: all reproducers pass"

# Through an archive: the linker takes only the objects the front end needs,
# so a half-written module elsewhere in src/ cannot break the fuzzer's link.
$(FUZZ_BUILD)/libkrait.a: $(FUZZ_OBJS)
	rm -f $@
	ar rcs $@ $(FUZZ_OBJS)

# Inputs beyond -max_len (tests/fuzz/deep_inputs.py): deep nesting, long chains.
fuzz-deep: $(FUZZ_BIN)
	$(PYTHON311) tests/fuzz/deep_inputs.py $(FUZZ_BUILD)/deep
	@set -e; for f in $(FUZZ_BUILD)/deep/*.py; do \
	    $(FUZZ_BIN) -timeout=60 -rss_limit_mb=2048 "$$f" >/dev/null 2>$(FUZZ_BUILD)/deep.log \
	        || { cat $(FUZZ_BUILD)/deep.log; echo "fuzz-deep: $$f fails"; exit 1; }; \
	done; echo "fuzz-deep: all deep inputs pass"

# krait's answers on the corpus vs CPython's (tests/fuzz/fuzz_diff.sh).
FUZZ_KRAIT ?= build/krait
fuzz-diff: $(FUZZ_BIN)
	tests/fuzz/fuzz_diff.sh $(FUZZ_BIN) $(FUZZ_KRAIT) $(FUZZ_BUILD)/diff \
	    $(FUZZ_BUILD)/corpus tests/fuzz/corpus tests/syntax_errors/cases

$(FUZZ_BIN): tests/fuzz/parse_fuzzer.c $(FUZZ_BUILD)/libkrait.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ tests/fuzz/parse_fuzzer.c \
	    $(FUZZ_BUILD)/libkrait.a $(LIBS)

$(FUZZ_BUILD)/obj/%.o: src/%.c | $(FUZZ_GEN)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

# The parser harness runs no Python code: no frozen modules (see the Makefile's
# two-stage build).
$(FUZZ_BUILD)/obj/vm/frozen.o: src/vm/frozen.c | $(FUZZ_GEN)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -DKRAIT_NO_FROZEN -c $< -o $@

$(FUZZ_BUILD)/gen/%.h: tools/gen_%.py
	@mkdir -p $(dir $@)
	$(PYTHON311) $< > $@.tmp && mv $@.tmp $@

-include $(FUZZ_OBJS:.o=.d)

# The harness without libFuzzer (tests/fuzz/standalone.c), built with gcc -O2:
# to time or debug a reproducer.  make fuzz-standalone; build/fuzz/plain/parse_standalone FILE
FUZZ_PLAIN_OBJS := $(patsubst src/%.c,$(FUZZ_BUILD)/plain/obj/%.o,$(FUZZ_SRCS))
.PHONY: fuzz-standalone
fuzz-standalone: $(FUZZ_BUILD)/plain/parse_standalone

$(FUZZ_BUILD)/plain/libkrait.a: $(FUZZ_PLAIN_OBJS)
	rm -f $@
	ar rcs $@ $(FUZZ_PLAIN_OBJS)

$(FUZZ_BUILD)/plain/parse_standalone: tests/fuzz/parse_fuzzer.c tests/fuzz/standalone.c \
        $(FUZZ_BUILD)/plain/libkrait.a
	gcc -std=gnu11 -O2 -g -Isrc -o $@ tests/fuzz/parse_fuzzer.c tests/fuzz/standalone.c \
	    $(FUZZ_BUILD)/plain/libkrait.a $(LIBS)

$(FUZZ_BUILD)/plain/obj/%.o: src/%.c | $(FUZZ_GEN)
	@mkdir -p $(dir $@)
	gcc -std=gnu11 -Wall -Wextra -Wno-unused-parameter -O2 -g -Isrc -I$(FUZZ_BUILD)/gen \
	    -MMD -MP $(if $(filter src/vm/frozen.c,$<),-DKRAIT_NO_FROZEN) -c $< -o $@

-include $(FUZZ_PLAIN_OBJS:.o=.d)
