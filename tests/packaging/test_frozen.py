"""The bundle's library path must not leak into the programs certalign starts."""

import os

import pytest

from certalign_gui.frozen import is_frozen, restore_child_environment

BUNDLE = "/opt/certalign/_internal"


def test_user_library_path_comes_back_when_frozen():
    env = {"LD_LIBRARY_PATH": f"{BUNDLE}:/usr/local/lib", "LD_LIBRARY_PATH_ORIG": "/usr/local/lib"}
    assert restore_child_environment(env, frozen=True) is True
    assert env == {"LD_LIBRARY_PATH": "/usr/local/lib"}


def test_bundle_path_is_dropped_when_the_user_had_none():
    env = {"LD_LIBRARY_PATH": BUNDLE, "HOME": "/home/emt"}
    assert restore_child_environment(env, frozen=True) is True
    assert env == {"HOME": "/home/emt"}


def test_an_empty_original_value_is_restored_as_empty():
    env = {"LD_LIBRARY_PATH": BUNDLE, "LD_LIBRARY_PATH_ORIG": ""}
    assert restore_child_environment(env, frozen=True) is True
    assert env == {"LD_LIBRARY_PATH": ""}


def test_nothing_to_do_when_frozen_without_the_variable():
    env = {"HOME": "/home/emt"}
    assert restore_child_environment(env, frozen=True) is False
    assert env == {"HOME": "/home/emt"}


def test_a_python_install_keeps_the_users_environment():
    env = {"LD_LIBRARY_PATH": "/usr/local/lib", "LD_LIBRARY_PATH_ORIG": "/elsewhere"}
    assert restore_child_environment(env, frozen=False) is False
    assert env == {"LD_LIBRARY_PATH": "/usr/local/lib", "LD_LIBRARY_PATH_ORIG": "/elsewhere"}


def test_defaults_read_sys_frozen_and_os_environ(monkeypatch):
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", BUNDLE)
    monkeypatch.delenv("LD_LIBRARY_PATH_ORIG", raising=False)
    assert is_frozen()
    assert restore_child_environment() is True
    assert "LD_LIBRARY_PATH" not in os.environ


def test_tests_do_not_run_frozen():
    assert not is_frozen()


@pytest.mark.parametrize("frozen", [True, False])
def test_explicit_flag_wins_over_sys_frozen(frozen):
    env = {"LD_LIBRARY_PATH": BUNDLE}
    assert restore_child_environment(env, frozen=frozen) is frozen
