//! Reading the text of a file chosen in an `<input type="file">` (hand-over files, backups).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

pub use layanan_sop::platform::files::{download, MIME_CSV, MIME_JSON, MIME_TEXT};

/// A file the user chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChosenFile {
    pub name: String,
    pub text: String,
}

/// Why a chosen file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    NoFile,
    /// The browser could not read it (removed, not text, too large for memory).
    Unreadable,
}

/// The text of the file chosen in the `<input type="file">` that fired `change_event`. The
/// input is cleared afterwards, so choosing the same file again fires `change` again.
pub fn read_chosen_file(
    change_event: &web_sys::Event,
) -> impl std::future::Future<Output = Result<ChosenFile, ReadError>> + 'static {
    let input = change_event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
    async move {
        let input = input.ok_or(ReadError::NoFile)?;
        let file = input.files().and_then(|list| list.get(0)).ok_or(ReadError::NoFile)?;
        let name = file.name();
        let text = JsFuture::from(file.text()).await;
        input.set_value("");
        text.map_err(|_| ReadError::Unreadable)?
            .as_string()
            .map(|text| ChosenFile { name, text })
            .ok_or(ReadError::Unreadable)
    }
}
