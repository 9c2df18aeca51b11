use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

use super::chart::{MAX_POINTS, mood_chart_svg};
use super::{html, markdown};
use crate::checkin::{CheckIn, ContactMedium};
use crate::export::{Export, ExportSettings, FORMAT, VERSION};
use crate::journal::{EntryKind, EntryLink, JournalEntry};
use crate::program::content;
use crate::program::records::*;
use crate::reminders::{CustomReminder, NotificationDetail, ReminderSettings};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn check_in(d: NaiveDate, mood: u8, note: Option<&str>) -> CheckIn {
    CheckIn {
        date: d,
        mood,
        urge: 3,
        contact: ContactMedium::None,
        note: note.map(String::from),
        note_conflicts: vec![],
        updated_at: at("2026-05-01T20:00:00Z"),
        updated_by: "phone".into(),
    }
}

fn empty() -> Export {
    Export {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: at("2026-06-01T12:00:00Z"),
        time_zone: "Europe/Berlin".into(),
        settings: ExportSettings {
            day_start_hour: 4,
            reminders: ReminderSettings::default(),
        },
        check_ins: vec![],
        program: ProgramRecords::default(),
        journal: vec![],
        custom_reminders: vec![],
    }
}

/// Every field filled in, user text with markup in it, a conflicting note and entry, a
/// safety flag and a "no".
fn sample() -> Export {
    let mut e = empty();
    e.settings.reminders = ReminderSettings {
        daily_check_in: NaiveTime::from_hms_opt(20, 0, 0),
        key_dates_at: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        detail: NotificationDetail::Generic,
    };
    let start = date("2026-05-20");
    e.check_ins = (0..12u64)
        .filter(|d| *d != 5)
        .map(|d| check_in(start + Days::new(d), 1 + (d % 5) as u8, None))
        .collect();
    e.check_ins[0].note = Some("<b>& friends</b> | a pipe".into());
    e.check_ins[0].contact = ContactMedium::Text;
    e.check_ins[1].note = Some("walked by the lake".into());
    e.check_ins[1].note_conflicts = vec!["went to the `gym`".into()];
    let t = at("2026-03-01T10:00:00Z");
    e.program = ProgramRecords {
        pre_check: Some(PreCheckAnswers {
            answers: BTreeMap::from([("loneliness".into(), false), ("fixable".into(), true)]),
            past_cycles: 1,
            screening: BTreeMap::new(),
            at: t,
        }),
        ended_by: Some(EndedBy::Me),
        reasons: vec![
            Reason {
                id: "r1".into(),
                text: "We kept fighting about *nothing*".into(),
                kind: "silly_fights".into(),
                at: t,
            },
            Reason {
                id: "r2".into(),
                text: "1. They never cared".into(),
                kind: "no_empathy".into(),
                at: t,
            },
        ],
        acknowledged: vec!["advice.not_fixable".into()],
        triggers: vec![TextRecord {
            id: "t1".into(),
            text: "- feeling ignored".into(),
            at: t,
        }],
        mistakes: vec![Mistake {
            id: "m1".into(),
            text: "Arguing about politics".into(),
            plan: Some("Agree to disagree".into()),
            at: t,
        }],
        no_contact: Some(NoContact {
            start: date("2026-01-01"),
            end: date("2026-03-01"),
            ended_early_on: None,
        }),
        readiness: Some(Readiness {
            answers: BTreeMap::from([("secure".into(), true), ("not_needy".into(), false)]),
            on: date("2026-03-02"),
        }),
        observations: vec![Observation {
            id: "o1".into(),
            text: "Posted about a new job".into(),
            on: date("2026-03-03"),
            at: t,
        }],
        attempts: vec![Attempt {
            id: "a1".into(),
            medium: ContactMedium::SocialMedia,
            on: date("2026-03-04"),
            reply: Reply::Warm,
            skipped_ahead: true,
            note: Some("Liked a post | nothing more".into()),
            at: t,
        }],
        ice_breakers: vec![IceBreaker {
            id: "i1".into(),
            text: "Hi! Saw the band is touring.".into(),
            ready_after: at("2026-03-05T10:00:00Z"),
            marked_ready_at: Some(at("2026-03-06T10:00:00Z")),
            at: t,
        }],
        apologies: vec![Apology {
            id: "ap1".into(),
            what_i_did: "I brushed you off".into(),
            responsibility: "That was on me".into(),
            what_changed: String::new(),
            repair: String::new(),
            at: t,
        }],
        activities: vec![Activity {
            id: "ac1".into(),
            kind: ActivityKind::Scary,
            on: date("2026-03-10"),
            result: ActivityResult::Good,
            note: Some("Horror film".into()),
            at: t,
        }],
        their_side: vec![TheirSide {
            id: "ts1".into(),
            kind: TheirSideKind::Concern,
            text: "Empty promises".into(),
            response: Some("Asked for time to show it".into()),
            at: t,
        }],
        decisions: vec![Decision {
            id: "d1".into(),
            answer: DecisionAnswer::NotYet,
            on: date("2026-03-20"),
            revisit_on: Some(date("2026-04-20")),
            at: t,
        }],
        current_decision: Some("d1".into()),
        therapy: Therapy {
            suggested: Some(true),
            accepted: Some(false),
            sessions: vec![date("2026-04-01")],
        },
        trial: Some(Trial {
            start: date("2026-04-01"),
            end: date("2026-05-01"),
            review_every_days: 7,
            extensions: 1,
        }),
        trial_reviews: vec![TrialReview {
            id: "tr1".into(),
            on: date("2026-05-01"),
            signs: BTreeMap::from([
                ("closeness".into(), true),
                ("past_left_behind".into(), false),
            ]),
            note: Some("Mixed".into()),
            outcome: Some(TrialOutcome::LetGo),
            at: t,
        }],
        let_go: Some(LetGoRecord {
            on: date("2026-05-02"),
            from_step: 11,
            note: Some("It's time.".into()),
            exercise: BTreeMap::from([(1, "Dear you,\n\n# thank you".into())]),
            at: t,
        }),
        safety_flags: vec![SafetyFlag {
            sign: "violence".into(),
            on: date("2026-05-03"),
            source: crate::program::records::SafetySource::Flagged,
            at: None,
            by: None,
        }],
        said_no: Some(SaidNo {
            kind: NoKind::AskedNoContact,
            on: date("2026-05-04"),
        }),
        restarts: Vec::new(),
    };
    e.journal = vec![
        JournalEntry {
            id: "j2".into(),
            kind: EntryKind::Letter,
            title: "To you".into(),
            body: "Things I never said.".into(),
            title_conflicts: vec![],
            body_conflicts: vec![],
            tags: vec![],
            link: Some(EntryLink::Prompt {
                key: "growth.prompt.self".into(),
            }),
            created_at: at("2026-05-10T18:00:00Z"),
            edited_at: at("2026-05-10T18:00:00Z"),
            ready_after: Some(at("2026-05-11T18:00:00Z")),
            marked_ready_at: None,
        },
        JournalEntry {
            id: "j1".into(),
            kind: EntryKind::Entry,
            title: "<script>alert(1)</script> & me ##".into(),
            body: "# Not a heading\n\nSecond paragraph with `code` & <i>tags</i>\n    indented"
                .into(),
            title_conflicts: vec!["Other title".into()],
            body_conflicts: vec!["The other version | with a pipe".into()],
            tags: vec!["growth".into(), "sleep & rest".into()],
            link: Some(EntryLink::Step { number: 4 }),
            created_at: at("2026-05-01T08:00:00Z"),
            edited_at: at("2026-05-02T09:30:00Z"),
            ready_after: None,
            marked_ready_at: None,
        },
    ];
    e.custom_reminders = vec![CustomReminder {
        id: "c1".into(),
        at: date("2026-06-10").and_hms_opt(9, 30, 0).unwrap(),
        text: Some("Call <mum>".into()),
    }];
    e
}

