//! Bytes to text: UTF-8, UTF-16 with a byte-order mark, or Windows-1252; empty
//! and binary content refused.

use std::borrow::Cow;

use super::InputErrorKind;

/// Decodes text bytes. A UTF-8 or UTF-16 byte-order mark decides the encoding
/// (and is dropped); without one, valid UTF-8 is UTF-8, and invalid UTF-8 that
/// reads as plausible Windows-1252 (which covers Latin-1) is decoded as that.
/// Owned UTF-8 bytes become the text without a copy.
pub(crate) fn decode_text<'a>(bytes: impl Into<Cow<'a, [u8]>>) -> Result<String, InputErrorKind> {
    let bytes = bytes.into();
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return non_empty(decode_utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return non_empty(decode_utf16(rest, u16::from_be_bytes));
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let body = &bytes[bom..];
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(InputErrorKind::Empty);
    }
    if looks_binary(body) {
        return Err(InputErrorKind::Binary);
    }
    // A copy only when the bytes are borrowed; owned UTF-8 becomes the text as is.
    let mut bytes = bytes.into_owned();
    bytes.drain(..bom);
    String::from_utf8(bytes).or_else(|err| {
        let offset = err.utf8_error().valid_up_to();
        let bytes = err.into_bytes();
        if plausible_windows_1252(&bytes) {
            Ok(decode_windows_1252(&bytes))
        } else {
            Err(InputErrorKind::InvalidUtf8 { offset })
        }
    })
}

fn non_empty(text: String) -> Result<String, InputErrorKind> {
    if text.trim().is_empty() {
        return Err(InputErrorKind::Empty);
    }
    if looks_binary(text.as_bytes()) {
        return Err(InputErrorKind::Binary);
    }
    Ok(text)
}

/// UTF-16 code units to text; an unpaired surrogate becomes U+FFFD and an odd
/// last byte is dropped.
fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// A NUL byte anywhere, or control bytes (other than white space) making up
/// more than a tenth of the bytes: the whole text is looked at, so binary
/// data behind a text header is found too.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    // One branch-free pass (it vectorizes), in blocks whose counts fit a byte.
    let (mut control, mut nul) = (0usize, false);
    for block in bytes.chunks(255) {
        let (mut count, mut zero) = (0u8, 0u8);
        for &b in block {
            let is_control = (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0C);
            count += u8::from(is_control);
            zero |= u8::from(b == 0);
        }
        control += usize::from(count);
        nul |= zero != 0;
    }
    nul || control.saturating_mul(10) > bytes.len()
}

/// Windows-1252 for bytes 0x80 to 0x9F; `None` where the code page has no
/// character.
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The Windows-1252 character for a byte (Latin-1 outside 0x80..=0x9F).
pub(crate) fn windows_1252_char(byte: u8) -> Option<char> {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => Some(char::from(byte)),
    }
}

/// Decodes Windows-1252; a byte with no character becomes U+FFFD.
pub(crate) fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| windows_1252_char(b).unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Invalid UTF-8 is taken for Windows-1252 when every byte has a character
/// there and the bytes above 0x7F are not mostly well-formed UTF-8 sequences
/// (which would make it damaged UTF-8 instead).
fn plausible_windows_1252(bytes: &[u8]) -> bool {
    if bytes.iter().any(|&b| windows_1252_char(b).is_none()) {
        return false;
    }
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                valid += text.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(err) => {
                let (good, bad) = rest.split_at(err.valid_up_to());
                valid += std::str::from_utf8(good)
                    .map_or(0, |text| text.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                rest = &bad[err.error_len().unwrap_or(bad.len()).max(1).min(bad.len())..];
            }
        }
    }
    invalid > valid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_usual_encodings() {
        let table: [(&[u8], &str); 7] = [
            (b"\xEF\xBB\xBFhello", "hello"),
            (b"caf\xc3\xa9", "café"),
            (b"caf\xe9 au lait", "café au lait"),
            (b"\x93C++\x94 \x96 \x80100", "“C++” – €100"),
            (b"\xFF\xFEC\x00#\x00 \x00\xAC\x20", "C# €"),
            (b"\xFE\xFF\x00C\x00#", "C#"),
            (b"line\r\nnext", "line\r\nnext"),
        ];
        for (bytes, text) in table {
            assert_eq!(decode_text(bytes).unwrap(), text, "{bytes:?}");
        }
    }

    #[test]
    fn refuses_empty_binary_and_undecodable_text() {
        assert_eq!(decode_text(b""), Err(InputErrorKind::Empty));
        assert_eq!(decode_text(b" \n\t"), Err(InputErrorKind::Empty));
        assert_eq!(decode_text(b"\xFF\xFE \x00"), Err(InputErrorKind::Empty));
        assert_eq!(
            decode_text(b"\x7fELF\x02\x01\x00\x00"),
            Err(InputErrorKind::Binary)
        );
        // 0x81 has no character in Windows-1252.
        assert_eq!(
            decode_text(b"abc\x81def"),
            Err(InputErrorKind::InvalidUtf8 { offset: 3 })
        );
        // Mostly good UTF-8 with one damaged sequence is not Windows-1252.
        let mut damaged = "café crème brûlée é ".as_bytes().to_vec();
        damaged.push(0xE9);
        assert_eq!(
            decode_text(&damaged),
            Err(InputErrorKind::InvalidUtf8 { offset: 25 })
        );
    }
}
