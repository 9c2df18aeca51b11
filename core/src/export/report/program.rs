//! The program section: what was recorded at each step, in the program's own words
//! (content labels), the decision and outcome, and, stated plainly and kindly, safety
//! flags (with the support resources) and "they said no".

use chrono::Days;

use super::model::{Block, Line, emph, fact, line, para, strong, text};
use super::sections::{Ctx, contact_label, day, plural};
use crate::program::content::{self, Choosable};
use crate::program::records::{DecisionAnswer, ProgramRecords, TrialOutcome};

/// What one step contributes to the report (nothing when nothing was recorded).
type StepBlocks = fn(&Ctx) -> Vec<Block>;

/// The label of a coded value, or its code if the content has none.
fn label<T: Choosable>(value: T) -> &'static str {
    content::choice(value).map_or(value.choice_code(), |c| c.label)
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

fn step_title(number: u8) -> String {
    match content::step(number) {
        Some(step) => format!("Step {number}: {}", step.title),
        None => format!("Step {number}"),
    }
}

fn sign_text(code: &str) -> String {
    content::safety_signs()
        .iter()
        .find(|s| s.code == code)
        .map_or_else(|| code.to_string(), |s| s.text.to_string())
}

/// The current decision: the one `current_decision` names, else the last one.
fn current_decision(p: &ProgramRecords) -> Option<&crate::program::records::Decision> {
    p.current_decision
        .as_deref()
        .and_then(|id| p.decisions.iter().find(|d| d.id == id))
        .or_else(|| p.decisions.last())
}

/// The trial's end outcome, from the last review that has one.
fn trial_outcome(p: &ProgramRecords) -> Option<TrialOutcome> {
    p.trial_reviews.iter().rev().find_map(|r| r.outcome)
}

/// The highest step with anything recorded (0 for none).
fn furthest_step(p: &ProgramRecords) -> u8 {
    let recorded = [
        (
            1,
            p.ended_by.is_some() || !p.reasons.is_empty() || !p.triggers.is_empty(),
        ),
        (2, !p.mistakes.is_empty()),
        (3, p.no_contact.is_some() || p.readiness.is_some()),
        (4, !p.observations.is_empty() || !p.attempts.is_empty()),
        (5, !p.ice_breakers.is_empty()),
        (6, !p.apologies.is_empty()),
        (7, !p.activities.is_empty()),
        (8, !p.their_side.is_empty()),
        (9, !p.decisions.is_empty()),
        (
            10,
            p.therapy.suggested.is_some()
                || p.therapy.accepted.is_some()
                || !p.therapy.sessions.is_empty(),
        ),
        (11, p.trial.is_some() || !p.trial_reviews.is_empty()),
    ];
    recorded
        .iter()
        .filter(|(_, any)| *any)
        .map(|(n, _)| *n)
        .max()
        .unwrap_or(0)
}

/// The few lines of the summary on where the program stands.
pub(crate) fn where_things_stand(cx: &Ctx) -> Vec<Line> {
    let p = &cx.export.program;
    let mut out = Vec::new();
    if !p.safety_flags.is_empty() {
        out.push(line(
            "You noted signs of abuse or control, so the steps about getting back in touch \
             are closed. Your safety comes first; support resources are listed under The \
             program below.",
        ));
    }
    if let Some(no) = &p.said_no {
        out.push(vec![
            strong(label(no.kind)),
            text(format!(
                " ({}). The contact steps are closed for good, out of respect for their answer.",
                day(no.on)
            )),
        ]);
    }
    if let Some(let_go) = &p.let_go {
        out.push(line(format!(
            "You chose to let go on {}. That is a real ending to this journey, and a good one.",
            day(let_go.on)
        )));
    }
    if let Some(outcome) = trial_outcome(p) {
        out.push(fact("End of the trial period", label(outcome)));
    } else if let Some(d) = current_decision(p) {
        let mut l = fact(
            "Your decision (step 9)",
            format!("{}, on {}", label(d.answer), day(d.on)),
        );
        if let (DecisionAnswer::NotYet, Some(revisit)) = (d.answer, d.revisit_on) {
            l.push(text(format!("; to look at again on {}", day(revisit))));
        }
        out.push(l);
    }
    let furthest = furthest_step(p);
    if furthest > 0 && p.let_go.is_none() && p.said_no.is_none() {
        out.push(fact(
            "Furthest step with something recorded",
            step_title(furthest),
        ));
    } else if furthest == 0 && p.pre_check.is_some() && out.is_empty() {
        out.push(line("You have done the self-check before step 1."));
    }
    out
}