// ---------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------

#[test]
fn markdown_has_every_section() {
    let md = markdown(&sample());
    for heading in [
        "# Your Reconnect report",
        "## Summary",
        "### Where things stand",
        "## Mood over time",
        "## Check-ins",
        "### May 2026",
        "## The program",
        "### Before step 1: Is this a good idea at all?",
        "### Step 1: Why did it end?",
        "### Step 11: A trial period, not a big question",
        "### Letting go",
        "## Journal and letters",
        "#### Version 2",
        "## Reminders and settings",
    ] {
        assert!(
            md.lines().any(|l| l == heading),
            "missing {heading:?}\n{md}"
        );
    }
    assert!(md.contains("Exported on **1 Jun 2026, 14:00** (Europe/Berlin)."));
    assert!(md.contains("| 18 May 2026 | 3.0 | 5 |"));
    assert!(md.contains("#### Write the letter you won't send\n\nDear you,\n\n\\# thank you\n"));
    assert!(md.contains("**Days checked in:** 11 (since 20 May 2026)"));
    assert!(md.contains("**Strength:**"));
    // Labels come from the content, not codes.
    for label in [
        "I ended it",
        "Silly fights",
        "Self-centred, without empathy",
        "Warm",
        "Something a little scary",
        "They asked for no contact",
        "Not yet",
        "Let go",
        "Text message",
    ] {
        assert!(md.contains(label), "missing label {label:?}");
    }
    // Safety: stated, with every support resource.
    assert!(md.contains(content::SAFETY_LOCKED.title));
    assert!(md.contains("> - Physical violence of any kind (noted on 3 May 2026)"));
    for resource in content::support_resources() {
        assert!(md.contains(resource.text), "missing {}", resource.key);
    }
    assert!(md.contains(content::THEY_SAID_NO.title));
    assert_eq!(md.matches("<svg").count(), 1);
}

