//! The service worker (generated at build time as `sw.js`, see scripts/post-build.mjs):
//! registration under the app's base path, and the "new version" signal.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{RegistrationOptions, ServiceWorkerRegistration, ServiceWorkerState};

use crate::platform::dom::base_path;

/// How often a long-open tab (the staff keep one open all day) looks for a new version.
const UPDATE_CHECK_MS: i32 = 30 * 60 * 1000;

fn service_workers_supported() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("serviceWorker")).unwrap_or(false))
        .unwrap_or(false)
}

/// Registers `sw.js` and sets `update_available` when a new build has been installed and
/// waits to take over. Does nothing where service workers are unavailable (plain http on a
/// non-localhost address, old browsers): the app still works online.
pub fn register(update_available: RwSignal<bool>) {
    if !service_workers_supported() {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    let base = base_path();
    let options = RegistrationOptions::new();
    options.set_scope(&format!("{base}/"));
    let promise = container.register_with_options(&format!("{base}/sw.js"), &options);
    spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else { return };
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else { return };
        let has_controller = || {
            web_sys::window()
                .map(|w| w.navigator().service_worker().controller().is_some())
                .unwrap_or(false)
        };
        // A worker installed during an earlier visit may already be waiting.
        if reg.waiting().is_some() && has_controller() {
            update_available.set(true);
        }
        // Not the first visit: the worker may now fetch the rest of the catalogue's pages for
        // reading offline (the first visit stays small).
        if let Some(controller) = web_sys::window().and_then(|w| w.navigator().service_worker().controller()) {
            let _ = controller.post_message(&JsValue::from_str("warm"));
        }
        let reg_for_found = reg.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = reg_for_found.installing() else { return };
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                // The first install on a fresh visit has no controller: that is not an update.
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    update_available.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();

        let reg_for_timer = reg.clone();
        let check = Closure::<dyn FnMut()>::new(move || {
            let _ = reg_for_timer.update();
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(
                check.as_ref().unchecked_ref(),
                UPDATE_CHECK_MS,
            );
        }
        check.forget();
    });
}

/// Lets the waiting worker take over and reloads the page once it controls it, so the page,
/// its wasm and its cache all come from the same build.
pub fn apply_update() {
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    spawn_local(async move {
        let Some(window) = web_sys::window() else { return };
        let container = window.navigator().service_worker();
        let Ok(reg) = JsFuture::from(container.get_registration()).await else { return };
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
            let _ = window.location().reload();
            return;
        };
        match reg.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => {
                let _ = window.location().reload();
            }
        }
    });
}