pub(crate) fn section(cx: &Ctx, out: &mut Vec<Block>) {
    let p = &cx.export.program;
    out.push(Block::Heading(2, line("The program")));
    if *p == ProgramRecords::default() {
        out.push(para(
            "Nothing recorded in the program yet. That's fine: it is there if and when you want it.",
        ));
        return;
    }
    safety(cx, out);
    said_no(p, out);
    pre_check(cx, out);
    let steps: [(u8, StepBlocks); 11] = [
        (1, step1),
        (2, step2),
        (3, step3),
        (4, step4),
        (5, step5),
        (6, step6),
        (7, step7),
        (8, step8),
        (9, step9),
        (10, step10),
        (11, step11),
    ];
    for (number, build) in steps {
        let blocks = build(cx);
        if !blocks.is_empty() {
            out.push(Block::Heading(3, line(step_title(number))));
            out.extend(blocks);
        }
    }
    acknowledged(p, out);
    let_go(cx, out);
}

fn safety(cx: &Ctx, out: &mut Vec<Block>) {
    let flags = &cx.export.program.safety_flags;
    if flags.is_empty() {
        return;
    }
    let locked = &content::SAFETY_LOCKED;
    let resources = &content::SAFETY_RESOURCES;
    out.push(Block::Callout(vec![
        Block::Heading(3, line(locked.title)),
        para(locked.explanation),
        para("What you noted:"),
        Block::List(
            flags
                .iter()
                .map(|f| line(format!("{} (noted on {})", sign_text(&f.sign), day(f.on))))
                .collect(),
        ),
        Block::Heading(4, line(resources.title)),
        para(resources.explanation),
        Block::List(
            content::support_resources()
                .iter()
                .map(|r| line(r.text))
                .collect(),
        ),
    ]));
}

fn said_no(p: &ProgramRecords, out: &mut Vec<Block>) {
    let Some(no) = &p.said_no else { return };
    let notice = &content::THEY_SAID_NO;
    out.push(Block::Callout(vec![
        Block::Heading(3, line(notice.title)),
        Block::Paragraph(vec![
            strong(label(no.kind)),
            text(format!(", on {}.", day(no.on))),
        ]),
        para(notice.explanation),
    ]));
}

fn pre_check(cx: &Ctx, out: &mut Vec<Block>) {
    let Some(pre) = &cx.export.program.pre_check else {
        return;
    };
    let check = content::pre_check();
    out.push(Block::Heading(
        3,
        line(format!("Before step 1: {}", check.title)),
    ));
    out.push(para(format!("Answered on {}.", cx.date_of(pre.at))));
    let mut answers: Vec<Line> = Vec::new();
    for q in check.questions {
        if let Some(answer) = pre.answers.get(q.code) {
            answers.push(vec![text(q.text), text(" "), strong(yes_no(*answer))]);
        }
    }
    for (code, answer) in &pre.answers {
        if !check.questions.iter().any(|q| q.code == code) {
            answers.push(vec![text(code.clone()), text(" "), strong(yes_no(*answer))]);
        }
    }
    answers.push(fact(
        "Times you broke up and got back together before",
        pre.past_cycles.to_string(),
    ));
    out.push(Block::List(answers));
}

