//! `/sop/:id`: everything a citizen needs about one service, and the official print form.
//!
//! All of it is in the page's HTML, the SOP-AP print form included (it prints with the
//! browser's own command, with or without JavaScript). The islands: the finish estimate, the
//! checklist's ticks, the diagram's frame, share and print.

mod checklist;
mod info;
mod print;
mod steps;
mod timing;

use leptos::prelude::*;
use sop_domain::catalogue::{Audience, Sop};
use sop_domain::locale::format_date;

use super::current_sop;
use crate::catalogue_data::catalogue;
use crate::platform::{dom, dom_actions};
use crate::routes::{href, Route};
use crate::strings as s;
use crate::views::diagram::{DiagramFigure, DiagramSvg, Variant};
use crate::views::share::ShareButton;

pub use print::QrCode;

/// The page of one SOP. `qr` is the QR code of the page's address (an SVG the site generator
/// makes), printed on the SOP-AP form and the checklist.
#[component]
pub fn SopPage(sop: &'static Sop, #[prop(optional)] qr: Option<QrCode>) -> impl IntoView {
    let unit_short = catalogue().unit_of(sop).map(|u| u.short.clone()).unwrap_or_default();
    let audience = match sop.audience {
        Audience::Public => s::AUDIENCE_PUBLIC,
        Audience::Internal => s::AUDIENCE_INTERNAL,
    };
    view! {
        <article class="sop">
            <div class="sop-screen">
                <nav class="breadcrumb" aria-label=s::SOP_BREADCRUMB>
                    <a href=href("/")>{s::NAV_KATALOG}</a>
                    <span aria-hidden="true">" › "</span>
                    <a href=href(&Route::new("/").param("unit", sop.unit_group.to_string()).build())>{unit_short}</a>
                </nav>
                <header class="sop-head">
                    <p class="badge" class:badge--internal=sop.audience == Audience::Internal>{audience}</p>
                    <h1 class="sop-head__title">{sop.title.clone()}</h1>
                    <dl class="sop-head__meta">
                        <div><dt>{s::SOP_NUMBER}</dt><dd class="mono">{
                            if sop.number.is_empty() { s::SOP_NUMBER_NONE.into() } else { sop.number.clone() }
                        }</dd></div>
                        <div><dt>{s::SOP_UNIT}</dt><dd>{sop.unit.clone()}</dd></div>
                        <div><dt>{s::SOP_CREATED}</dt><dd>{date_or_dash(sop.created)}</dd></div>
                        <div><dt>{s::SOP_REVISED}</dt><dd>{date_or_dash(sop.revised)}</dd></div>
                        <div><dt>{s::SOP_EFFECTIVE}</dt><dd>{date_or_dash(sop.effective)}</dd></div>
                        <div class="sop-head__wide"><dt>{s::SOP_APPROVED_BY}</dt><dd>{
                            if sop.approved_by.is_empty() { s::SOP_NOT_PRINTED.into() } else { sop.approved_by.clone() }
                        }</dd></div>
                    </dl>
                    <div class="actions">
                        <SopActions/>
                        <a href=href(&Route::new("/kasus").param("baru", sop.id.to_string()).build())
                            class="button button--ghost" rel="nofollow">{s::ACTION_NEW_CASE}</a>
                    </div>
                </header>
                <div class="sop-grid">
                    <timing::Timing sop=sop/>
                    <checklist::Checklist sop=sop/>
                    // Printed with the checklist only ("Cetak daftar").
                    {qr.clone().map(|qr| view! { <print::QrBlock qr=qr class="print-qr--checklist"/> })}
                </div>
                <section class="sop-diagram" aria-labelledby="diagram-alur">
                    <h2 id="diagram-alur">{s::DIAGRAM_TITLE}</h2>
                    <DiagramIsland>
                        <DiagramSvg sop=sop variant=Variant::Swimlane/>
                        <DiagramSvg sop=sop variant=Variant::Compact/>
                    </DiagramIsland>
                </section>
                <steps::Steps sop=sop/>
                <info::Info sop=sop/>
                <info::SourceNotes sop=sop/>
            </div>
            // The SOP-AP form, shown by the print stylesheet only.
            <print::PrintForm sop=sop qr=qr/>
        </article>
    }
}

/// Share and print. The print form is already in the page: printing is the browser's own.
#[island]
fn SopActions() -> impl IntoView {
    view! {
        <ShareButton/>
        <button type="button" class="button button--secondary" on:click=|_| dom_actions::print()>
            {s::ACTION_PRINT}
        </button>
    }
}

/// The diagram's frame around the drawings the build wrote (its children, which hydration
/// leaves as they are). A step's details are the ones the page's list of steps shows.
#[island]
fn DiagramIsland(children: Children) -> impl IntoView {
    let details = Callback::new(|i: usize| {
        view! { <div class="diagram__listed-step" inner_html=dom::listed_step_html(i)></div> }.into_any()
    });
    view! { <DiagramFigure sop=current_sop() details=details>{children()}</DiagramFigure> }
}

fn date_or_dash(d: Option<chrono::NaiveDate>) -> String {
    d.map(format_date).unwrap_or_else(|| s::SOP_NOT_PRINTED.to_string())
}
