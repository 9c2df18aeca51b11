"""The daily check-in through the Python bindings: round trip, errors, listeners."""

import gc
import os

import pytest

import reconnect_ffi as rc

NOW = "2026-11-29T19:00:00Z"
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


@pytest.fixture
def key():
    return os.urandom(32)


def test_round_trip_survives_close_and_reopen(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    assert store.today().check_in is None
    saved = store.check_in(
        rc.CheckInInput(
            mood=2, urge=8, contact=rc.ContactMedium.TEXT, note="Sent nothing, wanted to"
        )
    )
    assert saved.date == "2026-11-29"
    assert saved.contact == rc.ContactMedium.TEXT
    store.close()
    with pytest.raises(rc.ReconnectError.Closed):
        store.today()

    reopened = open_store(tmp_path / "store", key)
    today = reopened.today()
    assert today.date == "2026-11-29"
    assert today.time_zone == ZONE
    assert today.check_in.mood == 2
    assert today.check_in.urge == 8
    assert today.check_in.note == "Sent nothing, wanted to"
    assert [c.date for c in reopened.history(None)] == ["2026-11-29"]


def test_next_day_adds_to_history_newest_first(tmp_path, key):
    first = open_store(tmp_path / "store", key)
    first.check_in(rc.CheckInInput(mood=3, urge=4, contact=None, note=None))
    first.close()
    second = open_store(tmp_path / "store", key, now="2026-11-30T18:00:00Z")
    second.check_in(rc.CheckInInput(mood=4, urge=2, contact=None, note=None))
    assert [c.date for c in second.history(None)] == ["2026-11-30", "2026-11-29"]
    assert [c.date for c in second.history(1)] == ["2026-11-30"]


def test_mood_out_of_range_is_a_python_exception_and_stores_nothing(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    with pytest.raises(rc.ReconnectError.InvalidInput) as raised:
        store.check_in(rc.CheckInInput(mood=9, urge=1, contact=None, note=None))
    assert "mood must be between 1 and 5" in str(raised.value)
    assert store.today().check_in is None
    assert store.history(None) == []


def test_wrong_key_is_named(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    store.check_in(rc.CheckInInput(mood=3, urge=3, contact=None, note=None))
    store.close()
    with pytest.raises(rc.ReconnectError.WrongKey):
        open_store(tmp_path / "store", bytes(32))
    with pytest.raises(rc.ReconnectError.InvalidInput):
        open_store(tmp_path / "other", b"short")


def test_a_second_handle_on_an_open_store_is_refused(tmp_path, key):
    first = open_store(tmp_path / "store", key)
    with pytest.raises(rc.ReconnectError.InUse):
        open_store(tmp_path / "store", key)
    first.close()
    second = open_store(tmp_path / "store", key)
    assert second.today().check_in is None


def test_unknown_zone_and_bad_clock_are_refused(tmp_path, key):
    with pytest.raises(rc.ReconnectError.InvalidInput):
        rc.ReconnectStore.open(
            rc.OpenOptions(
                data_dir=str(tmp_path),
                key=key,
                device_name="x",
                time_zone="Mars/Base",
                fixed_now=None,
            )
        )
    with pytest.raises(rc.ReconnectError.InvalidInput):
        open_store(tmp_path, key, now="yesterday-ish")


class Recorder:
    def __init__(self):
        self.events = []

    def on_change(self, event):
        self.events.append(event)


def test_listener_hears_changes_until_cancelled(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    recorder = Recorder()
    handle = store.subscribe(recorder)
    store.check_in(rc.CheckInInput(mood=3, urge=3, contact=None, note=None))
    assert recorder.events == [rc.ChangeEvent.CHECK_IN_RECORDED(date="2026-11-29")]
    store.set_day_start_hour(6)
    assert recorder.events[-1] == rc.ChangeEvent.SETTINGS_CHANGED()
    handle.cancel()
    store.check_in(rc.CheckInInput(mood=4, urge=3, contact=None, note=None))
    assert len(recorder.events) == 2


def test_dropping_the_handle_unsubscribes(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    recorder = Recorder()
    handle = store.subscribe(recorder)
    del handle
    gc.collect()
    store.check_in(rc.CheckInInput(mood=3, urge=3, contact=None, note=None))
    assert recorder.events == []


def test_two_devices_merge_their_check_ins(tmp_path, key):
    phone = open_store(tmp_path / "phone", key)
    tablet = open_store(tmp_path / "tablet", os.urandom(32), now="2026-11-28T19:00:00Z")
    phone.check_in(rc.CheckInInput(mood=3, urge=5, contact=None, note="phone"))
    tablet.check_in(rc.CheckInInput(mood=4, urge=1, contact=None, note="tablet"))
    phone.merge_document(tablet.save_document())
    tablet.merge_document(phone.save_document())
    for device in (phone, tablet):
        assert [c.note for c in device.history(None)] == ["phone", "tablet"]
    with pytest.raises(rc.ReconnectError.InvalidInput):
        phone.merge_document(b"not an automerge document")
    assert len(phone.history(None)) == 2


def test_a_rust_panic_is_an_exception_not_an_abort():
    with pytest.raises(rc.InternalError):
        rc.fault_injection_panic()
