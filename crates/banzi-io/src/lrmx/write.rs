//! People written as the editor's files: the elements of `<Person>` in the order of LRMX.md,
//! dates as `YYYYMM`/`YYYYMMDD`, the photo in Base64; many in a zip.

use banzi_domain::lrmx::{self, Export, FAMILY_ELEMENTS, FAMILY_ITEM, LrmxPerson, ROOT};
use base64::Engine;
use std::io::Write;

use banzi_domain::DomainError;

/// The editor version written when the person carries none.
const VERSION: &str = "3.2.1.16";

/// One person as `.lrmx` bytes (UTF-8 XML), every element of the format written (blank
/// ones empty) except the two 2025 elements, written only when known.
pub fn write_lrmx(p: &LrmxPerson) -> Vec<u8> {
    let mut out = String::with_capacity(4096 + p.photo.as_ref().map_or(0, |b| b.len() * 4 / 3));
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<");
    out.push_str(ROOT.tag);
    out.push_str(">\n");
    let d = |d: Option<lrmx::LrmxDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let m = |m: Option<banzi_domain::YearMonth>| m.map(lrmx::month_text);
    for e in lrmx::ELEMENTS {
        let text: Option<String> = match e.tag {
            "XingMing" => Some(p.name.clone()),
            "XingBie" => Some(p.gender.map(|g| g.label().to_string()).unwrap_or_default()),
            "ChuShengNianYue" => Some(d(p.birth)),
            "MinZu" => Some(p.ethnicity.clone()),
            "JiGuan" => Some(p.native_place.clone()),
            "ChuShengDi" => Some(p.birth_place.clone()),
            "RuDangShiJian" => Some(d(p.party_joined)),
            "CanJiaGongZuoShiJian" => Some(d(p.work_started)),
            "JianKangZhuangKuang" => Some(p.health.clone()),
            "ZhuanYeJiShuZhiWu" => Some(p.professional_title.clone()),
            "ShuXiZhuanYeYouHeZhuanChang" => Some(p.expertise.clone()),
            "QuanRiZhiJiaoYu_XueLi" => Some(p.full_time.education.clone()),
            "QuanRiZhiJiaoYu_XueWei" => Some(p.full_time.degree.clone()),
            "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi" => Some(p.full_time.education_school.clone()),
            "QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi" => Some(p.full_time.degree_school.clone()),
            "ZaiZhiJiaoYu_XueLi" => Some(p.in_service.education.clone()),
            "ZaiZhiJiaoYu_XueWei" => Some(p.in_service.degree.clone()),
            "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi" => Some(p.in_service.education_school.clone()),
            "ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi" => Some(p.in_service.degree_school.clone()),
            "XianRenZhiWu" => Some(p.current_post.clone()),
            "NiRenZhiWu" => Some(p.proposed_post.clone()),
            "NiMianZhiWu" => Some(p.proposed_removal.clone()),
            "JianLi" => Some(lrmx::write_resume(&p.resume)),
            "JiangChengQingKuang" => Some(p.rewards.clone()),
            "NianDuKaoHeJieGuo" => Some(p.ratings.clone()),
            "RenMianLiYou" => Some(p.reason.clone()),
            "JiaTingChengYuan" => {
                family(&mut out, p);
                None
            }
            "ChengBaoDanWei" => Some(p.reporting_unit.clone()),
            "JiSuanNianLingShiJian" => Some(d(p.age_as_of)),
            "TianBiaoShiJian" => Some(d(p.filled_on)),
            "TianBiaoRen" => Some(p.filled_by.clone()),
            "ShenFenZheng" => Some(p.id_number.to_string()),
            "ZhaoPian" => Some(
                p.photo
                    .as_ref()
                    .map(|b| base64::engine::general_purpose::STANDARD.encode(b))
                    .unwrap_or_default(),
            ),
            "Version" => Some(p.version.clone()),
            "GaiGeQianRenZhiNianLingJieXian" => m(p.pre_reform_limit),
            "DaoLingNianYue" => m(p.due),
            _ => None,
        };
        if let Some(t) = text {
            element(&mut out, "  ", e.tag, &t);
        }
    }
    out.push_str("</");
    out.push_str(ROOT.tag);
    out.push_str(">\n");
    out.into_bytes()
}

/// A person as an export writes them: 计算年龄时间, the 2025 elements and the proposal
/// filled in ([`LrmxPerson::for_export`]), and the editor's version when none is known.
pub fn export_lrmx(p: &LrmxPerson, e: &Export<'_>) -> Vec<u8> {
    let mut x = p.for_export(e);
    if x.version.is_empty() {
        x.version = VERSION.into();
    }
    write_lrmx(&x)
}

fn family(out: &mut String, p: &LrmxPerson) {
    out.push_str("  <JiaTingChengYuan>\n");
    for f in &p.family {
        out.push_str("    <");
        out.push_str(FAMILY_ITEM.tag);
        out.push_str(">\n");
        let birth = f.birth.map(lrmx::month_text).unwrap_or_default();
        for (e, t) in FAMILY_ELEMENTS
            .iter()
            .zip([&f.relation, &f.name, &birth, &f.party, &f.work])
        {
            element(out, "      ", e.tag, t);
        }
        out.push_str("    </");
        out.push_str(FAMILY_ITEM.tag);
        out.push_str(">\n");
    }
    out.push_str("  </JiaTingChengYuan>\n");
}

fn element(out: &mut String, indent: &str, tag: &str, text: &str) {
    out.push_str(indent);
    out.push('<');
    out.push_str(tag);
    out.push('>');
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Kept through the parser's line-end normalisation.
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
}

/// File names for people in a zip: `姓名.lrmx`, namesakes told apart by `-2`, `-3` … in the
/// order given.
pub fn file_names<'a>(people: impl IntoIterator<Item = &'a LrmxPerson>) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    people
        .into_iter()
        .map(|p| {
            let base: String = p
                .name
                .chars()
                .map(|c| {
                    if c.is_control() || "/\\:*?\"<>|".contains(c) {
                        '_'
                    } else {
                        c
                    }
                })
                .collect();
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                format!("{base}.lrmx")
            } else {
                format!("{base}-{n}.lrmx")
            }
        })
        .collect()
}

/// Many files in one zip: `(name, bytes)` as [`file_names`] and [`write_lrmx`] or
/// [`export_lrmx`] made them. Names are stored in UTF-8 (the zip's flag says so).
/// Only the zip library failing in memory is an error.
pub fn write_lrmx_zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, DomainError> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options).map_err(zip_error)?;
        zip.write_all(bytes)
            .map_err(|e| DomainError::Internal(format!("zip write: {e}")))?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

fn zip_error(e: zip::result::ZipError) -> DomainError {
    DomainError::Internal(format!("zip write: {e}"))
}
