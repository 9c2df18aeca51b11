//! Exists because the phone and tablet apps only render what `Reconnect::screen` decides:
//! these tests walk the screens as a person would, through `perform`, and check that each
//! shows what the product promises (support first, lock reasons, let go one tap away,
//! both versions of a conflict) and that every action it offers is one the core runs.

use std::collections::BTreeMap;

use reconnect_core::Error;
use reconnect_core::journal::{EntryEdit, EntryInput, EntryKind};
use reconnect_core::screens::{
    Action, ActionKind, Block, FieldKind, Route, Screen, ShellState, ShellTask, Tone,
};
use reconnect_tests::fleet::{TestDevice, sync};

fn screen(device: &TestDevice, route: Route) -> Screen {
    device.app.screen(&route, &ShellState::default()).unwrap()
}

/// Every action on a screen, wherever it sits.
fn actions(screen: &Screen) -> Vec<&Action> {
    screen
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Actions { actions }
            | Block::Card { actions, .. }
            | Block::Row { actions, .. } => actions.iter().collect::<Vec<_>>(),
            _ => Vec::new(),
        })
        .collect()
}

fn action<'a>(screen: &'a Screen, id: &str) -> &'a Action {
    actions(screen)
        .into_iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("{:?} offers no action {id}", screen.route))
}

fn command(action: &Action) -> &str {
    match &action.kind {
        ActionKind::Command { command } => command,
        other => panic!("{} is not a command: {other:?}", action.id),
    }
}

/// The action's own field values (fixed ones included), with `extra` on top.
fn values(action: &Action, extra: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = action
        .fields
        .iter()
        .filter_map(|f| f.value.clone().map(|v| (f.key.clone(), v)))
        .collect();
    out.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    out
}

fn texts(screen: &Screen) -> String {
    let mut out = Vec::new();
    for b in &screen.blocks {
        match b {
            Block::Heading { text } | Block::Text { text, .. } => out.push(text.clone()),
            Block::Card { title, text, .. } => out.push(format!("{title}: {text}")),
            Block::Fact { label, value } => out.push(format!("{label}: {value}")),
            Block::Row {
                title,
                detail,
                badge,
                ..
            } => out.push(format!(
                "{title} [{}] {detail}",
                badge.clone().unwrap_or_default()
            )),
            Block::Chart { title, summary, .. } => out.push(format!("{title}: {summary}")),
            Block::Actions { .. } => {}
        }
    }
    out.join("\n")
}

const ALL_ROUTES: [Route; 13] = [
    Route::FirstRun,
    Route::Today,
    Route::CheckIn,
    Route::Program,
    Route::Safety,
    Route::LetGo,
    Route::Journal {
        tag: None,
        query: None,
    },
    Route::Letters,
    Route::Progress,
    Route::Reminders,
    Route::Devices,
    Route::Data,
    Route::Settings,
];

#[test]
fn the_check_in_flow_goes_from_today_to_the_form_and_back() {
    let phone = TestDevice::new("phone");
    let today = screen(&phone, Route::Today);
    let open = action(&today, "open.checkin");
    assert_eq!(
        open.kind,
        ActionKind::Open {
            route: Route::CheckIn
        }
    );
    assert!(texts(&today).contains("Your first check-in"));

    let form = screen(&phone, Route::CheckIn);
    let save = action(&form, "checkin.save");
    let kinds: Vec<(&str, &FieldKind)> = save
        .fields
        .iter()
        .map(|f| (f.key.as_str(), &f.kind))
        .collect();
    assert!(matches!(
        kinds[0],
        ("mood", FieldKind::Number { min: 1, max: 5, .. })
    ));
    assert!(matches!(
        kinds[1],
        (
            "urge",
            FieldKind::Number {
                min: 0,
                max: 10,
                ..
            }
        )
    ));

    let done = phone
        .on(1)
        .perform(
            command(save),
            &values(
                save,
                &[("mood", "4"), ("urge", "2"), ("note", "A long walk")],
            ),
        )
        .unwrap();
    assert_eq!(done.open, Some(Route::Today));
    let today = screen(&phone, Route::Today);
    let shown = texts(&today);
    assert!(shown.contains("You checked in today"), "{shown}");
    assert!(
        shown.contains("Mood: 4 of 5") && shown.contains("A long walk"),
        "{shown}"
    );

    // Changing it starts from what was saved.
    let form = screen(&phone, Route::CheckIn);
    let mood = &action(&form, "checkin.save").fields[0];
    assert_eq!(mood.value.as_deref(), Some("4"));
}