#[test]
fn markdown_escapes_user_text() {
    let md = markdown(&sample());
    // The check-in note, in its table cell.
    assert!(md.contains("\\<b\\>\\& friends\\</b\\> \\| a pipe"), "{md}");
    // Both versions of a conflicting note.
    assert!(
        md.contains("**Version 1:** walked by the lake<br>**Version 2:** went to the \\`gym\\`")
    );
    // A title cannot close its heading or open a tag.
    assert!(md.contains("### \\<script\\>alert(1)\\</script\\> \\& me \\#\\#\n"));
    // Outside the chart, every `<` is escaped or one of our line breaks.
    let outside_chart =
        md.split("<svg").next().unwrap().to_string() + md.split("</svg>").nth(1).unwrap();
    for (i, _) in outside_chart.match_indices('<') {
        let escaped = i > 0 && &outside_chart[i - 1..i] == "\\";
        assert!(
            escaped || outside_chart[i..].starts_with("<br>"),
            "{}",
            &outside_chart[i..]
        );
    }
    // Line-start markers in bodies and lists.
    assert!(md.contains("\n\\# Not a heading\n"));
    assert!(md.contains("Second paragraph with \\`code\\` \\& \\<i\\>tags\\</i\\>\\\nindented"));
    assert!(md.contains("- \\- feeling ignored"));
    assert!(md.contains("- 1\\. They never cared"));
    assert!(md.contains("\\*nothing\\*"));
    assert!(md.contains("**Tags:** growth, sleep \\& rest"));
    // Every table row has exactly its columns: no pipe in user text split a cell.
    let mut columns = 0;
    for l in md.lines() {
        if !l.starts_with('|') {
            columns = 0;
            continue;
        }
        let bars = unescaped_pipes(l);
        if columns == 0 {
            columns = bars;
        }
        assert_eq!(bars, columns, "{l}");
    }
}

fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    count
}

// ---------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------

