//! What search engines and link previews read: titles, descriptions, canonical addresses,
//! Open Graph / Twitter cards, schema.org JSON-LD, the sitemap and robots.txt.

use serde_json::{json, Value};
use sop_domain::calendar::OfficeHours;
use sop_domain::catalogue::{Audience, Catalogue, Sop};
use sop_domain::duration::format_range_approx;

use crate::office;
use layanan_sop::strings as s;

/// Where the site is served: the origin (one build setting, `SITE_ORIGIN`) and the path.
#[derive(Clone, Debug)]
pub struct Site {
    /// "https://www.distransnaker.katingankab.go.id", no trailing slash.
    pub origin: String,
    /// "" at the root, "/layanan-sop" under a sub-path.
    pub base: String,
}

impl Site {
    /// The absolute address of a base-less route.
    pub fn url(&self, route: &str) -> String {
        format!("{}{}{}", self.origin, self.base, route)
    }
}

/// A page's head: what differs from page to page.
#[derive(Clone, Debug)]
pub struct Head {
    pub title: String,
    pub description: String,
    /// Base-less route; `None` for pages that must not be indexed (404, offline, staff).
    pub canonical: Option<String>,
    /// The preview image (base-less path of a 1200×630 PNG) and its alternative text.
    pub image: Option<(String, String)>,
    pub json_ld: Option<Value>,
}

/// The time a SOP takes, in words ("29 menit", "sekitar 2 minggu").
pub fn time_words(sop: &Sop) -> String {
    if sop.total.max_minutes > 0 {
        format_range_approx(sop.total.min_minutes, sop.total.max_minutes)
    } else {
        s::RESULT_NO_TIME.to_string()
    }
}

/// "Kartu Pencari Kerja (AK/1) — syarat, alur dan waktu | DPTTK Katingan"
pub fn sop_title(sop: &Sop) -> String {
    format!("{} — {} | {}", sop.title, s::TITLE_SOP_TAIL, s::SITE_SHORT)
}

/// What to bring and how long it takes, in at most `max` characters (a search result shows
/// about 155): the requirements are listed while they fit, then counted.
pub fn sop_description(sop: &Sop, max: usize) -> String {
    let tail = format!(
        " {} {}, {} {}.",
        sop.steps.len(),
        s::DESCRIPTION_STEPS,
        s::DESCRIPTION_TOTAL,
        time_words(sop)
    );
    let lead = match sop.audience {
        Audience::Public => format!("{}.", sop.title),
        Audience::Internal => format!("{} {}.", s::DESCRIPTION_INTERNAL, sop.title),
    };
    let mut text = lead;
    if sop.requirements.is_empty() {
        text.push(' ');
        text.push_str(s::DESCRIPTION_NO_REQUIREMENTS);
    } else {
        text.push(' ');
        text.push_str(s::DESCRIPTION_BRING);
        let room = max.saturating_sub(text.chars().count() + tail.chars().count() + 2);
        let mut listed = String::new();
        let mut shown = 0;
        for req in sop.requirements.iter() {
            let item = req.trim_end_matches('.');
            let candidate = if listed.is_empty() { item.to_string() } else { format!("{listed}; {item}") };
            let rest = sop.requirements.len() - shown - 1;
            let suffix = if rest > 0 { format!(" (+{rest})") } else { String::new() };
            if candidate.chars().count() + suffix.chars().count() > room && shown > 0 {
                break;
            }
            listed = candidate;
            shown += 1;
        }
        let rest = sop.requirements.len() - shown;
        text.push(' ');
        text.push_str(&truncate(&listed, room));
        if rest > 0 {
            text.push_str(&format!(" (+{rest})"));
        }
        text.push('.');
    }
    text.push_str(&tail);
    truncate(&text, max)
}

/// `text` cut at a word boundary to at most `max` characters, with "…" when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{}…", cut.trim_end_matches([',', ';', ' ']))
}

fn opening_hours(hours: &OfficeHours) -> Value {
    const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let days: Vec<&str> = hours.days.iter().map(|d| DAYS[d.0.num_days_from_monday() as usize]).collect();
    let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
    json!({
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": days,
        "opens": hm(hours.open_minute()),
        "closes": hm(hours.close_minute()),
    })
}

/// The dinas as schema.org sees it.
pub fn organization(catalogue: &Catalogue) -> Value {
    json!({
        "@type": "GovernmentOrganization",
        "name": office::NAME,
        "url": office::WEBSITE,
        "telephone": office::TELEPHONE,
        "email": office::EMAIL,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": office::STREET,
            "addressLocality": office::LOCALITY,
            "addressRegion": office::REGION,
            "postalCode": office::POSTAL_CODE,
            "addressCountry": office::COUNTRY,
        },
        "openingHoursSpecification": [opening_hours(&catalogue.calendar.office)],
    })
}