#[test]
fn a_bad_value_is_refused_naming_its_field() {
    let phone = TestDevice::new("phone");
    let form = screen(&phone, Route::CheckIn);
    let save = action(&form, "checkin.save");
    let err = phone
        .app
        .perform(
            command(save),
            &values(save, &[("mood", "lots"), ("urge", "2")]),
        )
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput(m) if m.contains("\"Mood\"")),
        "{err}"
    );
    let err = phone
        .app
        .perform("no.such.command", &BTreeMap::new())
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)));
    assert_eq!(phone.app.today().unwrap().check_in, None);
}

#[test]
fn a_locked_step_says_why_and_its_actions_carry_the_reason() {
    let phone = TestDevice::new("phone");
    let step = screen(&phone, Route::Step { number: 4 });
    let shown = texts(&step);
    assert!(shown.contains("State: Locked"), "{shown}");
    let log = action(&step, "log_attempt");
    let why = log
        .unavailable
        .as_deref()
        .expect("a locked step's actions are unavailable");
    assert!(why.contains("pre-check"), "{why}");
    // Sending it anyway is refused by the engine, in its own words.
    let err = phone
        .app
        .perform(
            command(log),
            &values(log, &[("medium", "social_media"), ("reply", "warm")]),
        )
        .unwrap_err();
    match err {
        Error::Refused(refusal) => {
            assert!(refusal.to_string().starts_with("step 4 is not open yet"))
        }
        other => panic!("expected a refusal, got {other}"),
    }
}

#[test]
fn the_self_check_is_a_form_and_opens_step_one() {
    let phone = TestDevice::new("phone");
    let program = screen(&phone, Route::Program);
    assert_eq!(
        action(&program, "open.step.0").kind,
        ActionKind::Open {
            route: Route::Step { number: 0 }
        }
    );
    let step0 = screen(&phone, Route::Step { number: 0 });
    let answer = action(&step0, "answer_pre_check");
    assert!(answer.unavailable.is_none());
    // Answer every question the way that speaks for going on.
    let favourable: Vec<(String, String)> = reconnect_core::program::content::pre_check()
        .questions
        .iter()
        .map(|q| {
            (
                format!("q.{}", q.code),
                if q.favourable_answer { "yes" } else { "no" }.to_string(),
            )
        })
        .collect();
    // And the safety questions: none of it happened.
    let favourable: Vec<(String, String)> = favourable
        .into_iter()
        .chain(
            reconnect_core::program::content::pre_check()
                .screening
                .iter()
                .map(|q| (format!("safety.{}", q.code), "no".to_string())),
        )
        .collect();
    let extra: Vec<(&str, &str)> = favourable
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    phone
        .on(1)
        .perform(command(answer), &values(answer, &extra))
        .unwrap();
    assert!(phone.app.program().unwrap().safety.is_none());
    let step1 = screen(&phone, Route::Step { number: 1 });
    assert!(
        action(&step1, "add_reason").unavailable.is_none(),
        "{}",
        texts(&step1)
    );
    let program = screen(&phone, Route::Program);
    assert!(texts(&program).contains("1. "), "{}", texts(&program));
}

