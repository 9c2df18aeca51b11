"""Export, import, the readable report and wipe through the Python bindings. An export
imported into a fresh store gives back the same journal, progress and the rest; a wipe
closes the store and deletes its files. Time is controlled with `fixed_now`."""

import json
import os

import pytest

import reconnect_ffi as rc


def no_screening(store):
    return [
        rc.ScreeningReply(code=q.code, answer=rc.ScreeningAnswer.NO)
        for q in store.content_choices(rc.ChoiceList.SCREENING_QUESTIONS)
    ]

NOW = "2026-11-29T19:00:00Z"  # 20:00 in Berlin on Sunday 2026-11-29
ZONE = "Europe/Berlin"


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


def entry(title, body, tags=(), kind=rc.EntryKind.ENTRY, **extra):
    return rc.EntryInput(kind=kind, title=title, body=body, tags=list(tags), **extra)


def filled_store(path, key):
    """A store with check-ins on four days, journal entries, reminders and a program step."""
    for day, mood in zip(range(25, 29), [2, 3, 3, 4]):
        s = open_store(path, key, now=f"2026-11-{day}T19:00:00Z")
        s.check_in(rc.CheckInInput(mood=mood, urge=5, contact=None, note=f"day {day}"))
        s.journal_add(entry(f"Evening {day}", f"Wrote on the {day}th.", tags=["evening"]))
        s.close()
    store = open_store(path, key)
    store.check_in(rc.CheckInInput(mood=4, urge=2, contact=rc.ContactMedium.NONE, note="calm"))
    store.journal_add(
        entry("To you", "Unsent, and fine that way.", kind=rc.EntryKind.LETTER, cool_off_hours=48)
    )
    store.journal_add(entry("Step four", "Notes", link=rc.EntryLink.STEP(number=4)))
    store.set_reminder_settings(
        rc.ReminderSettings(
            daily_check_in="20:30", key_dates_at="08:00", detail=rc.NotificationDetail.DETAILED
        )
    )
    store.add_custom_reminder("2026-12-03T18:00", "Book the course")
    answers = [
        rc.Answer(code=q.code, value=q.favourable_answer)
        for q in store.pre_check_content().questions
    ]
    store.program_command(rc.ProgramCommand.ANSWER_PRE_CHECK(answers=answers, past_cycles=0, screening=no_screening(store)))
    store.program_command(
        rc.ProgramCommand.ADD_REASON(text="We stopped listening", kind="communication")
    )
    return store


@pytest.fixture
def key():
    return os.urandom(32)


def test_export_then_import_into_a_fresh_store_gives_the_same_data(tmp_path, key):
    source = filled_store(tmp_path / "source", key)
    exported = source.export_json()
    parsed = json.loads(exported)
    assert parsed["format"] == "reconnect-export"
    assert len(parsed["check_ins"]) == 5
    assert len(parsed["journal"]) == 6

    target = open_store(tmp_path / "target", os.urandom(32))
    assert target.progress().days_checked_in == 0
    summary = target.import_json(exported)
    assert summary == rc.ImportSummary(
        check_ins=5,
        journal_entries=6,
        program_records=summary.program_records,
        custom_reminders=1,
    )
    assert summary.program_records >= 1

    everything = rc.JournalFilter()
    assert target.journal_list(everything) == source.journal_list(everything)
    assert target.journal_search("evening", None) == source.journal_search("evening", None)
    assert target.progress() == source.progress()
    assert target.progress().days_checked_in == 5
    assert target.history(None) == source.history(None)
    assert target.reminder_settings() == source.reminder_settings()
    assert target.custom_reminders() == source.custom_reminders()
    assert target.reminders() == source.reminders()
    assert target.program().records == source.program().records
    source.close()
    target.close()


def test_import_goes_into_an_empty_store_only_and_refuses_garbage(tmp_path, key):
    source = filled_store(tmp_path / "source", key)
    exported = source.export_json()
    before = source.journal_list(rc.JournalFilter())
    with pytest.raises(rc.ReconnectError.InvalidInput) as raised:
        source.import_json(exported)
    assert "empty store" in raised.value.detail
    assert source.journal_list(rc.JournalFilter()) == before
    source.close()

    fresh = open_store(tmp_path / "fresh", os.urandom(32))
    for bad in ["", "not json", "{}", json.dumps({"format": "something-else", "version": 1})]:
        with pytest.raises(rc.ReconnectError.InvalidInput):
            fresh.import_json(bad)
    newer = json.loads(exported)
    newer["version"] = 999
    with pytest.raises(rc.ReconnectError.InvalidInput) as raised:
        fresh.import_json(json.dumps(newer))
    assert "newer" in raised.value.detail
    assert fresh.journal_list(rc.JournalFilter()) == []
    assert fresh.history(None) == []
    fresh.close()


def test_an_import_is_announced_to_listeners(tmp_path, key):
    source = filled_store(tmp_path / "source", key)
    exported = source.export_json()
    source.close()
    target = open_store(tmp_path / "target", os.urandom(32))

    class Recorder(rc.ChangeListener):
        def __init__(self):
            self.events = []

        def on_change(self, event):
            self.events.append(event)

    recorder = Recorder()
    handle = target.subscribe(recorder)
    target.import_json(exported)
    assert recorder.events == [rc.ChangeEvent.REMOTE_CHANGES_MERGED()]
    handle.cancel()
    target.close()


def test_reports_in_markdown_and_html(tmp_path, key):
    store = filled_store(tmp_path / "store", key)
    markdown = store.report(rc.ReportFormat.MARKDOWN)
    html = store.report(rc.ReportFormat.HTML)
    assert markdown.strip() and html.strip()
    assert "Evening 25" in markdown
    assert "<html" in html.lower()
    assert "Evening 25" in html
    store.close()


def test_wipe_closes_the_store_and_deletes_every_file(tmp_path, key):
    path = tmp_path / "store"
    store = filled_store(path, key)
    assert sorted(os.listdir(path))
    removed = store.wipe()
    assert any(p.endswith("reconnect.db") for p in removed)
    assert any(p.endswith("reconnect.keycheck") for p in removed)
    assert not path.exists() or os.listdir(path) == []
    for call in (store.today, store.progress, store.export_json, store.wipe):
        with pytest.raises(rc.ReconnectError.Closed):
            call()
    store.close()  # still harmless

    # The same place (and key) now opens an empty store.
    again = open_store(path, key)
    assert again.history(None) == []
    assert again.journal_list(rc.JournalFilter()) == []
    assert again.progress().days_checked_in == 0
    again.close()
