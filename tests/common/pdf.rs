//! Small PDFs built on the fly, hostile ones included: each case of issue 16
//! as a few objects, so no test needs a multi-megabyte fixture.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::sync::OnceLock;

/// A PDF's objects, numbered from 1 in order; object 1 is the catalog.
pub struct Pdf {
    objects: Vec<Vec<u8>>,
}

impl Pdf {
    pub fn new() -> Self {
        Pdf {
            objects: Vec::new(),
        }
    }

    /// Adds an object (its body, without `N 0 obj`) and returns its number.
    pub fn add(&mut self, body: impl AsRef<[u8]>) -> usize {
        self.objects.push(body.as_ref().to_vec());
        self.objects.len()
    }

    /// Sets object `number`'s body (after reserving it with [`Pdf::add`]).
    pub fn set(&mut self, number: usize, body: impl AsRef<[u8]>) {
        self.objects[number - 1] = body.as_ref().to_vec();
    }

    /// The file: header, objects, cross-reference table, trailer.
    pub fn bytes(&self) -> Vec<u8> {
        let mut out = b"%PDF-1.5\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::new();
        for (index, body) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            writeln!(out, "{} 0 obj", index + 1).unwrap();
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        write!(out, "xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).unwrap();
        for offset in offsets {
            writeln!(out, "{offset:010} 00000 n ").unwrap();
        }
        write!(
            out,
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            self.objects.len() + 1
        )
        .unwrap();
        out
    }
}

/// A stream object's body: `dict` entries (without `<<`, `>>` and
/// `/Length`), then the data.
pub fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< /Length {} {dict} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// zlib data.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// Raw deflate data (no zlib header).
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// ASCII85 text of `data`, with its `~>` end marker.
pub fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 5 / 4 + 8);
    for chunk in data.chunks(4) {
        let mut group = [0u8; 4];
        group[..chunk.len()].copy_from_slice(chunk);
        let value = u32::from_be_bytes(group);
        if value == 0 && chunk.len() == 4 {
            out.push(b'z');
            continue;
        }
        let mut digits = [0u8; 5];
        let mut rest = value;
        for digit in digits.iter_mut().rev() {
            *digit = (rest % 85) as u8 + b'!';
            rest /= 85;
        }
        out.extend_from_slice(&digits[..chunk.len() + 1]);
    }
    out.extend_from_slice(b"~>");
    out
}

/// Bytes past the 32 MiB a stream may inflate to.
pub const BOMB_BYTES: usize = 33 << 20;

/// [`BOMB_BYTES`] spaces, zlib-compressed (about 33 KB), made once.
pub fn zlib_bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| zlib(&vec![b' '; BOMB_BYTES]))
}

/// LZW codes (9 bits, most significant bit first) that decode to more than
/// [`BOMB_BYTES`] zero bytes: after each clear code, `0` then codes 258, 259,
/// ... each one byte longer than the last, cleared before the codes would
/// widen.
pub fn lzw_bomb() -> Vec<u8> {
    let mut bits = BitWriter::default();
    let mut decoded = 0usize;
    while decoded <= BOMB_BYTES {
        bits.push(256);
        bits.push(0);
        decoded += 1;
        for code in 258..500u32 {
            bits.push(code);
            decoded += code as usize - 256;
        }
    }
    bits.push(257);
    bits.finish()
}

#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    buffer: u32,
    count: u32,
}

impl BitWriter {
    fn push(&mut self, code: u32) {
        self.buffer = (self.buffer << 9) | code;
        self.count += 9;
        while self.count >= 8 {
            self.count -= 8;
            self.out.push((self.buffer >> self.count) as u8);
        }
        self.buffer &= (1 << self.count) - 1;
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.out.push((self.buffer << (8 - self.count)) as u8);
        }
        self.out
    }
}

const FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
const HELLO: &[u8] = b"BT /F1 12 Tf 72 720 Td (Hello from a hostile file) Tj ET\n";

