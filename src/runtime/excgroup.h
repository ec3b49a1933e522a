// excgroup.h - BaseExceptionGroup's slots, for error.c's definition of the
// exception types (the behaviour lives in excgroup.c; what other folders use
// is declared in exceptions.h).
#ifndef KRAIT_EXCGROUP_H
#define KRAIT_EXCGROUP_H

#include "exceptions.h"
#include "type.h"

void excgroup_trace(Object *o, GcTracer *t);
Value excgroup_new(Value callable, const Value *args, size_t nargs, Value kwnames);
Value excgroup_str(Value self);
extern const MethodDef excgroup_methods[];
extern const MemberDef excgroup_members[];

// ExceptionGroup derives from both BaseExceptionGroup and Exception; static
// types are readied with one base, so runtime_init calls this after readying
// the exception types to give ExceptionGroup its two bases and its MRO.
int excgroup_ready(void);

#endif