#[test]
fn let_go_is_one_tap_from_the_program_and_ends_it_kindly() {
    let phone = TestDevice::new("phone");
    let program = screen(&phone, Route::Program);
    let let_go = action(&program, "open.let_go");
    assert_eq!(
        let_go.kind,
        ActionKind::Open {
            route: Route::LetGo
        }
    );
    let page = screen(&phone, Route::LetGo);
    let go = action(&page, "let_go");
    assert!(go.confirm.is_some());
    assert!(
        action(&page, "write_let_go_exercise.1")
            .unavailable
            .is_some()
    );
    phone
        .on(3)
        .perform(command(go), &values(go, &[("note", "Time to rest")]))
        .unwrap();
    let program = screen(&phone, Route::Program);
    assert!(
        texts(&program).contains("You chose to let go"),
        "{}",
        texts(&program)
    );
    let page = screen(&phone, Route::LetGo);
    let write = action(&page, "write_let_go_exercise.1");
    assert!(write.unavailable.is_none());
    phone
        .on(3)
        .perform(
            command(write),
            &values(write, &[("text", "Thank you for the good years")]),
        )
        .unwrap();
    assert!(texts(&screen(&phone, Route::LetGo)).contains("Thank you for the good years"));
}

#[test]
fn a_safety_sign_puts_support_first_on_today_and_locks_contact() {
    let phone = TestDevice::new("phone");
    let safety = screen(&phone, Route::Safety);
    let flag = action(&safety, "flag_safety");
    let first_sign = flag.fields[0].key.clone();
    phone
        .on(1)
        .perform(
            command(flag),
            &values(flag, &[(first_sign.as_str(), "yes")]),
        )
        .unwrap();
    let today = screen(&phone, Route::Today);
    match &today.blocks[0] {
        Block::Card { tone, actions, .. } => {
            assert_eq!(*tone, Tone::Safety);
            assert_eq!(
                actions[0].kind,
                ActionKind::Open {
                    route: Route::Safety
                }
            );
        }
        other => panic!("Today does not start with support: {other:?}"),
    }
    for n in 4..=11 {
        let step = screen(&phone, Route::Step { number: n });
        for a in actions(&step)
            .into_iter()
            .filter(|a| a.id != "open.let_go" && !a.id.starts_with("open."))
        {
            assert!(
                a.unavailable.is_some(),
                "step {n}: {} is offered despite the safety lock",
                a.id
            );
        }
    }
}

#[test]
fn a_conflict_shows_both_versions_and_keeping_one_resolves_it() {
    let phone = TestDevice::new("phone");
    let tablet = TestDevice::new("tablet");
    let entry = phone
        .on(1)
        .journal_add(EntryInput {
            kind: EntryKind::Entry,
            title: "Lake".into(),
            body: "First".into(),
            tags: vec!["calm".into()],
            link: None,
            cool_off_hours: None,
        })
        .unwrap();
    sync(&phone.app, &tablet.app);
    for (device, body) in [(&phone, "From the phone"), (&tablet, "From the tablet")] {
        device
            .on(2)
            .journal_edit(
                &entry.id,
                EntryEdit {
                    body: Some(body.into()),
                    ..EntryEdit::default()
                },
            )
            .unwrap();
    }
    sync(&phone.app, &tablet.app);
    let page = screen(
        &phone,
        Route::Entry {
            id: entry.id.clone(),
        },
    );
    let shown = texts(&page);
    assert!(
        shown.contains("From the phone") && shown.contains("From the tablet"),
        "{shown}"
    );
    assert!(action(&page, "journal.edit").unavailable.is_some());
    let keep = action(&page, "resolve.2");
    let kept_text = keep
        .fields
        .iter()
        .find(|f| f.key == "body")
        .unwrap()
        .value
        .clone()
        .unwrap();
    phone
        .on(3)
        .perform(command(keep), &values(keep, &[]))
        .unwrap();
    let page = screen(
        &phone,
        Route::Entry {
            id: entry.id.clone(),
        },
    );
    assert!(actions(&page).iter().all(|a| !a.id.starts_with("resolve.")));
    assert_eq!(
        phone.app.journal_get(&entry.id).unwrap().unwrap().body,
        kept_text
    );
    let list = screen(
        &phone,
        Route::Journal {
            tag: None,
            query: None,
        },
    );
    assert!(texts(&list).contains("Lake"));
}