/// A one-page PDF: catalog, pages, page (with `page_extra` entries), its
/// content stream (with `content_dict` entries and `content` data) and a
/// font. Returns the builder, to add more objects; the page is object 3,
/// its content object 4, the font object 5.
pub fn one_page(page_extra: &str, content_dict: &str, content: &[u8]) -> Pdf {
    let mut pdf = Pdf::new();
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
    pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    pdf.add(format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R {page_extra} >>"
    ));
    pdf.add(stream(content_dict, content));
    pdf.add(FONT);
    pdf
}

/// A readable one-page PDF that says `text`.
pub fn plain(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    one_page(
        "/Resources << /Font << /F1 5 0 R >> >>",
        "",
        content.as_bytes(),
    )
    .bytes()
}

/// One hostile PDF: its name, its bytes, and the start of the reason it must
/// be refused with (`corrupt` or `too-complex`).
pub struct Hostile {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub code: &'static str,
    pub reason: &'static str,
}

/// Every hostile case of issue 16's defects 1 to 4, made once.
pub fn hostile() -> &'static [Hostile] {
    static CASES: OnceLock<Vec<Hostile>> = OnceLock::new();
    CASES.get_or_init(make_hostile)
}

/// A case: its name, how to make it, its error code and reason.
type Case = (&'static str, fn() -> Vec<u8>, &'static str, &'static str);

fn make_hostile() -> Vec<Hostile> {
    let cases: Vec<Case> = vec![
        (
            "form-draws-itself-without-resources",
            form_draws_itself,
            "corrupt",
            "XObject 6 0 R draws itself",
        ),
        (
            "not-a-form-names-itself",
            not_a_form_names_itself,
            "corrupt",
            "XObject 6 0 R draws itself",
        ),
        (
            "page-content-is-its-own-xobject",
            page_content_is_its_own_xobject,
            "corrupt",
            "XObject 4 0 R draws itself",
        ),
        (
            "chain-of-20000-xobjects",
            xobject_chain,
            "too-complex",
            "XObjects nest deeper than 32 levels",
        ),
        (
            "chain-of-20000-forms-each-naming-the-next",
            form_chain,
            "too-complex",
            "form XObjects nest deeper than 16 levels",
        ),
        (
            "parent-cycle",
            parent_cycle,
            "corrupt",
            "the page tree's /Parent links loop",
        ),
        (
            "bomb-junk-zlib-header",
            bomb_junk_header,
            "too-complex",
            "a stream inflates to more than 32 MiB",
        ),
        (
            "bomb-ascii85-flate-chain",
            bomb_ascii85_chain,
            "too-complex",
            "a stream inflates to more than 32 MiB",
        ),
        (
            "bomb-imagery-key",
            bomb_imagery_key,
            "too-complex",
            "a stream inflates to more than 32 MiB",
        ),
        (
            "bomb-long-dictionary",
            bomb_long_dictionary,
            "too-complex",
            "a stream inflates to more than 32 MiB",
        ),
        (
            "bomb-lzw",
            bomb_lzw,
            "too-complex",
            "a stream inflates to more than 32 MiB",
        ),
        (
            "bomb-object-stream",
            bomb_object_stream,
            "too-complex",
            "a stream inflates to more than 32 MiB",
        ),
        (
            "q-and-Q-4-MiB",
            q_and_big_q,
            "too-complex",
            "a page runs more than 1000000 content operations",
        ),
        (
            "q-nested-1-MiB",
            q_nested,
            "too-complex",
            "graphics states nest deeper than 1024 levels",
        ),
        (
            "500-pages-share-a-30-MiB-stream",
            pages_share_a_stream,
            "too-complex",
            "its streams inflate to more than 256 MiB",
        ),
        (
            "a-million-operands",
            million_operands,
            "too-complex",
            "an operation has too many operands",
        ),
        (
            "tounicode-range-of-4-billion",
            huge_tounicode_range,
            "too-complex",
            "a ToUnicode map covers too many codes",
        ),
    ];
    cases
        .into_iter()
        .map(|(name, make, code, reason)| Hostile {
            name,
            bytes: make(),
            code,
            reason,
        })
        .collect()
}

/// A page that says hello, then draws XObject 6 (named /X), whose
/// dictionary has `xobject_dict` and whose content draws /X.
fn draws_object_6(xobject_dict: &str) -> Vec<u8> {
    let mut content = HELLO.to_vec();
    content.extend_from_slice(b"/X Do\n");
    let mut pdf = one_page(
        "/Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >>",
        "",
        &content,
    );
    pdf.add(stream(xobject_dict, b"/X Do"));
    pdf.bytes()
}

/// A form with no /Resources draws itself through the page's resources.
fn form_draws_itself() -> Vec<u8> {
    draws_object_6("/Type /XObject /Subtype /Form /BBox [0 0 612 792]")
}

/// An XObject not marked /Form whose own resources name it.
fn not_a_form_names_itself() -> Vec<u8> {
    draws_object_6("/Type /XObject /Resources << /XObject << /X 6 0 R >> >>")
}

/// A page whose content stream is named as an XObject in its own resources.
fn page_content_is_its_own_xobject() -> Vec<u8> {
    let mut content = HELLO.to_vec();
    content.extend_from_slice(b"/X Do\n");
    one_page(
        "/Resources << /Font << /F1 5 0 R >> /XObject << /X 4 0 R >> >>",
        "/Type /XObject /Subtype /Form",
        &content,
    )
    .bytes()
}

/// A chain of 20,000 forms, none drawing itself, all named in the page's
/// resources: form N draws form N+1.
fn xobject_chain() -> Vec<u8> {
    const LENGTH: usize = 20_000;
    let first = 6;
    let names: String = (0..LENGTH)
        .map(|i| format!("/X{i} {} 0 R ", first + i))
        .collect();
    let mut content = HELLO.to_vec();
    content.extend_from_slice(b"/X0 Do\n");
    let mut pdf = one_page(
        &format!("/Resources << /Font << /F1 5 0 R >> /XObject << {names}>> >>"),
        "",
        &content,
    );
    for i in 0..LENGTH {
        let draws = if i + 1 < LENGTH {
            format!("/X{} Do", i + 1)
        } else {
            String::new()
        };
        pdf.add(stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 612 792]",
            draws.as_bytes(),
        ));
    }
    pdf.bytes()
}