fn step1(cx: &Ctx) -> Vec<Block> {
    let p = &cx.export.program;
    let mut out = Vec::new();
    if let Some(ended_by) = p.ended_by {
        out.push(Block::Paragraph(fact("Who ended it", label(ended_by))));
    }
    if !p.reasons.is_empty() {
        out.push(para("The reasons it ended:"));
        out.push(Block::List(
            p.reasons
                .iter()
                .map(|r| {
                    let kind = content::reason_kind(&r.kind);
                    let mut l = vec![text(r.text.clone()), text(" — ")];
                    match kind {
                        Some(k) if k.fixable => {
                            l.push(emph(k.label));
                            l.push(text(" (something two people can work on)"));
                        }
                        Some(k) => {
                            l.push(emph(k.label));
                            l.push(text(" (not something you can fix on your own)"));
                        }
                        None => l.push(emph(r.kind.clone())),
                    }
                    l
                })
                .collect(),
        ));
        let not_fixable = p
            .reasons
            .iter()
            .any(|r| content::reason_kind(&r.kind).is_some_and(|k| !k.fixable));
        if not_fixable {
            let advice = &content::ADVICE_NOT_FIXABLE;
            out.push(Block::Callout(vec![
                Block::Paragraph(vec![strong(advice.title)]),
                para(advice.explanation),
            ]));
        }
    }
    if !p.triggers.is_empty() {
        out.push(para("What set things off for you:"));
        out.push(Block::List(
            p.triggers.iter().map(|t| line(t.text.clone())).collect(),
        ));
    }
    out
}

fn step2(cx: &Ctx) -> Vec<Block> {
    let p = &cx.export.program;
    if p.mistakes.is_empty() {
        return Vec::new();
    }
    vec![
        para("Your own part, and how you are working on it:"),
        Block::List(
            p.mistakes
                .iter()
                .map(|m| {
                    let mut l = vec![text(m.text.clone()), text("\n")];
                    match m.plan.as_deref().filter(|plan| !plan.trim().is_empty()) {
                        Some(plan) => l.extend(fact("Plan", plan)),
                        None => l.push(emph("No plan yet.")),
                    }
                    l
                })
                .collect(),
        ),
    ]
}

fn step3(cx: &Ctx) -> Vec<Block> {
    let p = &cx.export.program;
    let mut out = Vec::new();
    if let Some(nc) = &p.no_contact {
        let last = nc.end.checked_sub_days(Days::new(1)).unwrap_or(nc.end);
        let days = (nc.end - nc.start).num_days();
        let mut facts = vec![fact(
            "Time apart",
            format!("{} to {} ({} days)", day(nc.start), day(last), days),
        )];
        if let Some(early) = nc.ended_early_on {
            facts.push(fact(
                "Ended early, after a passed readiness check, on",
                day(early),
            ));
        }
        out.push(Block::List(facts));
    }
    if let Some(r) = &p.readiness {
        out.push(para(format!("Readiness check on {}:", day(r.on))));
        let items = content::readiness_items();
        let mut lines: Vec<Line> = items
            .iter()
            .filter_map(|item| {
                let answer = r.answers.get(item.code)?;
                Some(vec![
                    text(item.text),
                    text(" "),
                    strong(if *answer {
                        "true for me now"
                    } else {
                        "not yet"
                    }),
                ])
            })
            .collect();
        lines.extend(
            r.answers
                .iter()
                .filter(|(code, _)| !items.iter().any(|i| i.code == code.as_str()))
                .map(|(code, answer)| vec![text(code.clone()), text(" "), strong(yes_no(*answer))]),
        );
        out.push(Block::List(lines));
        let passed = items.iter().all(|i| r.answers.get(i.code) == Some(&true));
        out.push(para(if passed {
            "Everything felt true: the readiness check passed."
        } else {
            "Not everything felt true yet, and that's all right; it is worth waiting for."
        }));
    }
    out
}

fn step4(cx: &Ctx) -> Vec<Block> {
    let p = &cx.export.program;
    let mut out = Vec::new();
    if !p.observations.is_empty() {
        out.push(para("How they seem to be doing:"));
        out.push(Block::List(
            p.observations
                .iter()
                .map(|o| vec![strong(day(o.on)), text(format!(" {}", o.text))])
                .collect(),
        ));
    }
    if !p.attempts.is_empty() {
        out.push(para("Getting in touch, step by step on the ladder:"));
        out.push(Block::Table {
            head: vec!["Date", "How", "Their reply", "Note"],
            rows: p
                .attempts
                .iter()
                .map(|a| {
                    let mut note = line(a.note.clone().unwrap_or_default());
                    if a.skipped_ahead {
                        if a.note.is_some() {
                            note.push(text("\n"));
                        }
                        note.push(emph("Skipped a rung of the ladder."));
                    }
                    vec![
                        line(day(a.on)),
                        line(contact_label(a.medium)),
                        line(label(a.reply)),
                        note,
                    ]
                })
                .collect(),
        });
    }
    out
}