#[test]
fn html_is_self_contained_and_escaped() {
    let page = html(&sample());
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains("<title>Your Reconnect report, 1 Jun 2026</title>"));
    let lower = page.to_lowercase();
    assert!(!lower.contains("<script"));
    assert!(!lower.contains("http://") && !lower.contains("https://"));
    for external in [
        "src=", "href=", "url(", "@import", "<link", "<img", "<iframe",
    ] {
        assert!(!lower.contains(external), "{external}");
    }
    assert_eq!(page.matches("<svg").count(), 1);
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; me ##"));
    assert!(page.contains("&lt;b&gt;&amp; friends&lt;/b&gt; | a pipe"));
    assert!(page.contains("Call &lt;mum&gt;"));
    assert!(page.contains("<strong>Version 2:</strong> went to the `gym`"));
    assert!(page.contains(
        "<h4>Version 2</h4>\n<div class=\"prose\">\n<p>The other version | with a pipe</p>"
    ));
    // Only the tags the renderer writes.
    let allowed: BTreeSet<&str> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3",
        "h4", "p", "br", "strong", "em", "ul", "li", "div", "table", "thead", "tbody", "tr", "th",
        "td", "aside", "figure", "svg", "g", "line", "text", "polyline", "circle",
    ]
    .into();
    for (i, _) in page.match_indices('<') {
        let name: String = page[i + 1..]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_lowercase();
        assert!(allowed.contains(name.as_str()), "unexpected tag <{name}");
    }
}

// ---------------------------------------------------------------------------------------
// The chart
// ---------------------------------------------------------------------------------------

