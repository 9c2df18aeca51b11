//! The pairing QR string as a square of dark and light modules, so every shell draws the
//! same code from the core without a QR library of its own.

use qrcode::{EcLevel, QrCode};

use crate::error::{Error, Result};

/// The longest text a pairing QR code carries; the QR string is far shorter.
const TEXT_MAX_BYTES: usize = 256;

/// A QR code: `size` × `size` modules, row by row, `true` for dark. Draw it with a quiet
/// zone of four modules around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    pub size: u32,
    pub dark: Vec<bool>,
}

/// Encodes `text` (a pairing offer's QR string) with medium error correction.
pub fn qr_matrix(text: &str) -> Result<QrMatrix> {
    if text.is_empty() || text.len() > TEXT_MAX_BYTES {
        return Err(Error::InvalidInput(format!(
            "a QR code here holds 1 to {TEXT_MAX_BYTES} bytes"
        )));
    }
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| Error::InvalidInput(format!("that text cannot be a QR code: {e}")))?;
    let size = u32::try_from(code.width())
        .map_err(|_| Error::InvalidInput("that QR code is too large".into()))?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Ok(QrMatrix { size, dark })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pairing_string_becomes_a_square_with_finder_patterns() {
        let text = "reconnect-pair:1:0123456789abcdef0123456789abcdef:ABCDE12345";
        let qr = qr_matrix(text).unwrap();
        let n = qr.size as usize;
        assert_eq!(qr.dark.len(), n * n);
        assert_eq!((n - 17) % 4, 0, "a QR side is 17 + 4·version");
        // The three finder patterns: a dark 7×7 ring in three corners.
        for (row, col) in [(0, 0), (0, n - 7), (n - 7, 0)] {
            assert!(qr.dark[row * n + col] && qr.dark[(row + 6) * n + col + 6]);
            assert!(
                !qr.dark[(row + 1) * n + col + 1],
                "the ring's inside is light"
            );
        }
        assert_ne!(qr_matrix("another text").unwrap(), qr);
    }

    #[test]
    fn empty_or_huge_texts_are_refused() {
        assert!(qr_matrix("").is_err());
        assert!(qr_matrix(&"x".repeat(TEXT_MAX_BYTES + 1)).is_err());
    }
}