#[test]
fn journal_search_and_tags_lead_to_filtered_lists() {
    let phone = TestDevice::new("phone");
    let list = screen(
        &phone,
        Route::Journal {
            tag: None,
            query: None,
        },
    );
    let add = action(&list, "journal.add");
    phone
        .on(1)
        .perform(
            command(add),
            &values(
                add,
                &[
                    ("title", "Walk"),
                    ("body", "By the lake"),
                    ("tags", "calm, walks"),
                ],
            ),
        )
        .unwrap();
    phone
        .on(1)
        .perform(
            command(add),
            &values(add, &[("title", "Rain"), ("body", "Stayed in")]),
        )
        .unwrap();
    let list = screen(
        &phone,
        Route::Journal {
            tag: None,
            query: None,
        },
    );
    let search = action(&list, "journal.search");
    let found = phone
        .app
        .perform(command(search), &values(search, &[("query", "lake")]))
        .unwrap();
    let route = found.open.expect("a search opens its results");
    assert_eq!(
        route,
        Route::Journal {
            tag: None,
            query: Some("lake".into())
        }
    );
    let results = texts(&screen(&phone, route));
    assert!(
        results.contains("Walk") && !results.contains("Rain"),
        "{results}"
    );
    let by_tag = action(&list, "tag.walks");
    let ActionKind::Open { route } = &by_tag.kind else {
        panic!("a tag opens a list")
    };
    let tagged = texts(&screen(&phone, route.clone()));
    assert!(
        tagged.contains("Walk") && !tagged.contains("Rain"),
        "{tagged}"
    );
}

#[test]
fn reminders_settings_and_data_screens_do_what_they_offer() {
    let phone = TestDevice::new("phone");
    let page = screen(&phone, Route::Reminders);
    let set = action(&page, "reminders.set");
    phone
        .on(1)
        .perform(
            command(set),
            &values(set, &[("daily", "20:30"), ("detail", "detailed")]),
        )
        .unwrap();
    let settings = phone.app.reminder_settings().unwrap();
    assert_eq!(
        settings.daily_check_in.map(|t| t.to_string()),
        Some("20:30:00".into())
    );
    assert!(texts(&screen(&phone, Route::Reminders)).contains("Daily check-in: 20:30"));

    let data = screen(&phone, Route::Data);
    assert!(
        action(&data, "import").unavailable.is_none(),
        "an empty store can import"
    );
    let delete = action(&data, "delete.all");
    assert_eq!(
        delete.kind,
        ActionKind::Shell {
            task: ShellTask::DeleteEverything
        }
    );
    assert_eq!(
        delete.confirm.as_ref().and_then(|c| c.typed.as_deref()),
        Some("delete")
    );
    let form = screen(&phone, Route::CheckIn);
    let save = action(&form, "checkin.save");
    phone
        .on(1)
        .perform(
            command(save),
            &values(save, &[("mood", "3"), ("urge", "1")]),
        )
        .unwrap();
    assert!(
        action(&screen(&phone, Route::Data), "import")
            .unavailable
            .is_some()
    );

    let settings = screen(&phone, Route::Settings);
    let hour = action(&settings, "settings.day_start");
    phone
        .app
        .perform(command(hour), &values(hour, &[("hour", "4")]))
        .unwrap();
    assert_eq!(phone.app.day_start_hour().unwrap(), 4);
    let locked = phone
        .app
        .screen(
            &Route::Settings,
            &ShellState {
                app_lock: Some("5".into()),
            },
        )
        .unwrap();
    assert!(texts(&locked).contains("App lock: After 5 minutes"));
}