fn step5(cx: &Ctx) -> Vec<Block> {
    let p = &cx.export.program;
    if p.ice_breakers.is_empty() {
        return Vec::new();
    }
    vec![
        para("Your first messages:"),
        Block::List(
            p.ice_breakers
                .iter()
                .map(|i| {
                    let status = match i.marked_ready_at {
                        Some(at) => format!("Marked ready on {}.", cx.date_of(at)),
                        None => format!(
                            "A draft; it can be marked ready after {}.",
                            cx.time_of(i.ready_after)
                        ),
                    };
                    vec![text(i.text.clone()), text("\n"), emph(status)]
                })
                .collect(),
        ),
    ]
}

fn step6(cx: &Ctx) -> Vec<Block> {
    let p = &cx.export.program;
    let mut out = Vec::new();
    for a in &p.apologies {
        out.push(Block::Heading(
            4,
            line(format!("Apology, written {}", cx.date_of(a.at))),
        ));
        let parts = [&a.what_i_did, &a.responsibility, &a.what_changed, &a.repair];
        out.push(Block::List(
            content::apology_parts()
                .iter()
                .zip(parts)
                .map(|(part, value)| {
                    let mut l = vec![strong(format!("{}:", part.title)), text(" ")];
                    if value.trim().is_empty() {
                        l.push(emph("not written yet"));
                    } else {
                        l.push(text(value.clone()));
                    }
                    l
                })
                .collect(),
        ));
    }
    out
}

fn step7(cx: &Ctx) -> Vec<Block> {
    let p = &cx.export.program;
    if p.activities.is_empty() {
        return Vec::new();
    }
    vec![Block::Table {
        head: vec!["Date", "What", "How it went", "Note"],
        rows: p
            .activities
            .iter()
            .map(|a| {
                vec![
                    line(day(a.on)),
                    line(label(a.kind)),
                    line(label(a.result)),
                    line(a.note.clone().unwrap_or_default()),
                ]
            })
            .collect(),
    }]
}

fn step8(cx: &Ctx) -> Vec<Block> {
    let p = &cx.export.program;
    if p.their_side.is_empty() {
        return Vec::new();
    }
    vec![
        para("What they shared, and how you answered:"),
        Block::List(
            p.their_side
                .iter()
                .map(|t| {
                    let mut l = vec![
                        strong(format!("{}:", label(t.kind))),
                        text(format!(" {}", t.text)),
                    ];
                    if let Some(response) = t.response.as_deref().filter(|r| !r.trim().is_empty()) {
                        l.push(text("\n"));
                        l.extend(fact("Your response", response));
                    }
                    l
                })
                .collect(),
        ),
    ]
}

fn step9(cx: &Ctx) -> Vec<Block> {
    let p = &cx.export.program;
    if p.decisions.is_empty() {
        return Vec::new();
    }
    let current = current_decision(p).map(|d| d.id.as_str());
    let mut out = vec![Block::List(
        p.decisions
            .iter()
            .map(|d| {
                let mut l = vec![strong(day(d.on)), text(format!(" {}", label(d.answer)))];
                if let Some(revisit) = d.revisit_on {
                    l.push(text(format!(", to look at again on {}", day(revisit))));
                }
                if p.decisions.len() > 1 && Some(d.id.as_str()) == current {
                    l.push(text(" "));
                    l.push(emph("(the decision that stands)"));
                }
                l
            })
            .collect(),
    )];
    if let Some(choice) = current_decision(p).and_then(|d| content::choice(d.answer)) {
        out.push(para(choice.explanation));
    }
    out
}