/// Points drawn: polyline coordinates plus lone dots (dots on a line only for short
/// charts, so count those from the polylines).
fn plotted(svg: &str) -> (usize, usize) {
    let line_points: usize = svg
        .split("<polyline points=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().split(' ').count())
        .sum();
    (line_points, svg.matches("<circle").count())
}

#[test]
fn ten_years_stay_small() {
    let start = date("2016-06-01");
    let check_ins: Vec<CheckIn> = (0..3650u64)
        .filter(|d| d % 11 != 3)
        .map(|d| check_in(start + Days::new(d), 1 + ((d / 30) % 5) as u8, None))
        .collect();
    let svg = mood_chart_svg(&check_ins);
    let (line_points, dots) = plotted(&svg);
    assert!(line_points + dots <= MAX_POINTS, "{line_points} + {dots}");
    assert_eq!(line_points, 261, "fortnightly points");
    assert!(svg.len() < 12 * 1024, "{} bytes", svg.len());
    assert!(svg.starts_with("<svg viewBox=\"0 0 720 260\""));
    assert!(
        !svg.contains("\n\n"),
        "a blank line would end the Markdown HTML block"
    );
    assert!(svg.contains("each point is 2 weeks"));
    // The whole report for ten years of notes stays reasonable too.
    let mut e = empty();
    e.exported_at = at("2026-06-01T12:00:00Z");
    e.check_ins = check_ins
        .into_iter()
        .map(|mut c| {
            c.note = Some("a short note about the day".into());
            c
        })
        .collect();
    let page = html(&e);
    assert_eq!(page.matches("<svg").count(), 1);
    assert!(page.len() < 2 * 1024 * 1024, "{} bytes", page.len());
}

#[test]
fn chart_points_and_gaps() {
    let start = date("2026-01-01");
    let on = |days: &[u64]| -> Vec<CheckIn> {
        days.iter()
            .map(|d| check_in(start + Days::new(*d), 3, None))
            .collect()
    };
    // A year of daily check-ins is one point a day.
    let year: Vec<u64> = (0..365).collect();
    assert_eq!(plotted(&mood_chart_svg(&on(&year))).0, 365);
    // One day more becomes weekly averages.
    let longer: Vec<u64> = (0..366).collect();
    assert_eq!(plotted(&mood_chart_svg(&on(&longer))).0, 53);
    // A missed day breaks the line.
    let svg = mood_chart_svg(&on(&[0, 1, 2, 4, 5, 8]));
    assert_eq!(svg.matches("<polyline").count(), 2);
    // Short charts dot every point; the lone day 8 is among them.
    assert_eq!(svg.matches("<circle").count(), 6);
    // A single check-in is a dot in the middle.
    let one = mood_chart_svg(&on(&[0]));
    assert_eq!(plotted(&one), (0, 1));
    assert!(one.contains("<circle cx=\"370.0\" cy=\"116.0\""));
    // Nothing yet.
    assert!(mood_chart_svg(&[]).contains("No check-ins yet"));
}

#[test]
fn weekly_averages_by_bucket() {
    let start = date("2020-01-01");
    // Two check-ins in the first week (moods 1 and 5), a year later one more.
    let check_ins = vec![
        check_in(start, 1, None),
        check_in(start + Days::new(3), 5, None),
        check_in(start + Days::new(400), 4, None),
    ];
    let series = super::chart::series(&check_ins).unwrap();
    assert_eq!(series.bucket_days, 7);
    assert_eq!(series.points.len(), 58);
    assert_eq!(series.points[0], Some(3.0));
    assert_eq!(series.points[1], None);
    assert_eq!(series.points[57], Some(4.0));
}

// ---------------------------------------------------------------------------------------
// Nothing yet
// ---------------------------------------------------------------------------------------

#[test]
fn an_empty_export_is_a_friendly_report() {
    let md = markdown(&empty());
    assert!(md.contains("## Nothing recorded yet"), "{md}");
    assert!(md.contains("Nothing has been recorded yet, and that is perfectly fine."));
    assert!(!md.contains("## Check-ins"));
    let page = html(&empty());
    assert!(page.contains("<h2>Nothing recorded yet</h2>"));
    assert!(!page.contains("<svg"));
    assert!(page.ends_with("</html>\n"));
}

#[test]
fn partly_empty_sections_say_so_kindly() {
    let mut e = empty();
    e.journal = sample().journal;
    let md = markdown(&e);
    assert!(md.contains("## Check-ins\n\nNo check-ins yet."));
    assert!(md.contains("Nothing recorded in the program yet."));
    assert!(!md.contains("<svg"));
    assert!(!md.contains("**Strength:**"));
}

#[test]
fn letting_go_is_a_good_ending() {
    let mut e = empty();
    e.program.let_go = Some(LetGoRecord {
        on: date("2026-05-02"),
        from_step: 0,
        note: None,
        exercise: BTreeMap::new(),
        at: at("2026-05-02T10:00:00Z"),
    });
    let md = markdown(&e);
    assert!(md.contains(
        "You chose to let go on 2 May 2026. That is a real ending to this journey, and a good one."
    ));
    assert!(md.contains("**You chose to let go on 2 May 2026**, before step 1."));
    assert!(!md.contains(content::SAFETY_LOCKED.title));
    assert!(!md.contains(content::support_resources()[0].text));
}

// ---------------------------------------------------------------------------------------
// docs/export-format.md names every field of the JSON
// ---------------------------------------------------------------------------------------

const FORMAT_DOC: &str = include_str!("../../../../docs/export-format.md");

/// Object keys in the JSON, except those of maps keyed by data (answer codes, sign codes,
/// exercise numbers).
fn field_names(value: &serde_json::Value, parent: &str, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                if matches!(parent, "answers" | "signs" | "exercise") {
                    continue;
                }
                out.insert(key.clone());
                field_names(child, key, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                field_names(item, parent, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_format_doc_names_every_field() {
    let json = serde_json::to_value(sample()).unwrap();
    if std::env::var_os("PRINT_EXPORT_SAMPLE").is_some() {
        println!("{}", serde_json::to_string_pretty(&sample()).unwrap());
        println!("{}", markdown(&sample()));
    }
    let mut names = BTreeSet::new();
    field_names(&json, "", &mut names);
    assert!(names.len() > 60, "{names:?}");
    for name in names {
        assert!(
            FORMAT_DOC.contains(&format!("`{name}`")),
            "docs/export-format.md does not mention `{name}`"
        );
    }
    // The sample round-trips through the parser the import uses.
    let text = serde_json::to_string_pretty(&sample()).unwrap();
    assert_eq!(Export::parse(&text).unwrap(), sample());
}
