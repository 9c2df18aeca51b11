"""The journal and progress through the Python bindings: entries and unsent letters,
tags, search, deletion, bad input, and the strength score after a few check-ins.
Time is controlled with `fixed_now`."""

import datetime as dt
import math
import os

import pytest

import reconnect_ffi as rc

NOW = "2026-11-29T19:00:00Z"  # 20:00 in Berlin on Sunday 2026-11-29
ZONE = "Europe/Berlin"
UTC = dt.timezone.utc

# The strength formula of core/src/progress.rs.
GAIN = 0.15
DECAY = 0.07


def open_store(data_dir, key, now=NOW):
    return rc.ReconnectStore.open(
        rc.OpenOptions(
            data_dir=str(data_dir),
            key=key,
            device_name="python test",
            time_zone=ZONE,
            fixed_now=now,
        )
    )


def at(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture
def key():
    return os.urandom(32)


@pytest.fixture
def store(tmp_path, key):
    opened = open_store(tmp_path / "store", key)
    yield opened
    opened.close()


def entry(title, body="", tags=(), kind=rc.EntryKind.ENTRY, **extra):
    return rc.EntryInput(kind=kind, title=title, body=body, tags=list(tags), **extra)


def invalid(call, *args):
    with pytest.raises(rc.ReconnectError.InvalidInput) as raised:
        call(*args)
    assert raised.value.detail
    return raised.value.detail


class Recorder(rc.ChangeListener):
    def __init__(self):
        self.events = []

    def on_change(self, event):
        self.events.append(event)


def test_add_get_and_search_entries(store):
    recorder = Recorder()
    handle = store.subscribe(recorder)
    walk = store.journal_add(
        entry("A long walk", "Walked to the lake and felt calmer.", tags=["  Growth", "#calm"])
    )
    assert walk.kind == rc.EntryKind.ENTRY
    assert walk.tags == ["calm", "growth"]
    assert walk.created_at == at(NOW)
    assert walk.edited_at == at(NOW)
    assert walk.ready_after is None
    assert walk.title_conflicts == [] and walk.body_conflicts == []
    assert not walk.has_conflict
    assert recorder.events == [rc.ChangeEvent.JOURNAL_CHANGED(id=walk.id)]
    handle.cancel()

    talk = store.journal_add(
        entry("Sunday", "Thought about how we used to talk.", link=rc.EntryLink.STEP(number=8))
    )
    assert store.journal_get(walk.id) == walk
    assert store.journal_get("no-such-id") is None
    assert talk.link == rc.EntryLink.STEP(number=8)

    # Every word, in any case, anywhere in the title, text or tags.
    assert [e.id for e in store.journal_search("LAKE calmer", None)] == [walk.id]
    assert [e.id for e in store.journal_search("#growth", None)] == [walk.id]
    assert [e.id for e in store.journal_search("talk", None)] == [talk.id]
    assert store.journal_search("lake sunday", None) == []
    both = store.journal_search("ED", None)
    assert {e.id for e in both} == {walk.id, talk.id}
    assert len(store.journal_search("ed", 1)) == 1

    edited = store.journal_edit(walk.id, rc.EntryEdit(body="Walked to the lake again."))
    assert edited.title == "A long walk"
    assert edited.tags == ["calm", "growth"]
    assert store.journal_search("calmer", None) == []
    assert [e.id for e in store.journal_search("again", None)] == [walk.id]


def test_an_entry_can_start_from_a_prompt(store):
    prompts = store.growth_prompts()
    assert prompts, "the core has growth prompts"
    first = prompts[0]
    started = store.journal_entry_from_prompt(first.key)
    assert started.title == first.text
    assert started.link == rc.EntryLink.PROMPT(key=first.key)
    started.body = "Patience, mostly."
    saved = store.journal_add(started)
    assert saved.link == rc.EntryLink.PROMPT(key=first.key)

    step_prompt = store.program_step(4).prompts[0]
    assert store.journal_entry_from_prompt(step_prompt.key).title == step_prompt.text
    assert "prompts" in invalid(store.journal_entry_from_prompt, "step.99.prompt.nothing")


def test_a_letter_cools_off_before_it_can_be_marked_ready(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    letter = store.journal_add(
        entry(
            "To you",
            "I hope you are well.",
            kind=rc.EntryKind.LETTER,
            tags=["letters"],
            cool_off_hours=24,
        )
    )
    assert letter.kind == rc.EntryKind.LETTER
    assert letter.ready_after == at(NOW) + dt.timedelta(hours=24)
    assert letter.marked_ready_at is None
    detail = invalid(store.letter_mark_ready, letter.id)
    assert "cooling off" in detail
    assert store.journal_get(letter.id).marked_ready_at is None
    store.close()

    # Still cooling off a minute before the end; ready after it.
    early = open_store(tmp_path / "store", key, now="2026-11-30T18:59:00Z")
    invalid(early.letter_mark_ready, letter.id)
    early.close()
    later = "2026-11-30T19:30:00Z"
    store = open_store(tmp_path / "store", key, now=later)
    ready = store.letter_mark_ready(letter.id)
    assert ready.marked_ready_at == at(later)
    assert store.journal_get(letter.id).marked_ready_at == at(later)

    # Only letters are marked ready.
    plain = store.journal_add(entry("Just a note", "Nothing to send."))
    assert "only letters" in invalid(store.letter_mark_ready, plain.id)
    store.close()


def test_list_filters_by_kind_and_tag_newest_first(tmp_path, key):
    first = open_store(tmp_path / "store", key, now="2026-11-27T19:00:00Z")
    older = first.journal_add(entry("Friday", "Slept badly.", tags=["sleep"]))
    first.close()
    store = open_store(tmp_path / "store", key)
    newer = store.journal_add(entry("Sunday", "Slept well.", tags=["Sleep", "growth"]))
    letter = store.journal_add(
        entry("Dear you", "Unsent.", kind=rc.EntryKind.LETTER, tags=["growth"])
    )

    everything = store.journal_list(rc.JournalFilter())
    assert [e.id for e in everything][-1] == older.id
    assert {e.id for e in everything} == {older.id, newer.id, letter.id}
    sleep = store.journal_list(rc.JournalFilter(tag="#SLEEP"))
    assert [e.id for e in sleep] == [newer.id, older.id]
    growth_entries = store.journal_list(rc.JournalFilter(tag="growth", kind=rc.EntryKind.ENTRY))
    assert [e.id for e in growth_entries] == [newer.id]
    letters = store.journal_list(rc.JournalFilter(kind=rc.EntryKind.LETTER))
    assert [e.id for e in letters] == [letter.id]
    assert len(store.journal_list(rc.JournalFilter(limit=2))) == 2
    assert store.journal_list(rc.JournalFilter(conflicted=True)) == []
    assert store.journal_list(rc.JournalFilter(tag="nothing")) == []

    # New tags replace the old ones.
    retagged = store.journal_edit(older.id, rc.EntryEdit(tags=["rest"]))
    assert retagged.tags == ["rest"]
    assert [e.id for e in store.journal_list(rc.JournalFilter(tag="sleep"))] == [newer.id]
    store.close()


def test_delete_removes_an_entry_everywhere(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    keep = store.journal_add(entry("Keep", "A good day."))
    gone = store.journal_add(entry("Gone", "Something private about the lake."))
    store.journal_delete(gone.id)
    assert store.journal_get(gone.id) is None
    assert store.journal_search("lake", None) == []
    assert [e.id for e in store.journal_list(rc.JournalFilter())] == [keep.id]
    invalid(store.journal_delete, gone.id)
    store.close()
    reopened = open_store(tmp_path / "store", key)
    assert reopened.journal_get(gone.id) is None
    assert [e.id for e in reopened.journal_list(rc.JournalFilter())] == [keep.id]
    reopened.close()


def test_links_can_be_set_and_removed_and_conflicts_resolved(store):
    e = store.journal_add(entry("Step four", "Notes", link=rc.EntryLink.STEP(number=4)))
    removed = store.journal_edit(e.id, rc.EntryEdit(remove_link=True))
    assert removed.link is None
    relinked = store.journal_edit(e.id, rc.EntryEdit(link=rc.EntryLink.STEP(number=5)))
    assert relinked.link == rc.EntryLink.STEP(number=5)
    assert "not both" in invalid(
        store.journal_edit,
        e.id,
        rc.EntryEdit(link=rc.EntryLink.STEP(number=5), remove_link=True),
    )
    resolved = store.journal_resolve(e.id, "Step five", "Merged notes")
    assert (resolved.title, resolved.body) == ("Step five", "Merged notes")
    assert not resolved.has_conflict


def test_bad_input_is_invalid_input_and_writes_nothing(store):
    kept = store.journal_add(entry("Kept", "Fine."))
    before = store.journal_list(rc.JournalFilter())
    cases = [
        entry("", "   "),
        entry("two\nlines", "text"),
        entry("t" * 201, "text"),
        entry("Tags", "text", tags=[" "]),
        entry("Tags", "text", tags=[f"t{i}" for i in range(21)]),
        entry("Link", "text", link=rc.EntryLink.STEP(number=12)),
        entry("Link", "text", link=rc.EntryLink.PROMPT(key="no.such.prompt")),
        entry("Cool-off", "only letters", cool_off_hours=24),
        entry("Cool-off", "too long", kind=rc.EntryKind.LETTER, cool_off_hours=24 * 14 + 1),
    ]
    for bad in cases:
        invalid(store.journal_add, bad)
    invalid(store.journal_edit, kept.id, rc.EntryEdit(title="a\nb"))
    invalid(store.journal_edit, "no-such-id", rc.EntryEdit(body="x"))
    invalid(store.journal_search, "x" * 501, None)
    invalid(store.letter_mark_ready, "no-such-id")
    assert store.journal_list(rc.JournalFilter()) == before


def test_journal_calls_after_close_fail_with_closed(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    store.close()
    with pytest.raises(rc.ReconnectError.Closed):
        store.journal_list(rc.JournalFilter())
    with pytest.raises(rc.ReconnectError.Closed):
        store.progress()


def strength(n_days, missed=0):
    """`n_days` check-ins in a row from nothing, then `missed` missed days."""
    return 100 * (1 - (1 - GAIN) ** n_days) * (1 - DECAY) ** missed


def test_progress_follows_the_forgiving_formula(tmp_path, key):
    path = tmp_path / "store"
    fresh = open_store(path, key)
    empty = fresh.progress()
    assert (empty.strength, empty.strength_exact, empty.days_checked_in) == (0, 0.0, 0)
    assert empty.since is None
    assert empty.mood_trend.points == 0 and empty.mood_trend.slope_per_week is None
    assert len(empty.weekly_moods) == 8
    fresh.close()

    # Moods 5, 4, 3, 2, 1 at 20:00 Berlin on Wednesday 25th to Sunday 29 November.
    for day, mood in zip(range(25, 30), [5, 4, 3, 2, 1]):
        s = open_store(path, key, now=f"2026-11-{day}T19:00:00Z")
        s.check_in(rc.CheckInInput(mood=mood, urge=3, contact=None, note=None))
        s.close()

    store = open_store(path, key)
    view = store.progress()
    assert view.days_checked_in == 5
    assert view.since == "2026-11-25"
    assert math.isclose(view.strength_exact, strength(5), abs_tol=1e-9)
    assert math.isclose(view.strength_exact, 55.62946875, abs_tol=1e-9)
    assert view.strength == 56
    # One mood point lost per day: -7 per week, a falling trend.
    assert view.mood_trend.points == 5
    assert math.isclose(view.mood_trend.slope_per_week, -7.0, abs_tol=1e-9)
    assert view.mood_trend.falling
    weeks = view.weekly_moods
    assert len(weeks) == 8
    assert weeks[-1].week_start == "2026-11-23"
    assert (weeks[-1].average, weeks[-1].check_ins) == (3.0, 5)
    assert weeks[0].week_start == "2026-10-05"
    assert (weeks[0].average, weeks[0].check_ins) == (None, 0)
    store.close()

    # Tuesday 1 December, before checking in: Monday was missed (×0.93), today not yet.
    later = open_store(path, key, now="2026-12-01T10:00:00Z")
    view = later.progress()
    assert math.isclose(view.strength_exact, strength(5, missed=1), abs_tol=1e-9)
    assert view.strength == 52
    assert view.days_checked_in == 5
    assert view.weekly_moods[-1].week_start == "2026-11-30"
    assert (view.weekly_moods[-1].average, view.weekly_moods[-1].check_ins) == (None, 0)
    assert view.weekly_moods[-2].average == 3.0

    # Checking in today adds on top of what the missed day left; nothing resets.
    later.check_in(rc.CheckInInput(mood=4, urge=2, contact=None, note=None))
    view = later.progress()
    left = strength(5, missed=1)
    assert math.isclose(view.strength_exact, left + GAIN * (100 - left), abs_tol=1e-9)
    assert view.strength == 59
    assert view.days_checked_in == 6
    assert (view.weekly_moods[-1].average, view.weekly_moods[-1].check_ins) == (4.0, 1)
    later.close()