/// A chain of 20,000 forms, each naming the next in its own resources.
fn form_chain() -> Vec<u8> {
    const LENGTH: usize = 20_000;
    let first = 6;
    let mut content = HELLO.to_vec();
    content.extend_from_slice(b"/X Do\n");
    let mut pdf = one_page(
        &format!("/Resources << /Font << /F1 5 0 R >> /XObject << /X {first} 0 R >> >>"),
        "",
        &content,
    );
    for i in 0..LENGTH {
        let (resources, draws) = if i + 1 < LENGTH {
            (
                format!("/Resources << /XObject << /X {} 0 R >> >>", first + i + 1),
                "/X Do",
            )
        } else {
            (String::new(), "")
        };
        pdf.add(stream(
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 612 792] {resources}"),
            draws.as_bytes(),
        ));
    }
    pdf.bytes()
}

/// Two pages; the second has no MediaBox and its /Parent links loop.
fn parent_cycle() -> Vec<u8> {
    let mut pdf = Pdf::new();
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
    pdf.add("<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>");
    pdf.add(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>",
    );
    pdf.add(stream("", HELLO));
    pdf.add(FONT);
    pdf.add(
        "<< /Type /Page /Parent 7 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    );
    pdf.add("<< /Type /Pages /Parent 8 0 R /Kids [6 0 R] /Count 1 >>");
    pdf.add("<< /Type /Pages /Parent 7 0 R /Kids [7 0 R] /Count 1 >>");
    pdf.bytes()
}

fn fonts() -> &'static str {
    "/Resources << /Font << /F1 5 0 R >> >>"
}