#[test]
fn every_screen_renders_and_every_command_it_offers_is_known() {
    let phone = TestDevice::new("phone");
    let tablet = TestDevice::new("tablet");
    let offer = tablet.app.pairing_offer(None).unwrap();
    let _ = offer; // an open offer must not disturb the devices screen
    let form = screen(&phone, Route::CheckIn);
    let save = action(&form, "checkin.save");
    phone
        .on(1)
        .perform(
            command(save),
            &values(save, &[("mood", "3"), ("urge", "5")]),
        )
        .unwrap();
    let mut routes: Vec<Route> = ALL_ROUTES.to_vec();
    routes.extend((0..=11).map(|number| Route::Step { number }));
    for route in routes {
        let page = screen(&phone, route.clone());
        assert_eq!(page.route, route);
        let mut ids: Vec<&str> = actions(&page).iter().map(|a| a.id.as_str()).collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(count, ids.len(), "{route:?} repeats an action id");
        for a in actions(&page) {
            if let ActionKind::Command { command } = &a.kind {
                // An empty submission is refused for its values, never as an unknown command.
                if let Err(Error::InvalidInput(m)) = phone.app.perform(command, &BTreeMap::new()) {
                    assert!(
                        !m.contains("there is no command")
                            && !m.contains("there is no program command"),
                        "{route:?}: {m}"
                    );
                }
            }
        }
    }
    assert!(
        phone
            .app
            .screen(&Route::Step { number: 12 }, &ShellState::default())
            .is_err()
    );
    assert!(
        phone
            .app
            .screen(&Route::Entry { id: "gone".into() }, &ShellState::default())
            .is_err()
    );
}

#[test]
fn a_flag_recorded_by_mistake_can_be_undone_from_the_safety_screen_only_briefly() {
    let phone = TestDevice::new("phone");
    let safety = screen(&phone, Route::Safety);
    let flag = action(&safety, "flag_safety");
    let sign = flag.fields[0].key.clone();
    phone
        .on(1)
        .perform(command(flag), &values(flag, &[(sign.as_str(), "yes")]))
        .unwrap();
    let code = sign.trim_start_matches("sign.");
    let safety = screen(&phone, Route::Safety);
    let undo = action(&safety, &format!("withdraw_safety_flag.{code}"));
    assert!(undo.confirm.is_some());
    phone
        .on(1)
        .perform(command(undo), &values(undo, &[("confirmed", "yes")]))
        .unwrap();
    assert!(phone.app.program().unwrap().safety.is_none());

    // Recorded again, and a day later the undo is no longer offered.
    let flag = action(&screen(&phone, Route::Safety), "flag_safety").clone();
    phone
        .on(1)
        .perform(command(&flag), &values(&flag, &[(sign.as_str(), "yes")]))
        .unwrap();
    phone.on(2);
    let later = screen(&phone, Route::Safety);
    assert!(
        actions(&later)
            .iter()
            .all(|a| !a.id.starts_with("withdraw_safety_flag."))
    );
}

#[test]
fn after_letting_go_the_program_offers_to_start_again() {
    let phone = TestDevice::new("phone");
    assert!(
        actions(&screen(&phone, Route::Program))
            .iter()
            .all(|a| a.id != "restart")
    );
    let page = screen(&phone, Route::LetGo);
    let go = action(&page, "let_go");
    phone.on(1).perform(command(go), &values(go, &[])).unwrap();
    let program = screen(&phone, Route::Program);
    let restart = action(&program, "restart");
    assert!(restart.confirm.is_some());
    phone
        .on(2)
        .perform(command(restart), &values(restart, &[("confirmed", "yes")]))
        .unwrap();
    assert!(phone.app.program().unwrap().outcome.is_none());
}

#[test]
fn the_devices_screen_says_when_each_device_last_synced() {
    use reconnect_tests::sync_harness::Sim;
    let mut sim = Sim::new(7, &["phone", "tablet"]);
    sim.pair_all();
    let devices = |sim: &Sim| {
        texts(
            &sim.app(0)
                .screen(&Route::Devices, &ShellState::default())
                .unwrap(),
        )
    };
    let before = devices(&sim);
    assert!(
        before.contains("tablet") && before.contains("not synced yet"),
        "{before}"
    );
    sim.connect(0, 1).expect("the two devices connect");
    sim.run_until_quiescent(10_000).unwrap();
    let after = devices(&sim);
    assert!(
        after.contains("last synced ") && !after.contains("not synced yet"),
        "{after}"
    );
}
