"""Pairing and sync through the Python bindings: two stores in temporary directories,
frames passed in memory until both sides are done, and the typed failures."""

import os
from collections import deque

import pytest

import reconnect_ffi as rc

ZONE = "Europe/Berlin"
# Each device checks in on its own day, so both check-ins survive the merge as two days.
PHONE_NOW = "2026-11-28T19:00:00Z"
LAPTOP_NOW = "2026-11-29T19:00:00Z"


def open_store(data_dir, name, now):
    return open_store_with_key(data_dir, name, os.urandom(32), now)


def open_store_with_key(data_dir, name, key, now):
    """Opens (or reopens, with the same key) a store whose clock stands still at `now`."""
    return rc.ReconnectStore.open(
        rc.OpenOptions(
            data_dir=str(data_dir),
            key=key,
            device_name=name,
            time_zone=ZONE,
            fixed_now=now,
        )
    )


@pytest.fixture
def phone(tmp_path):
    store = open_store(tmp_path / "phone", "Sam's phone", PHONE_NOW)
    yield store
    store.close()


@pytest.fixture
def laptop(tmp_path):
    store = open_store(tmp_path / "laptop", "Sam's laptop", LAPTOP_NOW)
    yield store
    store.close()


def run(initiator, responder, tamper=None):
    """Passes frames between two sessions, in order, until both are done or one fails.

    A failing side's closing frame is delivered to the other side. `tamper(frame)` may
    replace any frame on its way. Returns (initiator's error, responder's error, frames).
    """
    queue = deque(("to_responder", f) for f in initiator.start())
    assert responder.start() == []
    delivered = []
    while queue:
        direction, frame = queue.popleft()
        if tamper is not None:
            frame = tamper(direction, frame)
        delivered.append((direction, frame))
        to, other = (responder, initiator) if direction == "to_responder" else (initiator, responder)
        back = "to_initiator" if direction == "to_responder" else "to_responder"
        try:
            step = to.receive(frame)
        except rc.ReconnectError.Sync as err:
            closing = to.closing_frame()
            other_err = None
            if closing is not None:
                try:
                    other.receive(closing)
                except rc.ReconnectError.Sync as theirs:
                    other_err = theirs
            if direction == "to_responder":
                return other_err, err, delivered
            return err, other_err, delivered
        assert len(delivered) < 10_000, "the sessions never settled"
        queue.extend((back, f) for f in step.outgoing)
    assert initiator.is_done() and responder.is_done()
    return None, None, delivered


def pair(offering, joining):
    offer = offering.pairing_offer(None)
    offerer = offering.pair_as_offerer(offer.code)
    joiner = joining.pair_as_joiner(offer.qr)
    i_err, r_err, _ = run(joiner, offerer)
    assert i_err is None and r_err is None
    return offerer, joiner


def sync(initiator_store, responder_store, tamper=None):
    initiator = initiator_store.sync_session(rc.SyncRole.INITIATOR)
    responder = responder_store.sync_session(rc.SyncRole.RESPONDER)
    return initiator, responder, run(initiator, responder, tamper)


def check_in(store, note):
    store.check_in(rc.CheckInInput(mood=4, urge=2, contact=None, note=note))


def wrong_code_for(code):
    return "BBBBB-BBBBB" if code.startswith("A") else "AAAAA-AAAAA"


def test_an_offer_has_a_code_and_a_qr_string_naming_this_device(phone):
    offer = phone.pairing_offer(120)
    assert len(offer.code) == 11 and offer.code[5] == "-"
    assert offer.device_id == phone.device_id()
    assert offer.qr == f"reconnect-pair:1:{offer.device_id}:{offer.code.replace('-', '')}"
    assert len(phone.device_public_key()) == 32
    with pytest.raises(rc.ReconnectError.InvalidInput):
        phone.pairing_offer(0)
    with pytest.raises(rc.ReconnectError.InvalidInput):
        phone.pair_as_joiner("not a code")


def test_the_rendezvous_name_is_found_from_the_code_or_the_qr(phone):
    offer = phone.pairing_offer(None)
    name = rc.pairing_rendezvous(offer.code)
    assert len(name) == 16 and all(c in "0123456789abcdef" for c in name)
    assert rc.pairing_rendezvous(offer.qr) == name
    assert rc.pairing_rendezvous(offer.code.lower().replace("-", " ")) == name
    assert rc.pairing_rendezvous(wrong_code_for(offer.code)) != name
    with pytest.raises(rc.ReconnectError.InvalidInput):
        rc.pairing_rendezvous("not a code")


def test_the_offer_qr_string_becomes_a_square_qr_code(phone):
    offer = phone.pairing_offer(None)
    qr = rc.pairing_qr_matrix(offer.qr)
    assert qr.size >= 21 and (qr.size - 17) % 4 == 0
    assert len(qr.dark) == qr.size * qr.size
    assert qr.dark[0] and not qr.dark[qr.size + 1]  # a finder pattern's ring and inside
    with pytest.raises(rc.ReconnectError.InvalidInput):
        rc.pairing_qr_matrix("")


