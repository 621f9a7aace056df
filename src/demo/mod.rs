//! `banzi demo`: a fictional city (江川市), built the same way every time.
//!
//! 46 units (市委, 10 counties, 30 city departments — among them 纪委监委, 组织部 and the
//! 公检法 units — and 5 state enterprises), their teams and posts, and fifteen years of
//! appointment history (2011–2026) with 2–8 year tenures, exchanges between units,
//! portfolios, training, 简历, family and annual ratings. Every name, ID number and document
//! number is invented; the ID numbers carry valid check digits.

mod bench;
mod city;
mod names;
mod province;
mod resume;
pub mod selection;
mod units;

pub use bench::big_roster;
pub use city::{City, city};
pub use province::province;

use banzi_domain::role::{Actor, Role};
use banzi_i18n::Tr;
use banzi_store::{NewUser, Store};

pub const DEMO_PASSWORD: &str = "Banzi2026demo";

/// What was built, for the start-up message.
pub struct Built {
    pub password: &'static str,
    /// Each demo account: its login, its role and, for a unit liaison, the unit's name.
    pub logins: Vec<(String, Role, &'static str)>,
}

/// A small deterministic generator (SplitMix64): the same city on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Writes the city and the demo accounts unless the database already holds units.
pub async fn build(store: &Store, tr: Tr) -> anyhow::Result<Built> {
    let staff = Actor::cli("demo");
    let logins: Vec<(String, Role, &'static str)> = vec![
        ("zuzhibu".into(), Role::Staff, ""),
        ("buzhang".into(), Role::Leader, ""),
        ("caizheng".into(), Role::Liaison, "市财政局"),
        ("jijian".into(), Role::Discipline, ""),
        ("xitong".into(), Role::SysAdmin, ""),
        ("anquan".into(), Role::SecAdmin, ""),
        ("shenji".into(), Role::Auditor, ""),
    ];
    if !store.units(&staff).await?.is_empty() {
        println!("{}", tr.t("cli.demo_exists"));
        return Ok(Built {
            password: DEMO_PASSWORD,
            logins,
        });
    }
    let c = city();
    let m = banzi_domain::message!(
        "cli-demo-building",
        units = c.roster.units.len(),
        posts = c.roster.posts.len(),
        cadres = c.roster.cadres.len(),
        appointments = c.roster.appointments.len()
    );
    println!("{}", tr.msg(&m));
    store
        .import_roster(&staff, &c.roster, &|_, _, _| {})
        .await
        .map_err(|e| match e {
            // The demo city is built by this code: an error here is a bug of banzi.
            banzi_store::ImportError::Rows(rows) => anyhow::anyhow!(
                "the demo city does not import: {}",
                rows.iter()
                    .take(5)
                    .map(|r| tr.msg(&r.msg()))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            banzi_store::ImportError::Other(e) => e.into(),
        })?;
    store.add_cadre_records(&staff, &c.records).await?;
    let hash = banzi_web::hash_password(DEMO_PASSWORD);
    for &(ref login, role, _) in &logins {
        let u = NewUser {
            login: login.clone(),
            display_name: String::new(),
            password_hash: hash.clone(),
            role,
            unit_code: (role == Role::Liaison).then(|| "JC-D11".to_string()),
        };
        store.add_account(&u).await?;
    }
    demo_ballot(store, &c).await?;
    selection::build(store).await?;
    Ok(Built {
        password: DEMO_PASSWORD,
        logins,
    })
}

/// A 民主推荐 session of the demo, not started (DOMAIN.md M5): staff issue its codes, print
/// the slips and open it to try the phone page. Its 实到人数 (28 of 30 signed in) is
/// recorded, as staff would from the meeting's sign-in, so it can be opened (R-SEL-2).
async fn demo_ballot(store: &Store, c: &city::City) -> anyhow::Result<()> {
    let mut names: Vec<&str> = Vec::new();
    for x in &c.roster.cadres {
        if names.len() < 6 && !names.contains(&x.value.name.as_str()) {
            names.push(x.value.name.as_str());
        }
    }
    let text = banzi_domain::ballot::SetupText {
        title: "2026年市财政局副局长人选民主推荐（示范）".into(),
        meeting_date: "2026-11-21".into(),
        expected: "30".into(),
        threshold: "50%".into(),
        groups: "班子成员 30 6\n中层干部 40 12\n服务对象 30 12".into(),
        questions: format!(
            "推荐1人可另提：推荐副局长人选\n{}\n\n干部测评：现任班子成员测评\n{}\n\n班子测评：领导班子总体评价\n江川市财政局领导班子",
            names[..4].join("、"),
            names[4..].join("、")
        ),
    };
    let spec = banzi_domain::ballot::parse_setup(&text)?;
    let demo = Actor::cli("demo");
    let id = store.create_ballot(&demo, &spec).await?;
    store.set_ballot_attendance(&demo, id, 28).await?;
    Ok(())
}
