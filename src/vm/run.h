// run.h - what main() asks the runtime to run (src/vm/run.c).
#ifndef KRAIT_RUN_H
#define KRAIT_RUN_H

#define KRAIT_VERSION_STRING "0.1.0"

typedef enum RunKind { RUN_FILE, RUN_COMMAND, RUN_STDIN, RUN_MODULE } RunKind;

typedef struct RunRequest {
    RunKind kind;
    const char *progname;
    const char *script;    // RUN_FILE
    const char *command;   // RUN_COMMAND
    const char *module;    // RUN_MODULE: a dotted module name (-m)
    int argc;              // sys.argv
    char **argv;
    int orig_argc;         // sys.orig_argv
    char **orig_argv;
    int ignore_environment;
    int optimize;
    int unbuffered;
    int inspect;
    int quiet;
    unsigned gc_stress;    // collect every N-th allocation, 0 = off
    unsigned gc_stats;     // report the heap's peak at exit
    int faulthandler;      // enable faulthandler at start-up
    int int_max_str_digits;  // -X int_max_str_digits / PYTHONINTMAXSTRDIGITS; -1: not given
    // The rest of sys.flags (options and their PYTHON* variables).
    int debug, interactive, dont_write_bytecode, no_user_site, no_site, verbose, bytes_warning;
    int isolated, dev_mode, utf8_mode, warn_default_encoding, safe_path;
    const char *const *warnoptions;  // -W options, in order
    int nwarnoptions;
    const char *env_warnings;        // PYTHONWARNINGS (NULL: unset or -E)
} RunRequest;

// Start the runtime and run the program; returns the process exit status.
// `stack_base` is the address of a local in main().
int vm_run_main(const RunRequest *r, void *stack_base);

// Print the pending exception (sys.excepthook, or CPython's format) and
// return the exit status it means (SystemExit's code, else 1).
int vm_report_exception(void);

#endif