fn step10(cx: &Ctx) -> Vec<Block> {
    let t = &cx.export.program.therapy;
    if t.suggested.is_none() && t.accepted.is_none() && t.sessions.is_empty() {
        return Vec::new();
    }
    let mut facts = Vec::new();
    if let Some(s) = t.suggested {
        facts.push(fact("Suggested", yes_no(s)));
    }
    if let Some(a) = t.accepted {
        facts.push(fact("Accepted", yes_no(a)));
    }
    if !t.sessions.is_empty() {
        let dates: Vec<String> = t.sessions.iter().map(|d| day(*d)).collect();
        facts.push(fact(
            &format!("{} held", plural(t.sessions.len(), "session", "sessions")),
            dates.join(", "),
        ));
    }
    vec![Block::List(facts)]
}

fn step11(cx: &Ctx) -> Vec<Block> {
    let p = &cx.export.program;
    let mut out = Vec::new();
    if let Some(trial) = &p.trial {
        let mut facts = vec![
            fact(
                "Trial period",
                format!("{} to {}", day(trial.start), day(trial.end)),
            ),
            fact(
                "Reviews",
                format!(
                    "every {}",
                    plural(trial.review_every_days as usize, "day", "days")
                ),
            ),
        ];
        if trial.extensions > 0 {
            facts.push(fact(
                "Extended",
                plural(trial.extensions as usize, "time", "times"),
            ));
        }
        out.push(Block::List(facts));
    }
    for review in &p.trial_reviews {
        out.push(Block::Heading(
            4,
            line(format!("Review on {}", day(review.on))),
        ));
        let signs = content::trial_signs();
        let mut lines: Vec<Line> = signs
            .iter()
            .filter_map(|s| {
                let held = review.signs.get(s.code)?;
                Some(vec![
                    text(s.text),
                    text(" "),
                    strong(if *held { "held" } else { "not yet" }),
                ])
            })
            .collect();
        lines.extend(
            review
                .signs
                .iter()
                .filter(|(code, _)| !signs.iter().any(|s| s.code == code.as_str()))
                .map(|(code, held)| vec![text(code.clone()), text(" "), strong(yes_no(*held))]),
        );
        if let Some(note) = review.note.as_deref().filter(|n| !n.trim().is_empty()) {
            lines.push(fact("Note", note));
        }
        if let Some(outcome) = review.outcome {
            let mut l = fact("Outcome", label(outcome));
            if let Some(choice) = content::choice(outcome) {
                l.push(text(format!(". {}", choice.explanation)));
            }
            lines.push(l);
        }
        out.push(Block::List(lines));
    }
    out
}

fn acknowledged(p: &ProgramRecords, out: &mut Vec<Block>) {
    if p.acknowledged.is_empty() {
        return;
    }
    out.push(Block::Heading(
        3,
        line("Advice you read and chose to continue past"),
    ));
    out.push(Block::List(
        p.acknowledged
            .iter()
            .map(|key| line(content::text(key).unwrap_or(key).to_string()))
            .collect(),
    ));
}

fn let_go(cx: &Ctx, out: &mut Vec<Block>) {
    let Some(lg) = &cx.export.program.let_go else {
        return;
    };
    let path = content::let_go();
    out.push(Block::Heading(3, line(path.title)));
    let from = if lg.from_step == 0 {
        "before step 1".to_string()
    } else {
        format!("at {}", step_title(lg.from_step))
    };
    out.push(Block::Paragraph(vec![
        strong(format!("You chose to let go on {}", day(lg.on))),
        text(format!(", {from}.")),
    ]));
    out.push(para(path.explanation));
    if let Some(note) = lg.note.as_deref().filter(|n| !n.trim().is_empty()) {
        out.push(Block::Paragraph(fact("Your note", note)));
    }
    for (number, written) in &lg.exercise {
        let title = path
            .exercise
            .iter()
            .find(|e| e.number == *number)
            .map_or_else(|| format!("Part {number}"), |e| e.title.to_string());
        out.push(Block::Heading(4, line(title)));
        if written.trim().is_empty() {
            out.push(Block::Paragraph(vec![emph("(nothing written)")]));
        } else {
            out.push(Block::Prose(written.clone()));
        }
    }
}
