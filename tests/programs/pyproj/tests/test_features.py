# More of pytest: monkeypatch, caplog, warns, tmpdir, parametrized and
# module-scoped fixtures, and the failure reports of strings, lists,
# attributes, exceptions raised inside the test, `in`, approx.
import logging
import os
import warnings

import pytest


def test_monkeypatch(monkeypatch):
    monkeypatch.setenv("KRAIT_X", "1")
    monkeypatch.setattr(os, "getcwd", lambda: "/nowhere")
    assert os.environ["KRAIT_X"] == "1"
    assert os.getcwd() == "/nowhere"


def test_caplog(caplog):
    with caplog.at_level(logging.INFO):
        logging.getLogger("x").info("hello %s", "log")
    assert caplog.records[0].getMessage() == "hello log"


def test_warns():
    with pytest.warns(UserWarning, match="careful"):
        warnings.warn("be careful")


def test_tmpdir(tmpdir):
    p = tmpdir.join("a.txt")
    p.write("x")
    assert p.read() == "x"


@pytest.fixture(params=[1, 2, 3])
def num(request):
    yield request.param * 10


def test_param_fixture(num):
    assert num % 10 == 0


@pytest.fixture(scope="module")
def resource():
    r = {"open": True}
    yield r
    r["open"] = False


def test_resource(resource):
    assert resource["open"]


def test_str_diff():
    assert "hello world, this is a long line" == "hello world, this is a lung line"


def test_list_diff():
    assert [1, 2, 3, 4] == [1, 2, 5, 4]


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


def test_attrs_and_calls():
    p = Point(1, 2)
    assert p.x + len([1, 2]) * 2 > 10


def test_exception_in_code():
    def inner():
        raise KeyError("missing")
    inner()


def test_not_in():
    assert "z" in {"a": 1, "b": 2}


def test_approx_fail():
    assert 0.1 + 0.2 == pytest.approx(0.35)
