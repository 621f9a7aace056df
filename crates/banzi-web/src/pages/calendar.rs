//! 工作日历 — the calendar the 任前公示 is counted on (R-SEL-9, issue 17): every known year
//! as a month grid with its holidays and 调休 working days, the shipped 国务院办公厅 notices
//! marked as such. Every role that reads anything views it; the system administrator enters
//! or replaces a year from its notice (errors beside the field, nothing saved) and deletes
//! an entered year after a question. The store checks the role again and audits each write.

use super::Ctx;
use super::forms::FieldErrors;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, Query, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use banzi_domain::calendar::{self, Calendar, DayKind, Year};
use banzi_domain::{Date, DomainError, Msg, message};
use banzi_store::CalendarEntry;

/// The form's fields as the store's errors name them.
const YEAR_FIELD: &str = "年份";
const TEXT_FIELD: &str = "节假日安排";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/calendar", get(page).post(save))
        .route("/calendar/{year}/delete", post(delete))
}

/// One day of a month grid.
pub struct Cell {
    pub day: i8,
    /// `cal-holiday`, `cal-makeup`, `cal-weekend` or empty (a working day).
    pub class: &'static str,
    /// The holiday's name, or what the day is, for the tooltip.
    pub title: String,
}

pub struct Month {
    pub name: String,
    /// Weeks from Monday; None before the 1st and after the last day.
    pub weeks: Vec<[Option<Cell>; 7]>,
}

/// A known year as the page shows it.
pub struct YearView {
    pub year: i16,
    pub shipped: bool,
    /// The notice's title as the page quotes it (or that none was given), and its date.
    pub source: String,
    pub notice_date: String,
    /// The question asked before the year is deleted.
    pub delete_confirm: String,
    pub working_days: u32,
    /// (name, first, last) of each holiday, and the 调休 working days with their holiday.
    pub holidays: Vec<(String, Date, Date)>,
    pub workdays: Vec<(Date, String)>,
    /// Who entered it and when (Beijing time); empty for a shipped year.
    pub entered: String,
    pub months: Vec<Month>,
}

#[derive(Template)]
#[template(path = "calendar_form.html")]
struct FormArea {
    tr: Tr,
    csrf: String,
    year: String,
    text: String,
    year_error: String,
    /// The errors of the text, one a line.
    text_errors: Vec<String>,
    general: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "calendar.html")]
struct CalendarPage {
    ctx: Ctx,
    years: Vec<YearView>,
    keeps: bool,
    /// The heads of the grid's columns, Monday first.
    weekdays: Vec<&'static str>,
    /// What was done, for the line above the years.
    done: String,
    /// The form, rendered (also the answer to an htmx request).
    form: String,
}

fn month_grid(tr: &Tr, y: &Year, month: i8) -> Month {
    let mut weeks: Vec<[Option<Cell>; 7]> = Vec::new();
    let mut week: [Option<Cell>; 7] = Default::default();
    for d in calendar::days_of(y.year).filter(|d| d.month() == month) {
        let col = usize::try_from(d.weekday().to_monday_zero_offset()).unwrap_or(0);
        let (class, title) = match y.day(d) {
            Some(DayKind::Holiday(name)) => ("cal-holiday", name.to_string()),
            Some(DayKind::MakeUp) => ("cal-makeup", tr.t("calendar.legend.makeup").to_string()),
            Some(DayKind::Weekend) => ("cal-weekend", tr.t("calendar.legend.weekend").to_string()),
            _ => ("", tr.t("calendar.legend.working").to_string()),
        };
        week[col] = Some(Cell {
            day: d.day(),
            class,
            title,
        });
        if col == 6 {
            weeks.push(std::mem::take(&mut week));
        }
    }
    if week.iter().any(Option::is_some) {
        weeks.push(week);
    }
    Month {
        name: tr.args("calendar.month", &[("m", i64::from(month).into())]),
        weeks,
    }
}

fn year_view(tr: &Tr, y: &Year, entry: Option<&CalendarEntry>) -> YearView {
    YearView {
        year: y.year,
        shipped: y.shipped,
        source: if y.source.title.is_empty() {
            tr.t("calendar.no_source").to_string()
        } else {
            tr.args(
                "calendar.source_title",
                &[("title", y.source.title.clone().into())],
            )
        },
        delete_confirm: tr.args(
            "calendar.delete_confirm",
            &[("year", i64::from(y.year).into())],
        ),
        notice_date: y
            .source
            .date
            .map(|d| tr.args("calendar.notice_date", &[("date", d.into())]))
            .unwrap_or_default(),
        working_days: y.working_days(),
        holidays: y
            .holidays
            .iter()
            .map(|h| (h.name.clone(), h.first, h.last))
            .collect(),
        workdays: y
            .workdays
            .iter()
            .map(|w| (w.date, w.name.clone()))
            .collect(),
        entered: entry
            .map(|e| {
                tr.args(
                    "calendar.entered_by",
                    &[
                        ("who", e.entered_by.clone().into()),
                        ("time", crate::auth::beijing(&e.updated_at).into()),
                    ],
                )
            })
            .unwrap_or_default(),
        months: (1..=12).map(|m| month_grid(tr, y, m)).collect(),
    }
}