/// Two junk bytes instead of a zlib header: lopdf retries raw deflate.
fn bomb_junk_header() -> Vec<u8> {
    let mut data = b"xx".to_vec();
    data.extend_from_slice(&deflate(&vec![b' '; BOMB_BYTES]));
    one_page(fonts(), "/Filter /FlateDecode", &data).bytes()
}

/// `[/ASCII85Decode /FlateDecode]`.
fn bomb_ascii85_chain() -> Vec<u8> {
    one_page(
        fonts(),
        "/Filter [/ASCII85Decode /FlateDecode]",
        &ascii85(zlib_bomb()),
    )
    .bytes()
}

/// A key named /Imagery.
fn bomb_imagery_key() -> Vec<u8> {
    one_page(fonts(), "/Imagery true /Filter /FlateDecode", zlib_bomb()).bytes()
}

/// A stream dictionary over 2 KiB.
fn bomb_long_dictionary() -> Vec<u8> {
    let padding = format!("/Padding ({})", "x".repeat(3000));
    one_page(
        fonts(),
        &format!("/Filter /FlateDecode {padding}"),
        zlib_bomb(),
    )
    .bytes()
}

/// `/LZWDecode`.
fn bomb_lzw() -> Vec<u8> {
    one_page(fonts(), "/Filter /LZWDecode", &lzw_bomb()).bytes()
}

/// An object stream that inflates past the limit, holding the font.
fn bomb_object_stream() -> Vec<u8> {
    let mut pdf = one_page(fonts(), "", HELLO);
    pdf.set(
        5,
        stream(
            "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
            zlib_bomb(),
        ),
    );
    pdf.bytes()
}

/// 4 MiB of `q Q` operators, compressed to a few kilobytes.
fn q_and_big_q() -> Vec<u8> {
    let mut content = HELLO.to_vec();
    content.extend_from_slice(&b"q Q ".repeat(1 << 20));
    one_page(fonts(), "/Filter /FlateDecode", &zlib(&content)).bytes()
}

/// `q` nested a million levels deep.
fn q_nested() -> Vec<u8> {
    let mut content = HELLO.to_vec();
    content.extend_from_slice(&b"q ".repeat(1 << 20));
    one_page(fonts(), "/Filter /FlateDecode", &zlib(&content)).bytes()
}

/// 500 pages that all draw one stream of 30 MiB.
fn pages_share_a_stream() -> Vec<u8> {
    let mut content = HELLO.to_vec();
    content.resize(30 << 20, b' ');
    let mut pdf = Pdf::new();
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
    let kids: String = (0..500).map(|i| format!("{} 0 R ", 5 + i)).collect();
    pdf.add(format!("<< /Type /Pages /Kids [{kids}] /Count 500 >>"));
    pdf.add(stream("/Filter /FlateDecode", &zlib(&content)));
    pdf.add(FONT);
    for _ in 0..500 {
        pdf.add(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R \
             /Resources << /Font << /F1 4 0 R >> >> >>",
        );
    }
    pdf.bytes()
}

/// A million numbers before one operator.
fn million_operands() -> Vec<u8> {
    let mut content = HELLO.to_vec();
    content.extend_from_slice(&b"0 ".repeat(1 << 20));
    content.extend_from_slice(b"Tj");
    one_page(fonts(), "/Filter /FlateDecode", &zlib(&content)).bytes()
}

/// A ToUnicode map whose one range covers every 32-bit code.
fn huge_tounicode_range() -> Vec<u8> {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
        1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange \
        1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange endcmap end end";
    let mut pdf = one_page(fonts(), "", HELLO);
    pdf.set(
        5,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
    );
    pdf.add(stream("", cmap));
    pdf.bytes()
}
