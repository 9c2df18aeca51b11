"""The 11-step program through the Python bindings: the view, commands, typed refusals,
and the content a shell renders. Time is controlled with `fixed_now`."""

import os

import pytest

import reconnect_ffi as rc

NOW = "2026-11-29T19:00:00Z"  # 20:00 in Berlin: the local day is 2026-11-29
TODAY = "2026-11-29"
ZONE = "Europe/Berlin"
C = rc.ProgramCommand


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


@pytest.fixture
def store(tmp_path, key):
    opened = open_store(tmp_path / "store", key)
    yield opened
    opened.close()


def state(view, number):
    return next(s for s in view.steps if s.number == number)


def favourable_pre_check(store):
    answers = [
        rc.Answer(code=q.code, value=q.favourable_answer)
        for q in store.pre_check_content().questions
    ]
    return C.ANSWER_PRE_CHECK(answers=answers, past_cycles=0, screening=screening(store))


def screening(store, answer=rc.ScreeningAnswer.NO):
    return [
        rc.ScreeningReply(code=q.code, answer=answer)
        for q in store.content_choices(rc.ChoiceList.SCREENING_QUESTIONS)
    ]


def readiness(store, value=True):
    items = store.content_choices(rc.ChoiceList.READINESS_ITEMS)
    return C.TAKE_READINESS_CHECK(
        answers=[rc.Answer(code=item.code, value=value) for item in items]
    )


def attempt(medium, reply=rc.Reply.WARM, skip_ahead=False, on=None):
    return C.LOG_ATTEMPT(medium=medium, on=on, reply=reply, note=None, skip_ahead=skip_ahead)


def finish_phase_one(store, no_contact=("2026-08-20", "2026-11-20")):
    """Pre-check, step 1 and step 2, and a no-contact period (over by default)."""
    store.program_command(favourable_pre_check(store))
    store.program_command(C.ADD_REASON(text="We stopped really listening", kind="communication"))
    store.program_command(C.SET_ENDED_BY(ended_by=rc.EndedBy.MUTUAL))
    store.program_command(C.ADD_MISTAKE(text="I mocked her beliefs", plan="Agree to disagree"))
    start, end = no_contact
    return store.program_command(C.SET_NO_CONTACT(start=start, end=end)).view


def reach_step_four(store):
    finish_phase_one(store)
    return store.program_command(readiness(store)).view


def refused(store, command):
    """Runs a command that must be refused; returns the reason, checks nothing changed."""
    before = store.program()
    with pytest.raises(rc.ReconnectError.Refused) as raised:
        store.program_command(command)
    assert store.program() == before, "a refused command must change nothing"
    assert raised.value.detail, "a refusal says why in words"
    return raised.value.reason


# --- the happy path -------------------------------------------------------------------


def test_a_fresh_program_starts_at_the_pre_check(store):
    view = store.program()
    assert view.today == TODAY
    assert view.pre_check_done is False
    assert view.phase == 0
    assert view.current_step == 0
    assert view.next_actions[0] == rc.NextAction.ANSWER_PRE_CHECK()
    assert [p.number for p in view.phases] == [1, 2, 3, 4]
    assert [s.number for s in view.steps] == list(range(1, 12))
    step1 = state(view, 1)
    assert step1.state == rc.StepState.LOCKED
    assert step1.locked_because == [rc.LockReason.PRE_CHECK_FIRST()]
    assert view.safety is None and view.outcome is None
    assert view.records.reasons == [] and view.records.pre_check is None


