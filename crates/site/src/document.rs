//! The HTML documents around the rendered bodies: the head (title, description, previews,
//! structured data, styles) and the small inline loader that starts the right bundle.
//!
//! Which bundle a document loads follows who the page is for: the public pages load the
//! citizen bundle (islands only); the staff pages load the staff bundle. `404.html` is served
//! for any unknown address, the staff app's deep links (`/kasus/<id>`) included where a host
//! cannot rewrite them, so its loader looks at the address first.

use serde::Deserialize;

use crate::meta::{Head, Site};
use layanan_sop::routes::STAFF_ROUTES;
use layanan_sop::strings as s;

/// The hashed files of the two Trunk builds (written by scripts/post-build.mjs).
#[derive(Clone, Debug, Deserialize)]
pub struct Assets {
    /// The katalog's bundle (search); also starts 404.html and offline.html.
    pub katalog: Bundle,
    /// The SOP pages' bundle.
    pub sop: Bundle,
    pub staff: Bundle,
    pub css: Css,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Bundle {
    pub js: String,
    pub wasm: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Css {
    pub main: String,
    pub diagram: String,
    pub kasus: String,
    pub laporan: String,
}

/// Which app a document belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A public page: the citizen bundle hydrates its islands.
    Public { diagram: bool },
    /// A staff page: the staff bundle draws it.
    Staff,
    /// 404.html: a public page, or the staff app when the address is one of its routes.
    Fallback,
}

pub struct Document<'a> {
    pub site: &'a Site,
    pub assets: &'a Assets,
    pub version: &'a str,
    pub head: Head,
    pub kind: Kind,
    pub body: String,
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

impl Document<'_> {
    fn asset(&self, file: &str) -> String {
        format!("{}/{}", self.site.base, file)
    }

    pub fn render(&self) -> String {
        let head = &self.head;
        let mut h = String::new();
        // `data-side` names the app; a host (and tests/e2e/server.mjs) can route by it.
        let side = if self.kind == Kind::Staff { "staff" } else { "public" };
        h.push_str(&format!("<!DOCTYPE html>\n<html lang=\"id\" data-side=\"{side}\">\n<head>\n<meta charset=\"utf-8\">\n"));
        h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // Before any link or script: they resolve against it.
        h.push_str(&format!("<base href=\"{}/\">\n", self.site.base));
        h.push_str(&format!("<title>{}</title>\n", esc(&head.title)));
        h.push_str(&format!("<meta name=\"description\" content=\"{}\">\n", esc(&head.description)));
        match &head.canonical {
            Some(route) => {
                let url = self.site.url(route);
                h.push_str(&format!("<link rel=\"canonical\" href=\"{}\">\n", esc(&url)));
                h.push_str("<meta property=\"og:type\" content=\"website\">\n");
                h.push_str(&format!("<meta property=\"og:site_name\" content=\"{}\">\n", esc(s::SITE_NAME)));
                h.push_str("<meta property=\"og:locale\" content=\"id_ID\">\n");
                h.push_str(&format!("<meta property=\"og:title\" content=\"{}\">\n", esc(&head.title)));
                h.push_str(&format!("<meta property=\"og:description\" content=\"{}\">\n", esc(&head.description)));
                h.push_str(&format!("<meta property=\"og:url\" content=\"{}\">\n", esc(&url)));
                h.push_str("<meta name=\"twitter:card\" content=\"summary_large_image\">\n");
                h.push_str(&format!("<meta name=\"twitter:title\" content=\"{}\">\n", esc(&head.title)));
                h.push_str(&format!("<meta name=\"twitter:description\" content=\"{}\">\n", esc(&head.description)));
                if let Some((image, alt)) = &head.image {
                    let image_url = self.site.url(image);
                    h.push_str(&format!("<meta property=\"og:image\" content=\"{}\">\n", esc(&image_url)));
                    h.push_str("<meta property=\"og:image:type\" content=\"image/png\">\n");
                    h.push_str("<meta property=\"og:image:width\" content=\"1200\">\n");
                    h.push_str("<meta property=\"og:image:height\" content=\"630\">\n");
                    h.push_str(&format!("<meta property=\"og:image:alt\" content=\"{}\">\n", esc(alt)));
                    h.push_str(&format!("<meta name=\"twitter:image\" content=\"{}\">\n", esc(&image_url)));
                }
            }
            None => h.push_str("<meta name=\"robots\" content=\"noindex\">\n"),
        }
        h.push_str(&format!("<meta name=\"app-version\" content=\"{}\">\n", esc(self.version)));
        h.push_str("<meta name=\"theme-color\" content=\"#0b5d3b\">\n");
        h.push_str(&format!("<link rel=\"manifest\" href=\"{}\">\n", self.asset("manifest.webmanifest")));
        h.push_str(&format!("<link rel=\"icon\" href=\"{}\" type=\"image/svg+xml\">\n", self.asset("icons/icon.svg")));
        h.push_str(&format!("<link rel=\"icon\" href=\"{}\" type=\"image/png\" sizes=\"32x32\">\n", self.asset("icons/favicon-32.png")));
        h.push_str(&format!("<link rel=\"apple-touch-icon\" href=\"{}\">\n", self.asset("icons/apple-touch-icon.png")));
        let mut css = vec![&self.assets.css.main];
        match self.kind {
            Kind::Public { diagram: true } => css.push(&self.assets.css.diagram),
            Kind::Public { diagram: false } | Kind::Fallback => {}
            Kind::Staff => css.extend([&self.assets.css.diagram, &self.assets.css.kasus, &self.assets.css.laporan]),
        }
        for file in css {
            h.push_str(&format!("<link rel=\"stylesheet\" href=\"{}\">\n", self.asset(file)));
        }
        if let Some(ld) = &head.json_ld {
            // `</` cannot appear in a script element's text; JSON allows it escaped.
            let json = serde_json::to_string(ld).expect("JSON-LD serialises").replace("</", "<\\/");
            h.push_str(&format!("<script type=\"application/ld+json\">{json}</script>\n"));
        }
        // No preload of the citizen bundle: the page is whole without it, and a preload made it
        // compete with the page's own paint (Lighthouse's LCP then waited for the wasm: 1956 ms
        // against 968 ms without, FCP 866 ms, on `/`). A staff shell is nothing without its
        // bundle: the wasm and its JS are asked for with the HTML, not after the JS has run.
        if self.kind == Kind::Staff {
            let st = &self.assets.staff;
            h.push_str(&format!("<link rel=\"modulepreload\" href=\"{}\">\n", self.asset(&st.js)));
            h.push_str(&format!(
                "<link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n",
                self.asset(&st.wasm)
            ));
        }
        h.push_str(&format!("<script type=\"module\">{}</script>\n", self.loader()));
        h.push_str("</head>\n<body>\n");
        if self.kind == Kind::Fallback {
            // Before anything is drawn: a staff address shows "Memuat…", not "not found".
            h.push_str(&format!("<script>{}</script>\n", self.staff_route_check()));
        }
        h.push_str(&self.body);
        h.push_str("\n</body>\n</html>\n");
        h
    }

