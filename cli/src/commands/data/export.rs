//! `reconnect export`: everything as JSON, or a readable Markdown/HTML report, written
//! crash-safely to a private file that is never silently overwritten.

use std::path::{Path, PathBuf};

use reconnect_core::{Reconnect, ReportFormat};
use serde_json::json;

use crate::args::{ExportArgs, ExportFormat};
use crate::context::Locations;
use crate::error::CliError;
use crate::output::Output;
use crate::paths;
use crate::private_file::{self, Existing};

/// The file to write, checked before the store is opened: not the key, not inside the
/// data directory, and not an existing file unless `--force`.
pub fn target(args: &ExportArgs, at: &Locations) -> Result<PathBuf, CliError> {
    let out = paths::normalise(&args.out)?;
    if out == at.key_file {
        return Err(CliError::Usage(format!(
            "{} is Reconnect's key file; write the export somewhere else",
            out.display()
        )));
    }
    if out.starts_with(&at.data_dir) {
        return Err(CliError::Usage(format!(
            "{} is inside the data directory {}, which holds only the encrypted store; \
             write the export somewhere else",
            out.display(),
            at.data_dir.display()
        )));
    }
    if out.is_dir() {
        return Err(CliError::Usage(format!(
            "{} is a directory; give a file name, e.g. --out {}",
            out.display(),
            out.join(default_name(args.format)).display()
        )));
    }
    if out.exists() && !args.force {
        return Err(exists(&out));
    }
    Ok(out)
}

pub fn run(
    app: &Reconnect,
    format: ExportFormat,
    out: &Path,
    force: bool,
    json: bool,
) -> Result<Output, CliError> {
    let text = match format {
        ExportFormat::Json => app.export_json()?,
        ExportFormat::Markdown => app.report(ReportFormat::Markdown)?,
        ExportFormat::Html => app.report(ReportFormat::Html)?,
    };
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    private_file::write(out, text.as_bytes(), existing).map_err(|err| {
        if private_file::already_exists(&err) {
            exists(out)
        } else {
            private_file::io_error(out, err)
        }
    })?;
    let output = if json {
        Output::json(&json!({
            "written": out,
            "format": code(format),
            "bytes": text.len(),
        }))?
    } else {
        let what = match format {
            ExportFormat::Json => "Exported everything you recorded",
            ExportFormat::Markdown | ExportFormat::Html => "Wrote your report",
        };
        let mut lines = vec![
            format!("{what} to {} ({}).", out.display(), size(text.len())),
            "Only you can read the file, but it is not encrypted: keep it somewhere safe, and \
             delete it when you no longer need it."
                .into(),
        ];
        if format == ExportFormat::Json {
            lines.push("`reconnect import FILE` restores it into an empty store.".into());
        }
        Output::lines(lines)
    };
    Ok(output.saved("the export was written"))
}

fn exists(out: &Path) -> CliError {
    CliError::Usage(format!(
        "{} already exists; add --force to replace it, or choose another --out",
        out.display()
    ))
}

fn code(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Json => "json",
        ExportFormat::Markdown => "md",
        ExportFormat::Html => "html",
    }
}

fn default_name(format: ExportFormat) -> String {
    format!("reconnect-export.{}", code(format))
}

/// "12.3 KB".
fn size(bytes: usize) -> String {
    match bytes {
        0..1024 => format!("{bytes} bytes"),
        1024..1_048_576 => format!("{:.1} KB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_plainly() {
        assert_eq!(size(900), "900 bytes");
        assert_eq!(size(12_595), "12.3 KB");
        assert_eq!(size(3 * 1_048_576), "3.0 MB");
    }
}
