//! The official SOP-AP form (PermenPAN-RB 35/2012) for "Cetak": the identity table and the
//! procedure table with one column per pelaksana and the flowchart symbol in the performer's
//! column, and a QR code to the page. In every SOP page's HTML, hidden on screen; the print
//! stylesheet shows it on its own A4 landscape pages (`@page sop-ap`).

use leptos::prelude::*;
use sop_domain::catalogue::Sop;
use sop_domain::duration::format_range;
use sop_domain::locale::format_date;

use crate::catalogue_data::catalogue;
use crate::views::diagram::PrintDiagram;
use crate::strings as s;

#[derive(Clone, Copy)]
enum Symbol {
    Terminator,
    Process,
    Decision,
}

fn symbol_of(sop: &Sop, index: usize) -> Symbol {
    if sop.is_decision(index) {
        Symbol::Decision
    } else if index == 0 || index + 1 == sop.steps.len() {
        Symbol::Terminator
    } else {
        Symbol::Process
    }
}

fn symbol_svg(symbol: Symbol) -> impl IntoView {
    let shape = match symbol {
        Symbol::Terminator => view! { <rect x="2" y="4" width="56" height="20" rx="10"/> }.into_any(),
        Symbol::Process => view! { <rect x="4" y="4" width="52" height="20"/> }.into_any(),
        Symbol::Decision => view! { <polygon points="30,1 58,14 30,27 2,14"/> }.into_any(),
    };
    view! {
        <svg class="print-symbol" viewBox="0 0 60 28" width="60" height="28" aria-hidden="true">{shape}</svg>
    }
}

/// A QR code of a page's address: SVG markup made by the site generator (never by the
/// bundles), and the address it encodes, printed under it.
#[derive(Clone, Debug, PartialEq)]
pub struct QrCode {
    pub svg: String,
    pub url: String,
}

/// The QR code with its caption, for the printed form and the printed checklist.
#[component]
pub fn QrBlock(qr: QrCode, #[prop(into)] class: String) -> impl IntoView {
    view! {
        <figure class=format!("print-qr {class}")>
            <div class="print-qr__code" inner_html=qr.svg/>
            <figcaption class="print-qr__caption">{s::PRINT_QR_CAPTION} <span class="mono">{qr.url}</span></figcaption>
        </figure>
    }
}

fn lines(items: &[sop_domain::catalogue::Text]) -> impl IntoView {
    view! { <ol class="print-list">{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ol> }
}

fn dash_if_empty(text: &str) -> String {
    if text.trim().is_empty() { s::SOP_NOT_PRINTED.to_string() } else { text.to_string() }
}

#[component]
pub fn PrintForm(sop: &'static Sop, qr: Option<QrCode>) -> impl IntoView {
    let date = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_else(|| s::SOP_NOT_PRINTED.to_string());
    let related: Vec<sop_domain::catalogue::Text> = sop
        .related
        .iter()
        .map(|r| match r.sop_id.as_deref().and_then(|id| catalogue().sop(id)) {
            Some(other) => format!("SOP {}", other.title).into(),
            None => r.text.clone(),
        })
        .collect();
    let lanes = sop.lanes.len();
    view! {
        <section class="sop-print" aria-label=s::ACTION_PRINT>
            {qr.map(|qr| view! { <QrBlock qr=qr class="print-qr--form"/> })}
            <table class="print-identity">
                <tbody>
                    <tr>
                        <td rowspan="5" class="print-identity__office">
                            <strong>{s::PRINT_GOV}</strong><br/>{s::PRINT_OFFICE}
                        </td>
                        <th scope="row">{s::SOP_NUMBER}</th><td>{dash_if_empty(&sop.number)}</td>
                    </tr>
                    <tr><th scope="row">{s::SOP_CREATED}</th><td>{date(sop.created)}</td></tr>
                    <tr><th scope="row">{s::SOP_REVISED}</th><td>{date(sop.revised)}</td></tr>
                    <tr><th scope="row">{s::SOP_EFFECTIVE}</th><td>{date(sop.effective)}</td></tr>
                    <tr><th scope="row">{s::SOP_APPROVED_BY}</th><td>{dash_if_empty(&sop.approved_by)}</td></tr>
                    <tr>
                        <td class="print-identity__unit"><strong>{sop.unit.to_uppercase()}</strong></td>
                        <th scope="row">{s::PRINT_SOP_NAME}</th><td><strong>{sop.title.clone()}</strong></td>
                    </tr>
                </tbody>
            </table>
            <table class="print-identity print-identity--sections">
                <tbody>
                    <tr>
                        <td><h3>{s::SOP_LEGAL}</h3>{lines(&sop.legal_basis)}</td>
                        <td><h3>{s::SOP_QUALIFICATIONS}</h3>{lines(&sop.qualifications)}</td>
                    </tr>
                    <tr>
                        <td><h3>{s::SOP_RELATED}</h3>{lines(&related)}</td>
                        <td><h3>{s::SOP_EQUIPMENT}</h3>{lines(&sop.equipment)}</td>
                    </tr>
                    <tr>
                        <td><h3>{s::SOP_WARNING}</h3><p>{sop.warning.clone()}</p></td>
                        <td><h3>{s::SOP_RECORDS}</h3>{lines(&sop.records)}</td>
                    </tr>
                </tbody>
            </table>
            <table class="print-procedure" data-lanes=lanes>
                <caption>{sop.title.clone()}</caption>
                <colgroup>
                    <col class="c-no"/><col class="c-activity"/>
                    {(0..lanes).map(|_| view! { <col class="c-lane"/> }).collect_view()}
                    <col class="c-inputs"/><col class="c-time"/><col class="c-output"/><col class="c-note"/>
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">{s::PRINT_NO}</th>
                        <th scope="col" rowspan="2">{s::PRINT_ACTIVITY}</th>
                        <th scope="colgroup" colspan=lanes>{s::PRINT_PELAKSANA}</th>
                        <th scope="colgroup" colspan="3">{s::PRINT_MUTU_BAKU}</th>
                        <th scope="col" rowspan="2">{s::SOP_STEP_NOTE}</th>
                    </tr>
                    <tr>
                        {sop.lanes.iter().map(|l| view! { <th scope="col" class="print-procedure__lane">{l.clone()}</th> }).collect_view()}
                        <th scope="col">{s::SOP_STEP_INPUTS}</th>
                        <th scope="col">{s::SOP_STEP_TIME}</th>
                        <th scope="col">{s::SOP_STEP_OUTPUT}</th>
                    </tr>
                </thead>
                <tbody>
                    {sop.steps.iter().enumerate().map(|(i, step)| {
                        let symbol = symbol_of(sop, i);
                        view! {
                            <tr>
                                <td class="num">{step.no}</td>
                                <td>{step.text.clone()}</td>
                                {(0..lanes).map(|l| view! {
                                    <td class="print-procedure__cell">{(l == step.lane_index).then(|| symbol_svg(symbol))}</td>
                                }).collect_view()}
                                <td>{step.inputs.clone()}</td>
                                <td>{step.duration.clone()}</td>
                                <td>{step.output.clone()}</td>
                                <td>{step.note.clone()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <td></td>
                        <th scope="row" colspan=lanes + 1>{s::PRINT_TOTAL}</th>
                        <td colspan="4">{
                            if sop.stated_total.is_empty() {
                                format_range(sop.total.min_minutes, sop.total.max_minutes)
                            } else {
                                sop.stated_total.to_string()
                            }
                        }</td>
                    </tr>
                </tfoot>
            </table>
            <section class="print-diagram">
                <PrintDiagram sop=sop/>
            </section>
        </section>
    }
}
