"""Screen models through the Python bindings: what a screen shows and offers crosses the
FFI whole, and performing an action's command changes the store the way the screen said."""

import os

import pytest

import reconnect_ffi as rc

NOW = "2026-11-29T19:00:00Z"
SHELL = rc.ShellState(app_lock=None)


@pytest.fixture
def store(tmp_path):
    opened = rc.ReconnectStore.open(
        rc.OpenOptions(
            data_dir=str(tmp_path / "store"),
            key=os.urandom(32),
            device_name="python test",
            time_zone="Europe/Berlin",
            fixed_now=NOW,
        )
    )
    yield opened
    opened.close()


def actions(screen):
    out = []
    for block in screen.blocks:
        if isinstance(block, (rc.Block.ACTIONS, rc.Block.CARD, rc.Block.ROW)):
            out.extend(block.actions)
    return out


def action(screen, action_id):
    return next(a for a in actions(screen) if a.id == action_id)


def values(act, **extra):
    out = {f.key: f.value for f in act.fields if f.value is not None}
    out.update(extra)
    return out


def test_check_in_through_the_screens(store):
    form = store.screen(rc.Route.CHECK_IN(), SHELL)
    save = action(form, "checkin.save")
    mood = save.fields[0]
    assert mood.key == "mood"
    assert mood.kind == rc.FieldKind.NUMBER(min=1, max=5, low_label="Low", high_label="Good")
    done = store.perform(save.kind.command, values(save, mood="4", urge="2"))
    assert done.open == rc.Route.TODAY()
    today = store.screen(rc.Route.TODAY(), SHELL)
    facts = {b.label: b.value for b in today.blocks if isinstance(b, rc.Block.FACT)}
    assert facts["Mood"] == "4 of 5"
    assert today.sensitive


def test_a_locked_step_carries_its_reason_and_a_refusal_its_words(store):
    step = store.screen(rc.Route.STEP(number=4), SHELL)
    log = action(step, "log_attempt")
    assert "pre-check" in log.unavailable
    with pytest.raises(rc.ReconnectError.Refused) as refused:
        store.perform(log.kind.command, values(log, medium="text", reply="warm"))
    assert refused.value.detail.startswith("step 4 is not open yet")


def test_a_bad_value_names_its_field(store):
    save = action(store.screen(rc.Route.CHECK_IN(), SHELL), "checkin.save")
    with pytest.raises(rc.ReconnectError.InvalidInput) as bad:
        store.perform(save.kind.command, values(save, mood="lots", urge="1"))
    assert '"Mood"' in bad.value.detail
