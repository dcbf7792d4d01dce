//! Randomness for identities: the domain never makes it itself (it takes the uid of a new
//! case as an argument).

/// A new case's origin identity: 96 random bits from the browser's cryptographic generator,
/// in base64url (16 characters: safe in a CouchDB id, a file name and a URL).
pub fn uid() -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bytes = [0u8; 12];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No crypto (very old browser): the clock and Math.random still make two PCs' ids
        // differ in practice.
        let seed = (js_sys::Date::now() as u64) ^ ((js_sys::Math::random() * u64::MAX as f64) as u64);
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (seed >> ((i % 8) * 8)) as u8 ^ (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
        .chunks(3)
        .flat_map(|c| {
            let n = (u32::from(c[0]) << 16) | (u32::from(c[1]) << 8) | u32::from(c[2]);
            [18, 12, 6, 0].map(|s| ALPHABET[((n >> s) & 63) as usize] as char)
        })
        .collect()
}
