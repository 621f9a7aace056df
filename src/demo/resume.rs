//! The 简历 of a demo cadre, written from the posts they held (issue 15, item 14).

use super::Rng;
use banzi_domain::cadre::ResumeLine;
use banzi_domain::codes::PostLevel;
use banzi_domain::date::{Date, add_years};
use banzi_domain::registry::Appointment;

/// What a 简历 line says of a post: its unit, its title, and its 职务层次.
pub(super) type PostText = (String, String, Option<PostLevel>);

/// A 简历 without gaps: the years before the first leadership post as the rungs below it
/// (科员, 副科长, 科长 … up to the level of that post); each post held; between two posts
/// the months spent as 调研员 of the unit left (一级调研员 since the 2019 reform). It ends
/// where the last post ended.
pub(super) fn resume(
    rng: &mut Rng,
    first_job: Date,
    posts: &[&Appointment],
    post_text: &std::collections::HashMap<String, PostText>,
) -> Vec<ResumeLine> {
    let line = |start: Date, end: Option<Date>, text: String| ResumeLine {
        start: start.into(),
        end: end.map(Into::into),
        text,
    };
    let office = *rng.pick(&[
        "江川市临川县财政局",
        "江川市东江区发展和改革局",
        "江川市财政局",
        "江川市交通运输局",
        "江川市农业农村局",
    ]);
    let bureau = *rng.pick(&["江苏省财政厅", "江苏省发展和改革委员会", "江苏省交通运输厅"]);
    // The rungs climbed before the first post, the last one held until it: a 市委书记 came
    // up through 处 of a provincial department and a neighbouring city's government.
    let first = posts.first();
    let level = first
        .and_then(|a| post_text.get(&a.post_code))
        .and_then(|t| t.2);
    let mut ladder = vec![
        (office, "科员", 3),
        (office, "副科长", 3),
        (office, "科长", 4),
    ];
    match level {
        Some(PostLevel::BureauChief) => ladder.extend([
            (bureau, "副处长", 4),
            (bureau, "处长", 4),
            ("江苏省宿江市人民政府", "副市长", 4),
        ]),
        Some(PostLevel::BureauDeputy) => {
            ladder.extend([(bureau, "副处长", 4), (bureau, "处长", 4)]);
        }
        Some(PostLevel::DivisionChief) => ladder.push((office, "副局长", 4)),
        _ => {}
    }
    let first_post = first.map_or(add_years(first_job, 10), |a| a.start);
    let mut out = Vec::new();
    let mut at = first_job;
    let rungs = ladder.len();
    for (i, (place, title, years)) in ladder.into_iter().enumerate() {
        if at >= first_post {
            break;
        }
        let end = if i + 1 == rungs {
            first_post
        } else {
            add_years(at, years + rng.below(2) as i16).min(first_post)
        };
        out.push(line(at, Some(end), format!("{place}{title}")));
        at = end;
    }
    let mut last_end: Option<(Date, &str)> = None;
    for a in posts {
        let (unit, title) = post_text
            .get(&a.post_code)
            .map_or(("", ""), |(u, t, _)| (u.as_str(), t.as_str()));
        if let Some((end, left)) = last_end
            && a.start > end.saturating_add(jiff::Span::new().days(31))
        {
            let rank = if end.year() >= 2019 {
                "一级调研员"
            } else {
                "调研员"
            };
            out.push(line(end, Some(a.start), format!("{left}{rank}")));
        }
        out.push(line(a.start, a.end, format!("{unit}{title}")));
        last_end = a.end.map(|e| (e, unit));
    }
    out
}