def test_pairing_in_memory_pins_both_devices_with_their_names(phone, laptop):
    offer = phone.pairing_offer(None)
    offerer = phone.pair_as_offerer(offer.code)
    # A code typed by hand: case, spaces and dashes do not matter.
    joiner = laptop.pair_as_joiner(offer.code.lower().replace("-", " "))
    assert offerer.role() == rc.SyncRole.RESPONDER
    assert joiner.role() == rc.SyncRole.INITIATOR
    assert offerer.peer() is None and not offerer.is_done()

    i_err, r_err, frames = run(joiner, offerer)
    assert (i_err, r_err) == (None, None)
    # Every frame carries its 4-byte big-endian length header.
    for _, frame in frames:
        assert int.from_bytes(frame[:4], "big") == len(frame) - 4

    on_phone, on_laptop = phone.peers(), laptop.peers()
    assert [(p.device_id, p.name) for p in on_phone] == [(laptop.device_id(), "Sam's laptop")]
    assert [(p.device_id, p.name) for p in on_laptop] == [(phone.device_id(), "Sam's phone")]
    assert on_phone[0].public_key == laptop.device_public_key()
    assert on_laptop[0].public_key == phone.device_public_key()
    assert on_phone[0].revoked_at is None
    assert offerer.peer() == on_phone[0]
    assert joiner.peer() == on_laptop[0]


def test_check_ins_on_each_device_reach_both_after_a_sync(phone, laptop):
    pair(phone, laptop)
    check_in(phone, "written on the phone")
    check_in(laptop, "written on the laptop")

    initiator, responder, (i_err, r_err, _) = sync(laptop, phone)
    assert (i_err, r_err) == (None, None)
    assert initiator.peer().name == "Sam's phone"
    assert responder.peer().name == "Sam's laptop"
    stats = initiator.stats()
    assert stats.frames_sent > 0 and stats.frames_received > 0 and stats.rounds > 0

    expected = [("2026-11-29", "written on the laptop"), ("2026-11-28", "written on the phone")]
    assert [(c.date, c.note) for c in phone.history(None)] == expected
    assert [(c.date, c.note) for c in laptop.history(None)] == expected

    # A second sync has nothing to move, and a finished session takes nothing more.
    _, _, (i_err, r_err, _) = sync(phone, laptop)
    assert (i_err, r_err) == (None, None)
    with pytest.raises(rc.ReconnectError.Sync) as raised:
        initiator.receive(b"\x00\x00\x00\x02\x03\x00")
    assert raised.value.reason == rc.SyncFailure.SESSION_ENDED()


def flights(frames):
    """One-way flights: runs of frames going the same way, each a trip across the link."""
    directions = [direction for direction, _ in frames]
    return sum(1 for i, d in enumerate(directions) if i == 0 or d != directions[i - 1])


def test_a_session_to_a_known_device_settles_in_three_flights(tmp_path):
    keys = {"phone": os.urandom(32), "laptop": os.urandom(32)}

    def on_day(name, day):
        # The clock stands still, so a new day means reopening the store.
        return open_store_with_key(tmp_path / name, name, keys[name], f"2026-11-{day:02d}T19:00:00Z")

    # Each check-in on its own day, so every one survives the merges.
    phone, laptop = on_day("phone", 1), on_day("laptop", 2)
    pair(phone, laptop)
    written = ["phone, day 1", "laptop, day 2"]
    check_in(phone, written[0])
    check_in(laptop, written[1])
    _, _, (i_err, r_err, _) = sync(laptop, phone)
    assert (i_err, r_err) == (None, None)

    # Later, with the first sync's state saved, each device checks in once more and the
    # laptop syncs to the phone by its id: its news in the first flight, the phone's in
    # the answer, the laptop's final word.
    phone.close()
    laptop.close()
    phone, laptop = on_day("phone", 3), on_day("laptop", 4)
    try:
        written += ["phone, day 3", "laptop, day 4"]
        check_in(phone, written[-2])
        check_in(laptop, written[-1])

        initiator = laptop.sync_session_to(phone.device_id())
        responder = phone.sync_session(rc.SyncRole.RESPONDER)
        assert initiator.role() == rc.SyncRole.INITIATOR
        i_err, r_err, frames = run(initiator, responder)
        assert (i_err, r_err) == (None, None)
        assert initiator.peer().name == "phone"
        assert responder.peer().name == "laptop"
        newest_first = written[::-1]
        assert [c.note for c in phone.history(None)] == newest_first
        assert [c.note for c in laptop.history(None)] == newest_first
        assert flights(frames) == 3
    finally:
        phone.close()
        laptop.close()