/// schema.org `GovernmentService` for one SOP page.
pub fn sop_json_ld(site: &Site, catalogue: &Catalogue, sop: &Sop) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": sop.title,
        "description": sop_description(sop, 300),
        "url": site.url(&layanan_sop::routes::sop_page(&sop.id)),
        "serviceType": match sop.audience { Audience::Public => s::AUDIENCE_PUBLIC, Audience::Internal => s::AUDIENCE_INTERNAL },
        "identifier": if sop.number.is_empty() { Value::Null } else { Value::from(sop.number.to_string()) },
        "provider": organization(catalogue),
        "areaServed": { "@type": "AdministrativeArea", "name": office::AREA_SERVED },
        "hoursAvailable": opening_hours(&catalogue.calendar.office),
        "availableChannel": {
            "@type": "ServiceChannel",
            "serviceLocation": {
                "@type": "GovernmentOffice",
                "name": office::NAME,
                "address": organization(catalogue)["address"].clone(),
            },
        },
    })
}

/// schema.org for the katalog: the site and the dinas behind it.
pub fn katalog_json_ld(site: &Site, catalogue: &Catalogue) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": s::SITE_NAME,
        "url": site.url("/"),
        "inLanguage": "id",
        "publisher": organization(catalogue),
    })
}

/// The latest date a SOP prints (created, revised, effective): when its page last changed
/// in substance.
pub fn lastmod(sop: &Sop) -> Option<chrono::NaiveDate> {
    [sop.created, sop.revised, sop.effective].into_iter().flatten().max()
}

/// sitemap.xml: the katalog and every SOP page.
pub fn sitemap(site: &Site, catalogue: &Catalogue) -> String {
    let newest = catalogue.sops.iter().filter_map(lastmod).max();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let mut entry = |loc: String, date: Option<chrono::NaiveDate>| {
        out.push_str(&format!("  <url><loc>{}</loc>", xml_escape(&loc)));
        if let Some(d) = date {
            out.push_str(&format!("<lastmod>{}</lastmod>", d.format("%Y-%m-%d")));
        }
        out.push_str("</url>\n");
    };
    entry(site.url("/"), newest);
    for sop in catalogue.sops.iter() {
        entry(site.url(&layanan_sop::routes::sop_page(&sop.id)), lastmod(sop));
    }
    out.push_str("</urlset>\n");
    out
}

/// robots.txt: everything public may be indexed, the staff pages not.
pub fn robots(site: &Site) -> String {
    let mut out = String::from("User-agent: *\n");
    for route in layanan_sop::routes::STAFF_ROUTES {
        out.push_str(&format!("Disallow: {}{}\n", site.base, route));
    }
    out.push_str(&format!("\nSitemap: {}\n", site.url("/sitemap.xml")));
    out
}

pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use layanan_sop::catalogue_data::catalogue;

    #[test]
    fn every_description_fits_a_search_result_and_names_the_time() {
        for sop in catalogue().sops.iter() {
            let d = sop_description(sop, 160);
            assert!(d.chars().count() <= 160, "{}: {} chars: {d}", sop.id, d.chars().count());
            assert!(d.starts_with(&*sop.title) || sop.audience == Audience::Internal, "{d}");
            if !d.ends_with('…') {
                assert!(d.contains(&time_words(sop)), "{d}");
            }
        }
    }

    #[test]
    fn descriptions_and_titles_are_unique() {
        let mut titles: Vec<String> = catalogue().sops.iter().map(sop_title).collect();
        let mut descs: Vec<String> = catalogue().sops.iter().map(|s| sop_description(s, 160)).collect();
        titles.sort();
        descs.sort();
        let n = titles.len();
        titles.dedup();
        descs.dedup();
        assert_eq!((titles.len(), descs.len()), (n, n));
    }

    #[test]
    fn sitemap_lists_the_katalog_and_every_sop_with_absolute_addresses() {
        let site = Site { origin: "https://contoh.go.id".into(), base: "/layanan-sop".into() };
        let xml = sitemap(&site, catalogue());
        assert_eq!(xml.matches("<url>").count(), 1 + catalogue().sops.len());
        assert!(xml.contains("<loc>https://contoh.go.id/layanan-sop/</loc>"));
        assert!(xml.contains("<loc>https://contoh.go.id/layanan-sop/sop/jht</loc><lastmod>2025-01-06</lastmod>"), "{xml}");
        let robots = robots(&site);
        assert!(robots.contains("Disallow: /layanan-sop/kasus\n"));
        assert!(robots.contains("Sitemap: https://contoh.go.id/layanan-sop/sitemap.xml"));
    }

    #[test]
    fn json_ld_names_the_service_provider_area_and_hours() {
        let site = Site { origin: "https://contoh.go.id".into(), base: String::new() };
        let jht = catalogue().sop("jht").unwrap();
        let ld = sop_json_ld(&site, catalogue(), jht);
        assert_eq!(ld["@type"], "GovernmentService");
        assert_eq!(ld["name"], "Surat Keterangan Jaminan Hari Tua");
        assert_eq!(ld["provider"]["@type"], "GovernmentOrganization");
        assert_eq!(ld["provider"]["address"]["addressLocality"], "Kasongan");
        assert_eq!(ld["areaServed"]["name"], "Kabupaten Katingan");
        assert_eq!(ld["hoursAvailable"]["opens"], "08:00");
        assert_eq!(ld["hoursAvailable"]["dayOfWeek"].as_array().unwrap().len(), 5);
    }
}
