"""Run one CPython test module with unittest and log each test's outcome.

    <interpreter> tests/conformance/child.py test.test_int LOGFILE

Runs under the interpreter being measured (krait or CPython). Every finished
test appends one line "STATUS test-id" to LOGFILE and flushes it, so that a
crash or a timeout still leaves the outcomes so far. STATUS is one of
ok, fail, error, skip, xfail (expected failure: counts as a pass) and xpass
(unexpected success: counts as a failure). A test whose subtests fail is one
failure, as regrtest counts it. Errors outside a test (a module that does not
import, a failing setUpClass) are one "error" line each. The last line is
"done" when the run finished. A failure or error line ends with
" :: " and the exception's type and message.

As regrtest does by default, no optional resource (network, cpu, ...) is
enabled.
"""

import sys


def main():
    name, logpath = sys.argv[1], sys.argv[2]
    log = open(logpath, "w", encoding="utf-8", errors="backslashreplace")

    def emit(status, ident, why=""):
        why = " :: " + why.replace("\n", " ")[:300] if why else ""
        log.write(f"{status} {ident}{why}\n")
        log.flush()

    def reason(err):
        try:
            text = str(err[1]).strip()
            if "\n" in text:   # a failed import: the traceback's last line says why
                text = text.splitlines()[-1]
            return f"{err[0].__name__}: {text}"
        except BaseException as e:
            return f"{err[0].__name__} (str() failed: {type(e).__name__})"

    try:
        import unittest
        from test import support
        support.use_resources = []
    except BaseException as e:
        emit("error", f"{name} (setting up unittest: {type(e).__name__}: {e})")
        raise

    class Result(unittest.TestResult):
        def startTest(self, test):
            super().startTest(test)
            self._status = "ok"
            self._why = ""

        def _set(self, test, status, why=""):
            # Errors outside any test (setUpClass, module import) come without
            # startTest: they are reported at once.
            if not hasattr(self, "_status") or self._current is not test:
                emit(status, test.id(), why)
            elif self._status in ("ok", "skip"):
                self._status = status
                self._why = why

        def addSuccess(self, test):
            super().addSuccess(test)

        def addFailure(self, test, err):
            super().addFailure(test, err)
            self._set(test, "fail", reason(err))

        def addError(self, test, err):
            super().addError(test, err)
            self._set(test, "error", reason(err))

        def addSkip(self, test, reason):
            super().addSkip(test, reason)
            self._set(test, "skip")

        def addExpectedFailure(self, test, err):
            super().addExpectedFailure(test, err)
            self._set(test, "xfail")

        def addUnexpectedSuccess(self, test):
            super().addUnexpectedSuccess(test)
            self._set(test, "xpass")

        def addSubTest(self, test, subtest, err):
            super().addSubTest(test, subtest, err)
            if err is not None:
                failed = issubclass(err[0], test.failureException)
                self._set(test, "fail" if failed else "error", reason(err))

        def stopTest(self, test):
            super().stopTest(test)
            emit(self._status, test.id(), self._why if self._status in ("fail", "error") else "")
            del self._status

    # unittest calls startTest(test) with the very object it then reports on.
    orig_start = Result.startTest

    def start(self, test):
        self._current = test
        orig_start(self, test)

    Result.startTest = start
    Result._current = None

    loader = unittest.TestLoader()
    # A module that does not import becomes one failing test (_FailedTest).
    suite = loader.loadTestsFromName(name)
    result = Result()
    suite.run(result)
    emit("done", name)
    log.close()


main()