def test_a_session_to_an_unknown_or_revoked_device_is_refused(phone, laptop):
    with pytest.raises(rc.ReconnectError.Sync) as raised:
        laptop.sync_session_to("no-such-device")
    assert raised.value.reason == rc.SyncFailure.UNKNOWN_PEER()

    pair(phone, laptop)
    laptop.revoke_peer(phone.device_id())
    with pytest.raises(rc.ReconnectError.Sync) as raised:
        laptop.sync_session_to(phone.device_id())
    assert raised.value.reason == rc.SyncFailure.REVOKED_PEER()


def test_a_wrong_code_fails_on_both_sides_and_burns_the_offer(phone, laptop):
    offer = phone.pairing_offer(None)
    offerer = phone.pair_as_offerer(offer.code)
    joiner = laptop.pair_as_joiner(wrong_code_for(offer.code))
    i_err, r_err, _ = run(joiner, offerer)
    assert r_err.reason == rc.SyncFailure.WRONG_CODE()
    assert i_err.reason == rc.SyncFailure.WRONG_CODE()
    assert r_err.reason.is_WRONG_CODE()
    assert "code" in str(r_err)
    assert phone.peers() == [] and laptop.peers() == []

    # The offer is spent: the right code no longer works.
    with pytest.raises(rc.ReconnectError.Sync) as raised:
        phone.pair_as_offerer(offer.code)
    assert raised.value.reason == rc.SyncFailure.OFFER_USED()


def test_a_revoked_peer_is_refused(phone, laptop):
    pair(phone, laptop)
    phone.revoke_peer(laptop.device_id())
    [revoked] = phone.peers()
    assert revoked.revoked_at is not None

    check_in(laptop, "should not arrive")
    _, _, (i_err, r_err, _) = sync(laptop, phone)
    assert r_err.reason == rc.SyncFailure.REVOKED_PEER()
    assert i_err.reason == rc.SyncFailure.REFUSED_BY_PEER()
    assert phone.history(None) == []

    with pytest.raises(rc.ReconnectError.Sync) as raised:
        phone.revoke_peer("no-such-device")
    assert raised.value.reason == rc.SyncFailure.UNKNOWN_PEER()


def test_unpaired_devices_cannot_sync(phone, laptop):
    _, _, (i_err, r_err, _) = sync(laptop, phone)
    assert i_err.reason == rc.SyncFailure.UNKNOWN_PEER()
    assert r_err.reason == rc.SyncFailure.REFUSED_BY_PEER()


def test_a_tampered_frame_is_a_typed_error_and_changes_nothing(phone, laptop):
    pair(phone, laptop)
    check_in(laptop, "kept safe")
    tampered = []

    def flip_a_bit_in_the_first_transport_frame(direction, frame):
        # Kind 2 (after the 4-byte length) is an encrypted transport frame.
        if direction == "to_responder" and frame[4] == 2 and not tampered:
            tampered.append(frame)
            return frame[:-1] + bytes([frame[-1] ^ 0x01])
        return frame

    _, _, (i_err, r_err, _) = sync(laptop, phone, flip_a_bit_in_the_first_transport_frame)
    assert len(tampered) == 1
    assert r_err.reason == rc.SyncFailure.DECRYPT()
    assert "authenticated" in r_err.detail
    # The phone told the laptop why: a failure on its side ends the laptop's session too.
    assert i_err.reason == rc.SyncFailure.PEER_ABORTED()
    assert phone.history(None) == []

    # Nothing is broken: an honest session afterwards syncs.
    _, _, (i_err, r_err, _) = sync(laptop, phone)
    assert (i_err, r_err) == (None, None)
    assert [c.note for c in phone.history(None)] == ["kept safe"]


def test_a_closed_store_ends_its_session_with_closed(phone, laptop):
    pair(phone, laptop)
    initiator = laptop.sync_session(rc.SyncRole.INITIATOR)
    responder = phone.sync_session(rc.SyncRole.RESPONDER)
    [first] = initiator.start()
    [second] = responder.receive(first).outgoing
    laptop.close()
    with pytest.raises(rc.ReconnectError.Closed):
        initiator.receive(second)
    with pytest.raises(rc.ReconnectError.Closed):
        laptop.peers()


def test_the_frame_decoder_cuts_a_byte_stream_into_frames(phone, laptop):
    offer = phone.pairing_offer(None)
    offerer = phone.pair_as_offerer(offer.code)
    joiner = laptop.pair_as_joiner(offer.qr)
    decoder = rc.FrameDecoder()
    [first] = joiner.start()
    stream = first * 2
    got = []
    for i in range(0, len(stream), 7):
        got.extend(decoder.push(stream[i : i + 7]))
    assert got == [first, first]
    assert decoder.buffered() == 0
    assert offerer.receive(got[0]).outgoing

    with pytest.raises(rc.ReconnectError.Sync) as raised:
        rc.FrameDecoder().push(b"\xff\xff\xff\xff\x02")
    reason = raised.value.reason
    assert reason.is_FRAME_TOO_LARGE()
    assert reason.announced == 0xFFFFFFFF and reason.max < reason.announced