    /// `/^\/(kasus|laporan|…)(\/|$)/`: the staff app's routes (from `routes::STAFF_ROUTES`).
    fn staff_pattern() -> String {
        let names: Vec<&str> = STAFF_ROUTES.iter().map(|r| r.trim_start_matches('/')).collect();
        format!("/^\\/({})(\\/|$)/", names.join("|"))
    }

    fn staff_route_check(&self) -> String {
        format!(
            "if({}.test(location.pathname.slice({}).replace(/^$/,'/')))document.documentElement.classList.add('staff-route');",
            Self::staff_pattern(),
            self.site.base.len()
        )
    }

    /// The citizen bundle of this kind of page.
    fn citizen_bundle(&self) -> &Bundle {
        match self.kind {
            Kind::Public { diagram: true } => &self.assets.sop,
            _ => &self.assets.katalog,
        }
    }

    fn citizen_loader(&self) -> String {
        let c = self.citizen_bundle();
        // The bundle is asked for only once the written page's largest paint is reported, so
        // it never competes with the page's own bytes on a slow line (Lighthouse's simulation
        // otherwise puts the wasm on the LCP's path: a task after the next frame can still run
        // before that frame is presented). Without LCP entries (Safari), two frames; a hidden
        // tab paints nothing and starts at once; 3 s is the safety net, never the plan.
        // Then start, and hydrate every island in document order; `data-app="ready"` says the
        // page answers (the tests and the benchmark wait for it).
        format!(
            "if(document.visibilityState!=='hidden')await new Promise(r=>{{const go=()=>setTimeout(r),P=window.PerformanceObserver;setTimeout(r,3000);\
             if(P&&(P.supportedEntryTypes||[]).includes('largest-contentful-paint'))new P((l,o)=>{{o.disconnect();go()}}).observe({{type:'largest-contentful-paint',buffered:true}});\
             else requestAnimationFrame(()=>requestAnimationFrame(go))}});\
             const app=await import('{js}');await app.default({{module_or_path:'{wasm}'}});app.start();\
             for(const el of document.querySelectorAll('leptos-island')){{const f=app[el.dataset.component];\
             if(f)f(el);else console.error('island without code: '+el.dataset.component)}}\
             document.documentElement.dataset.app='ready';",
            js = self.asset(&c.js),
            wasm = self.asset(&c.wasm),
        )
    }

    fn staff_loader(&self) -> String {
        let st = &self.assets.staff;
        format!(
            "const m=await import('{js}');await m.default({{module_or_path:'{wasm}'}});",
            js = self.asset(&st.js),
            wasm = self.asset(&st.wasm),
        )
    }

    fn loader(&self) -> String {
        match self.kind {
            Kind::Public { .. } => self.citizen_loader(),
            Kind::Staff => self.staff_loader(),
            Kind::Fallback => {
                let css = &self.assets.css;
                let links: Vec<String> = [&css.diagram, &css.kasus, &css.laporan]
                    .iter()
                    .map(|f| format!("'{}'", self.asset(f)))
                    .collect();
                format!(
                    "if(document.documentElement.classList.contains('staff-route')){{\
                     for(const href of[{links}]){{const l=document.createElement('link');l.rel='stylesheet';l.href=href;document.head.append(l)}}\
                     {staff}}}else{{{citizen}}}",
                    links = links.join(","),
                    staff = self.staff_loader(),
                    citizen = self.citizen_loader(),
                )
            }
        }
    }
}
