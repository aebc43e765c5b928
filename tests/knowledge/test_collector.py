"""collector_paused: the collector is off inside, back as it was after, and what the pause made
is already in the oldest generation (no pass over it as young), where garbage is still found."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from bot.knowledge import collector_paused


class _Node:
    """An object that can hold itself (a cycle) and be watched by a weak reference."""

    me: _Node | None = None


@pytest.fixture
def collecting() -> Iterator[None]:
    """The collector on for the test, as it was after."""
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_what_a_pause_made_is_in_the_oldest_generation(collecting: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
        made = [[number] for number in range(5000)]
    assert gc.isenabled()
    assert gc.get_count()[0] < 5000  # no young generation of them left to pass over
    oldest = {id(found) for found in gc.get_objects(generation=2)}
    assert id(made) in oldest and all(id(item) in oldest for item in made)


def test_a_cycle_made_in_a_pause_is_still_collected(collecting: None) -> None:
    with collector_paused():
        node = _Node()
        node.me = node
        watched = weakref.ref(node)
        del node
    assert watched() is not None  # a cycle: only the collector frees it
    gc.collect()
    assert watched() is None


def test_a_pause_inside_a_pause_leaves_the_collector_off(collecting: None) -> None:
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