def test_happy_path_from_pre_check_to_the_first_warm_reply(tmp_path, key):
    store = open_store(tmp_path / "store", key)

    view = store.program_command(favourable_pre_check(store)).view
    assert view.pre_check_done and view.current_step == 1 and view.phase == 1
    assert view.advice == []
    assert state(view, 4).locked_because == [
        rc.LockReason.STEPS_FIRST(steps=[1, 2]),
        rc.LockReason.NO_CONTACT_NOT_SET(),
        rc.LockReason.READINESS_NOT_PASSED(),
    ]
    assert [a.code for a in view.records.pre_check.answers] == sorted(
        q.code for q in store.pre_check_content().questions
    )

    result = store.program_command(
        C.ADD_REASON(text="We stopped really listening", kind="communication")
    )
    assert result.created_id is not None
    assert [(r.id, r.kind) for r in result.view.records.reasons] == [
        (result.created_id, "communication")
    ]
    assert state(result.view, 1).state == rc.StepState.IN_PROGRESS

    view = store.program_command(C.SET_ENDED_BY(ended_by=rc.EndedBy.MUTUAL)).view
    assert state(view, 1).state == rc.StepState.DONE
    assert view.records.ended_by == rc.EndedBy.MUTUAL

    result = store.program_command(
        C.ADD_MISTAKE(text="I mocked her beliefs", plan="Agree to disagree")
    )
    assert state(result.view, 2).state == rc.StepState.DONE
    assert result.view.records.mistakes[0].plan == "Agree to disagree"

    # Three months from the breakup, already over by today.
    view = store.program_command(C.SET_NO_CONTACT(start="2026-08-20", end="2026-11-20")).view
    assert view.records.no_contact == rc.NoContact(
        start="2026-08-20", end="2026-11-20", ended_early_on=None
    )
    assert view.dates.no_contact_ends is None
    step4 = state(view, 4)
    assert step4.state == rc.StepState.LOCKED
    assert step4.locked_because == [rc.LockReason.READINESS_NOT_PASSED()]
    assert rc.NextAction.TAKE_READINESS_CHECK() in view.next_actions

    view = store.program_command(readiness(store)).view
    assert state(view, 3).state == rc.StepState.DONE
    assert state(view, 4).state == rc.StepState.AVAILABLE
    assert view.current_step == 4 and view.phase == 2
    assert next(p for p in view.phases if p.number == 2).open
    assert rc.NextAction.REACH_OUT(rung=1, medium=rc.ContactMedium.SOCIAL_MEDIA) in (
        view.next_actions
    )
    assert view.ladder.highest_open_rung == 1

    result = store.program_command(
        C.LOG_ATTEMPT(
            medium=rc.ContactMedium.SOCIAL_MEDIA,
            on=None,
            reply=rc.Reply.WARM,
            note="Liked her hiking photo; she replied with a smile",
            skip_ahead=False,
        )
    )
    logged = result.view.records.attempts
    assert [(a.id, a.medium, a.on, a.reply, a.skipped_ahead) for a in logged] == [
        (result.created_id, rc.ContactMedium.SOCIAL_MEDIA, TODAY, rc.Reply.WARM, False)
    ]
    assert result.view.ladder.warm_replies == 1
    assert result.view.ladder.highest_open_rung == 2
    assert result.view.ladder.highest_open_medium == rc.ContactMedium.TEXT
    assert state(result.view, 4).state == rc.StepState.DONE
    final = result.view
    store.close()

    reopened = open_store(tmp_path / "store", key)
    assert reopened.program() == final


