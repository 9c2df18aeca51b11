"""The reminder schedule through the Python bindings: settings, a daily check-in reminder
at 20:00 in Europe/Berlin across the spring DST change, the 64 cap, today's reminder
leaving after a check-in, custom reminders with generic and detailed text, and travel.
Time is controlled with `fixed_now`."""

import datetime as dt
import os

import pytest

import reconnect_ffi as rc


def no_screening(store):
    return [
        rc.ScreeningReply(code=q.code, answer=rc.ScreeningAnswer.NO)
        for q in store.content_choices(rc.ChoiceList.SCREENING_QUESTIONS)
    ]

# 13:00 CET on Friday 20 March 2026; Berlin moves to CEST on Sunday 29 March.
NOW = "2026-03-20T12:00:00Z"
ZONE = "Europe/Berlin"
UTC = dt.timezone.utc
MAX_PENDING = 64


def open_store(data_dir, key, now=NOW, zone=ZONE):
    return rc.ReconnectStore.open(
        rc.OpenOptions(
            data_dir=str(data_dir),
            key=key,
            device_name="python test",
            time_zone=zone,
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


def daily_at(store, time, detail=rc.NotificationDetail.GENERIC):
    settings = store.reminder_settings()
    settings.daily_check_in = time
    settings.detail = detail
    store.set_reminder_settings(settings)


def invalid(call, *args):
    with pytest.raises(rc.ReconnectError.InvalidInput) as raised:
        call(*args)
    return raised.value.detail


def test_settings_default_and_round_trip(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    assert store.reminder_settings() == rc.ReminderSettings(
        daily_check_in=None, key_dates_at="09:00", detail=rc.NotificationDetail.GENERIC
    )
    assert store.reminders() == []
    chosen = rc.ReminderSettings(
        daily_check_in="20:00", key_dates_at="08:30", detail=rc.NotificationDetail.DETAILED
    )
    store.set_reminder_settings(chosen)
    store.close()
    reopened = open_store(tmp_path / "store", key)
    assert reopened.reminder_settings() == chosen
    reopened.close()


def test_bad_times_are_invalid_input_and_change_nothing(store):
    before = store.reminder_settings()
    for bad in ["8pm", "24:00", "20:00:00", "2000", ""]:
        detail = invalid(
            store.set_reminder_settings,
            rc.ReminderSettings(
                daily_check_in=bad, key_dates_at="09:00", detail=rc.NotificationDetail.GENERIC
            ),
        )
        assert "HH:MM" in detail
    invalid(
        store.set_reminder_settings,
        rc.ReminderSettings(daily_check_in=None, key_dates_at="9", detail=rc.NotificationDetail.GENERIC),
    )
    assert store.reminder_settings() == before
    for bad in ["2026-03-21 08:30", "2026-03-21", "2026-02-30T08:30", "tomorrow"]:
        assert "YYYY-MM-DDTHH:MM" in invalid(store.add_custom_reminder, bad, None)
    invalid(store.add_custom_reminder, "2026-03-21T08:30", "two\nlines")
    invalid(store.add_custom_reminder, "2026-03-21T08:30", "x" * 201)
    invalid(store.remove_custom_reminder, "no-such-id")
    assert store.custom_reminders() == []


def test_daily_reminder_fires_at_20_00_local_across_dst_capped_at_64(store):
    daily_at(store, "20:00")
    pending = store.reminders()
    assert len(pending) == MAX_PENDING
    assert all(r.kind == rc.ReminderKind.DAILY_CHECK_IN for r in pending)
    assert all(r.zone == ZONE for r in pending)

    first = pending[0]
    assert first.id == "check_in:2026-03-20"
    assert first.fire_at == at("2026-03-20T19:00:00Z")  # 20:00 CET
    assert first.local == "2026-03-20T20:00"
    assert (first.title, first.body) == ("Check-in", "Time for your check-in")

    by_id = {r.id: r for r in pending}
    assert by_id["check_in:2026-03-28"].fire_at == at("2026-03-28T19:00:00Z")  # CET
    assert by_id["check_in:2026-03-29"].fire_at == at("2026-03-29T18:00:00Z")  # CEST
    assert by_id["check_in:2026-03-29"].local == "2026-03-29T20:00"
    assert all(r.local.endswith("T20:00") for r in pending)

    # One a day, soonest first, the 64th on 22 May; nothing past the cap.
    start = dt.date(2026, 3, 20)
    assert [r.id for r in pending] == [
        f"check_in:{start + dt.timedelta(days=n)}" for n in range(MAX_PENDING)
    ]
    assert [r.fire_at for r in pending] == sorted(r.fire_at for r in pending)
    assert pending[-1].fire_at == at("2026-05-22T18:00:00Z")

    # Ids are stable: the same schedule again.
    assert store.reminders() == pending


def test_a_reminder_already_past_today_is_not_pending(tmp_path, key):
    store = open_store(tmp_path / "store", key, now="2026-03-20T19:30:00Z")  # 20:30 CET
    daily_at(store, "20:00")
    pending = store.reminders()
    assert pending[0].id == "check_in:2026-03-21"
    assert len(pending) == MAX_PENDING
    store.close()


def test_todays_reminder_goes_once_checked_in(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    daily_at(store, "20:00")
    assert store.reminders()[0].id == "check_in:2026-03-20"
    store.check_in(rc.CheckInInput(mood=3, urge=2, contact=None, note=None))
    pending = store.reminders()
    assert "check_in:2026-03-20" not in {r.id for r in pending}
    assert pending[0].id == "check_in:2026-03-21"
    assert pending[0].fire_at == at("2026-03-21T19:00:00Z")
    # Still 64: the next day past the cap fills the place.
    assert len(pending) == MAX_PENDING
    assert pending[-1].id == "check_in:2026-05-23"
    store.close()

    # A check-in on another device counts too, once merged.
    other_dir = tmp_path / "tablet"
    tablet = open_store(other_dir, os.urandom(32))
    daily_at(tablet, "20:00")
    assert tablet.reminders()[0].id == "check_in:2026-03-20"
    phone = open_store(tmp_path / "store", key)
    tablet.merge_document(phone.save_document())
    assert tablet.reminders()[0].id == "check_in:2026-03-21"
    phone.close()
    tablet.close()


def test_custom_reminder_text_is_generic_unless_detailed(store):
    custom = store.add_custom_reminder("2026-03-21T08:30", "  Call the dentist  ")
    assert custom.at == "2026-03-21T08:30"
    assert custom.text == "Call the dentist"
    silent = store.add_custom_reminder("2026-03-22T09:15", None)
    assert store.custom_reminders() == [custom, silent]

    pending = store.reminders()
    assert [r.id for r in pending] == [f"custom:{custom.id}", f"custom:{silent.id}"]
    first = pending[0]
    assert first.kind == rc.ReminderKind.CUSTOM
    assert first.fire_at == at("2026-03-21T07:30:00Z")
    assert first.local == "2026-03-21T08:30"
    assert (first.title, first.body) == ("Reminder", "A reminder you set")
    assert "dentist" not in first.title + first.body

    daily_at(store, "20:00", detail=rc.NotificationDetail.DETAILED)
    pending = store.reminders()
    assert len(pending) == MAX_PENDING
    by_id = {r.id: r for r in pending}
    assert by_id[f"custom:{custom.id}"].body == "Call the dentist"
    assert by_id[f"custom:{silent.id}"].body == "A reminder you set"
    assert by_id["check_in:2026-03-20"].title == "Daily check-in"
    # The customs sit among the daily ones, in time order.
    assert [r.id for r in pending[:4]] == [
        "check_in:2026-03-20",
        f"custom:{custom.id}",
        "check_in:2026-03-21",
        f"custom:{silent.id}",
    ]

    store.remove_custom_reminder(custom.id)
    assert store.custom_reminders() == [silent]
    assert f"custom:{custom.id}" not in {r.id for r in store.reminders()}


def test_travel_puts_the_same_wall_time_on_the_new_clock(store):
    daily_at(store, "20:00")
    custom = store.add_custom_reminder("2026-03-21T08:30", None)
    store.set_time_zone("America/New_York")  # 08:00 EDT at NOW
    pending = store.reminders()
    by_id = {r.id: r for r in pending}
    assert pending[0].id == "check_in:2026-03-20"
    assert pending[0].fire_at == at("2026-03-21T00:00:00Z")  # 20:00 EDT
    assert pending[0].zone == "America/New_York"
    assert by_id[f"custom:{custom.id}"].fire_at == at("2026-03-21T12:30:00Z")
    assert by_id[f"custom:{custom.id}"].local == "2026-03-21T08:30"


def test_key_dates_are_reminded_at_the_chosen_time(store):
    C = rc.ProgramCommand
    answers = [
        rc.Answer(code=q.code, value=q.favourable_answer)
        for q in store.pre_check_content().questions
    ]
    store.program_command(C.ANSWER_PRE_CHECK(answers=answers, past_cycles=0, screening=no_screening(store)))
    store.program_command(C.ADD_REASON(text="We stopped really listening", kind="communication"))
    store.program_command(C.SET_ENDED_BY(ended_by=rc.EndedBy.MUTUAL))
    store.program_command(C.ADD_MISTAKE(text="I mocked her beliefs", plan="Agree to disagree"))
    view = store.program_command(C.SET_NO_CONTACT(start="2026-03-01", end="2026-04-15")).view
    assert view.dates.no_contact_ends == "2026-04-15"
    assert view.dates.trial_reviews == []
    settings = store.reminder_settings()
    settings.key_dates_at = "08:30"
    store.set_reminder_settings(settings)
    pending = store.reminders()
    assert [r.id for r in pending] == ["no_contact_ends:2026-04-15"]
    only = pending[0]
    assert only.kind == rc.ReminderKind.NO_CONTACT_ENDS
    assert only.fire_at == at("2026-04-15T06:30:00Z")  # 08:30 CEST
    assert (only.title, only.body) == ("Reminder", "A date in your plan is here")


def test_reminder_calls_after_close_fail_with_closed(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    store.close()
    with pytest.raises(rc.ReconnectError.Closed):
        store.reminders()
    with pytest.raises(rc.ReconnectError.Closed):
        store.add_custom_reminder("2026-03-21T08:30", None)
