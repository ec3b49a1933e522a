// runtime.h - starting the runtime: the collector, the hash key, and every
// builtin type readied, in one call that main() (and test drivers) make.
#ifndef KRAIT_RUNTIME_H
#define KRAIT_RUNTIME_H

// `stack_base`: the address of a local in main() (see gc_init). `hashseed`:
// PYTHONHASHSEED's text, or NULL (ignored environment: random key).
// Returns 0, or -1 with *error set to a message (a fatal start-up error).
int runtime_init(void *stack_base, const char *hashseed, const char **error);

#endif