def test_the_no_contact_period_opens_step_four_once_time_has_passed(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    view = finish_phase_one(store, no_contact=("2026-11-01", "2026-12-15"))
    assert view.dates.no_contact_ends == "2026-12-15"
    assert rc.NextAction.WAIT_FOR_NO_CONTACT(until="2026-12-15") in view.next_actions
    view = store.program_command(readiness(store)).view
    assert state(view, 4).locked_because == [
        rc.LockReason.NO_CONTACT_RUNNING(until="2026-12-15")
    ]
    assert refused(store, attempt(rc.ContactMedium.SOCIAL_MEDIA)) == (
        rc.RefusalReason.STEP_LOCKED(
            step=4, reasons=[rc.LockReason.NO_CONTACT_RUNNING(until="2026-12-15")]
        )
    )
    store.close()

    later = open_store(tmp_path / "store", key, now="2026-12-15T09:00:00Z")
    view = later.program()
    assert view.today == "2026-12-15"
    assert state(view, 4).state == rc.StepState.AVAILABLE
    assert view.dates.no_contact_ends is None
    later.program_command(attempt(rc.ContactMedium.SOCIAL_MEDIA, reply=rc.Reply.NEUTRAL))
    assert state(later.program(), 4).state == rc.StepState.IN_PROGRESS


def test_the_listener_hears_program_changes_but_not_refusals(store):
    class Recorder:
        def __init__(self):
            self.events = []

        def on_change(self, event):
            self.events.append(event)

    recorder = Recorder()
    handle = store.subscribe(recorder)
    store.program_command(favourable_pre_check(store))
    with pytest.raises(rc.ReconnectError.Refused):
        store.program_command(attempt(rc.ContactMedium.TEXT))
    assert recorder.events == [rc.ChangeEvent.PROGRAM_CHANGED(command="answer_pre_check")]
    handle.cancel()


# --- refusals -------------------------------------------------------------------------


def test_contact_before_the_pre_check_is_refused_as_a_locked_step(store):
    reason = refused(store, attempt(rc.ContactMedium.SOCIAL_MEDIA))
    assert reason == rc.RefusalReason.STEP_LOCKED(
        step=4, reasons=[rc.LockReason.PRE_CHECK_FIRST()]
    )
    assert reason.is_STEP_LOCKED()


def test_skipping_a_rung_is_refused_unless_the_user_says_so(store):
    reach_step_four(store)
    reason = refused(store, attempt(rc.ContactMedium.VIDEO))
    assert reason == rc.RefusalReason.LADDER_SKIP(
        medium=rc.ContactMedium.VIDEO, open_medium=rc.ContactMedium.SOCIAL_MEDIA
    )
    assert store.program().records.attempts == []

    view = store.program_command(attempt(rc.ContactMedium.VIDEO, skip_ahead=True)).view
    assert [(a.medium, a.skipped_ahead) for a in view.records.attempts] == [
        (rc.ContactMedium.VIDEO, True)
    ]
    assert "advice.ladder_skip" in [a.key for a in view.advice]


def test_a_no_contact_period_longer_than_three_months_is_refused(store):
    store.program_command(favourable_pre_check(store))
    reason = refused(store, C.SET_NO_CONTACT(start="2026-08-01", end="2026-12-01"))
    assert reason == rc.RefusalReason.NO_CONTACT_TOO_LONG(
        start="2026-08-01", latest_end="2026-11-01"
    )
    assert store.program().records.no_contact is None
    store.program_command(C.SET_NO_CONTACT(start="2026-08-01", end="2026-11-01"))
    assert store.program().records.no_contact.end == "2026-11-01"


def test_a_safety_flag_locks_contact_and_shows_support(store):
    reach_step_four(store)
    view = store.program_command(C.FLAG_SAFETY(signs=["fear"])).view
    assert view.safety is not None
    assert view.safety.signs == ["fear"]
    assert view.safety.title and view.safety.explanation
    assert view.safety.resources
    assert all(r.key.startswith("safety.resources.") and r.text for r in view.safety.resources)
    assert view.next_actions[0] == rc.NextAction.SEE_SUPPORT()
    for number in range(4, 12):
        assert state(view, number).state == rc.StepState.LOCKED
        assert rc.LockReason.SAFETY() in state(view, number).locked_because
    assert state(view, 1).state == rc.StepState.DONE
    assert [(f.sign, f.on, f.source) for f in view.records.safety_flags] == [
        ("fear", TODAY, rc.SafetySource.FLAGGED)
    ]

    assert refused(store, attempt(rc.ContactMedium.SOCIAL_MEDIA)) == (
        rc.RefusalReason.SAFETY_LOCKED()
    )
    assert refused(store, C.ADD_OBSERVATION(text="posted from a concert", on=None)) == (
        rc.RefusalReason.SAFETY_LOCKED()
    )


def test_after_they_said_no_the_ladder_closes_for_good(store):
    reach_step_four(store)
    view = store.program_command(C.THEY_SAID_NO(kind=rc.NoKind.BLOCKED)).view
    assert view.ladder.closed_for_good
    assert rc.NextAction.LET_GO() in view.next_actions
    assert refused(store, attempt(rc.ContactMedium.SOCIAL_MEDIA)) == (
        rc.RefusalReason.THEY_SAID_NO()
    )


def walk_to_the_decision(store):
    """Steps 4 to 8 done on one day (the no-contact period is long over)."""
    reach_step_four(store)
    for medium in (rc.ContactMedium.SOCIAL_MEDIA, rc.ContactMedium.TEXT, rc.ContactMedium.CALL):
        store.program_command(attempt(medium))
    draft = store.program_command(C.DRAFT_ICE_BREAKER(text="Hi, how are you?", cool_off_hours=0))
    store.program_command(C.MARK_ICE_BREAKER_READY(id=draft.created_id))
    store.program_command(
        C.WRITE_APOLOGY(
            id=None, what_i_did="a", responsibility="b", what_changed="c", repair="d"
        )
    )
    for _ in range(3):
        store.program_command(
            C.LOG_ACTIVITY(
                kind=rc.ActivityKind.FUN, on=None, result=rc.ActivityResult.GOOD, note=None
            )
        )
    store.program_command(
        C.ADD_THEIR_SIDE(kind=rc.TheirSideKind.CONCERN, text="empty promises", response="time")
    )


def test_never_is_a_stop_until_the_program_starts_again(store):
    walk_to_the_decision(store)
    store.program_command(C.DECIDE(answer=rc.DecisionAnswer.NEVER, revisit_on=None))
    assert refused(store, C.DECIDE(answer=rc.DecisionAnswer.READY, revisit_on=None)) == (
        rc.RefusalReason.DECIDED_NEVER()
    )
    view = store.program_command(C.RESTART(confirmed=True)).view
    assert len(view.records.restarts) == 1 and view.pre_check_done is False


def test_not_yet_holds_contact_until_its_revisit_date(store):
    walk_to_the_decision(store)
    store.program_command(C.DECIDE(answer=rc.DecisionAnswer.NOT_YET, revisit_on="2027-01-10"))
    assert refused(store, attempt(rc.ContactMedium.VIDEO)) == (
        rc.RefusalReason.NOT_YET_UNTIL(revisit_on="2027-01-10")
    )


def test_a_third_unanswered_attempt_after_a_pause_closes_the_ladder(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    reach_step_four(store)
    for on in ("2026-11-10", "2026-11-11"):
        store.program_command(attempt(rc.ContactMedium.SOCIAL_MEDIA, rc.Reply.NO_REPLY, on=on))
    store.program_command(attempt(rc.ContactMedium.SOCIAL_MEDIA, rc.Reply.NO_REPLY))
    view = store.program()
    assert view.ladder.no_answer and view.ladder.closed_for_good
    assert rc.NextAction.ASK_IF_THEY_SAID_NO() in view.next_actions
    assert refused(store, attempt(rc.ContactMedium.SOCIAL_MEDIA)) == rc.RefusalReason.NO_ANSWER()
    store.close()


def test_a_safety_answer_records_a_flag_that_stands_after_the_undo_window(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    answers = screening(store)
    answers[0] = rc.ScreeningReply(code=answers[0].code, answer=rc.ScreeningAnswer.YES)
    command = favourable_pre_check(store)
    view = store.program_command(
        C.ANSWER_PRE_CHECK(answers=command.answers, past_cycles=0, screening=answers)
    ).view
    assert view.safety.flags[0].source == rc.SafetySource.PRE_CHECK
    assert view.safety.undo_until is not None
    assert view.support.resources
    sign = view.safety.flags[0].sign
    store.close()
    later = open_store(tmp_path / "store", key, now="2026-11-29T19:16:00Z")
    assert refused(later, C.WITHDRAW_SAFETY_FLAG(sign=sign, confirmed=True)) == (
        rc.RefusalReason.SAFETY_FLAG_STANDS(minutes=15)
    )
    later.close()


def test_unknown_ids_are_refused_as_not_found(store):
    store.program_command(favourable_pre_check(store))
    assert refused(store, C.SET_MISTAKE_PLAN(id="nope", plan="x")) == (
        rc.RefusalReason.NOT_FOUND(id="nope")
    )


# --- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["2026-13-01", "2026-8-1", "01/08/2026", "", "soon"])
def test_a_date_that_is_not_yyyy_mm_dd_is_invalid_input(store, bad):
    store.program_command(favourable_pre_check(store))
    before = store.program()
    with pytest.raises(rc.ReconnectError.InvalidInput) as raised:
        store.program_command(C.SET_NO_CONTACT(start=bad, end="2026-11-01"))
    assert "start" in raised.value.detail and "YYYY-MM-DD" in raised.value.detail
    with pytest.raises(rc.ReconnectError.InvalidInput):
        store.program_command(C.ADD_OBSERVATION(text="seems well", on=bad))
    assert store.program() == before


def test_answers_must_be_complete_and_given_once(store):
    command = favourable_pre_check(store)
    twice = C.ANSWER_PRE_CHECK(
        answers=command.answers + command.answers[:1],
        past_cycles=0,
        screening=command.screening,
    )
    with pytest.raises(rc.ReconnectError.InvalidInput) as raised:
        store.program_command(twice)
    assert "twice" in raised.value.detail
    missing = C.ANSWER_PRE_CHECK(
        answers=command.answers[1:], past_cycles=0, screening=command.screening
    )
    with pytest.raises(rc.ReconnectError.InvalidInput):
        store.program_command(missing)
    assert store.program().pre_check_done is False


def test_an_unknown_reason_kind_is_invalid_input(store):
    store.program_command(favourable_pre_check(store))
    with pytest.raises(rc.ReconnectError.InvalidInput) as raised:
        store.program_command(C.ADD_REASON(text="it just ended", kind="astrology"))
    assert "communication" in raised.value.detail  # lists the kinds there are
    assert store.program().records.reasons == []


def test_program_calls_after_close_fail_with_closed(tmp_path, key):
    store = open_store(tmp_path / "store", key)
    store.close()
    with pytest.raises(rc.ReconnectError.Closed):
        store.program()
    with pytest.raises(rc.ReconnectError.Closed):
        store.program_command(C.END_NO_CONTACT_EARLY())


# --- content --------------------------------------------------------------------------


def test_step_content_has_title_explanation_and_prompts(store):
    step = store.program_step(4)
    assert (step.number, step.phase, step.key) == (4, 2, "step.4")
    assert step.title and step.explanation
    assert step.prompts and all(p.key.startswith("step.4.") and p.text for p in step.prompts)
    assert store.content_text("step.4") == step.title
    assert store.content_text("step.4.explanation") == step.explanation
    assert state(store.program(), 4).title == step.title
    assert store.program_step(0) is None and store.program_step(12) is None
    assert store.content_text("no.such.key") is None


def test_pre_check_and_choice_lists_give_the_codes_commands_take(store):
    pre = store.pre_check_content()
    assert pre.title and len(pre.questions) >= 3
    assert all(q.code and q.text and q.key.startswith("precheck.") for q in pre.questions)

    kinds = store.content_choices(rc.ChoiceList.REASON_KINDS)
    by_code = {k.code: k.fixable for k in kinds}
    assert by_code["communication"] is True and by_code["unforgivable"] is False
    rungs = store.content_choices(rc.ChoiceList.LADDER_RUNGS)
    assert [r.code for r in rungs] == ["social_media", "text", "call", "video", "in_person"]
    signs = [s.code for s in store.content_choices(rc.ChoiceList.SAFETY_SIGNS)]
    assert "fear" in signs
    assert len(store.content_choices(rc.ChoiceList.TRIAL_SIGNS)) == 4
    assert all(i.fixable is None for i in store.content_choices(rc.ChoiceList.READINESS_ITEMS))
