import pytest

from calc import add, divide, mean, parse_pairs


@pytest.mark.parametrize("a, b, expected", [(1, 2, 3), (-1, 1, 0), ("x", "y", "xy"), ([1], [2], [1, 2])])
def test_add(a, b, expected):
    assert add(a, b) == expected


def test_mean(numbers):
    assert mean(numbers) == pytest.approx(3.875)


def test_divide_by_zero():
    with pytest.raises(ZeroDivisionError, match="cannot divide 7 by zero"):
        divide(7, 0)


def test_mean_empty():
    with pytest.raises(ValueError) as info:
        mean([])
    assert "empty" in str(info.value)


def test_parse_file(data_file):
    assert parse_pairs(data_file.read_text()) == {"a": 1, "b": 22, "c": 333}


def test_tmp_path(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.txt").write_text("hello")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["f.txt", "sub"]


def test_output(capsys):
    print("to stdout")
    import sys
    print("to stderr", file=sys.stderr)
    out, err = capsys.readouterr()
    assert out == "to stdout\n"
    assert err == "to stderr\n"


class TestGroup:
    def test_sorted(self, numbers):
        assert sorted(numbers)[:3] == [1, 1, 2]

    @pytest.mark.parametrize("text", ["a=1", " a = 1 "])
    def test_spaces(self, text):
        assert parse_pairs(text) == {"a": 1}


def test_fails_on_purpose(numbers):
    # Deliberately failing: the check compares the rewritten assertion's message.
    total = sum(numbers)
    assert total == add(30, 2), "sum of the fixture"


def test_fails_compare_dicts():
    # Deliberately failing: pytest's dict diff in the assertion message.
    assert parse_pairs("a=1, b=2") == {"a": 1, "b": 3}


@pytest.mark.skip(reason="shows a skip")
def test_skipped():
    assert False


@pytest.mark.xfail(reason="shows an xfail")
def test_xfail():
    assert divide(1, 0)