#[derive(serde::Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    saved: String,
    #[serde(default)]
    deleted: String,
    /// An entered year whose text the form starts with.
    #[serde(default)]
    edit: String,
}

#[derive(serde::Deserialize, Default)]
pub struct YearForm {
    #[serde(default)]
    year: String,
    #[serde(default)]
    text: String,
}

fn form_area(tr: Tr, caller: &Caller, f: &YearForm, errors: &FieldErrors) -> FormArea {
    FormArea {
        tr,
        csrf: caller.csrf.clone(),
        year: f.year.clone(),
        text: f.text.clone(),
        year_error: errors.get(&tr, YEAR_FIELD),
        text_errors: errors
            .0
            .get(TEXT_FIELD)
            .map(|ms| ms.iter().map(|m| tr.msg(m)).collect())
            .unwrap_or_default(),
        general: errors.others(&tr, &[YEAR_FIELD, TEXT_FIELD]),
    }
}

async fn render(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    f: &YearForm,
    errors: &FieldErrors,
    done: String,
) -> WebResult<CalendarPage> {
    let entries = s.store.calendar_entries(&caller.actor).await?;
    let cal: Calendar = s.store.working_calendar().await?;
    let years = cal
        .years()
        .map(|y| {
            let entry = entries.iter().find(|e| e.year == y.year && !y.shipped);
            year_view(&tr, y, entry)
        })
        .collect();
    let keeps = caller.actor.role.keeps_calendar();
    let form = if keeps {
        form_area(tr, caller, f, errors)
            .render()
            .map_err(|e| DomainError::Internal(format!("the calendar form: {e}")))?
    } else {
        String::new()
    };
    Ok(CalendarPage {
        ctx: Ctx::new(tr, caller, "/calendar"),
        years,
        keeps,
        weekdays: (1..=7).map(|i| tr.t(&format!("calendar.wd.{i}"))).collect(),
        done,
        form,
    })
}

fn year_arg(text: &str) -> Option<i16> {
    calendar::parse_year_number(text).ok()
}

async fn page(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<PageQuery>,
) -> WebResult<CalendarPage> {
    let done = if let Some(y) = year_arg(&q.saved) {
        tr.args("calendar.saved", &[("year", i64::from(y).into())])
    } else if let Some(y) = year_arg(&q.deleted) {
        tr.args("calendar.deleted", &[("year", i64::from(y).into())])
    } else {
        String::new()
    };
    let mut f = YearForm::default();
    if let Some(y) = year_arg(&q.edit) {
        let entries = s.store.calendar_entries(&caller.actor).await?;
        if let Some(e) = entries.into_iter().find(|e| e.year == y) {
            f = YearForm {
                year: y.to_string(),
                text: e.text,
            };
        }
    }
    render(&s, tr, &caller, &f, &FieldErrors::default(), done).await
}

fn refuse_unless_keeper(caller: &Caller) -> Result<(), DomainError> {
    if caller.actor.role.keeps_calendar() {
        Ok(())
    } else {
        Err(DomainError::Forbidden(Msg::new(
            "store-calendar-sysadmin-only",
        )))
    }
}

/// Enters or replaces a year. Saved: back to the page (htmx is told to go there). Refused:
/// the form again with the errors beside its fields, as a 422 (the page's htmx swaps it).
async fn save(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    headers: HeaderMap,
    Form(f): Form<YearForm>,
) -> WebResult<Response> {
    refuse_unless_keeper(&caller)?;
    let result = match calendar::parse_year_number(&f.year) {
        Ok(y) => s
            .store
            .save_calendar_year(&caller.actor, y, &f.text)
            .await
            .map(|_| y),
        Err(m) => Err(DomainError::invalid(YEAR_FIELD, m)),
    };
    match result {
        Ok(y) => {
            let url = format!("/calendar?saved={y}");
            Ok(([("HX-Redirect", url.clone())], Redirect::to(&url)).into_response())
        }
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            if super::is_htmx(&headers) {
                let area = form_area(tr, &caller, &f, &errors);
                let html = area
                    .render()
                    .map_err(|e| DomainError::Internal(format!("the calendar form: {e}")))?;
                return Ok(
                    (StatusCode::UNPROCESSABLE_ENTITY, axum::response::Html(html)).into_response(),
                );
            }
            let page = render(&s, tr, &caller, &f, &errors, String::new()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Deletes an entered year (the page asked first).
async fn delete(
    State(s): State<AppState>,
    caller: Caller,
    Path(year): Path<String>,
) -> WebResult<Response> {
    refuse_unless_keeper(&caller)?;
    let y = calendar::parse_year_number(&year).map_err(|_| {
        DomainError::NotFound(message!("calendar-year-missing", year = year.clone()))
    })?;
    s.store.delete_calendar_year(&caller.actor, y).await?;
    Ok(Redirect::to(&format!("/calendar?deleted={y}")).into_response())
}
