import pytest


@pytest.fixture
def numbers():
    return [3, 1, 4, 1, 5, 9, 2, 6]


@pytest.fixture
def data_file(tmp_path):
    path = tmp_path / "pairs.txt"
    path.write_text("a=1, b=22, c=333\n")
    return path
