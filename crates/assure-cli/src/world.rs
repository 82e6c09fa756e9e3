//! The disk, behind the core's [`World`] trait.

use assure_core::{ReadError, World};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Reads files from the file system; shows paths relative to the working directory.
pub struct FsWorld {
    cwd: Option<PathBuf>,
}

impl FsWorld {
    /// A world rooted at the current directory.
    pub fn new() -> Self {
        FsWorld {
            cwd: std::env::current_dir().ok(),
        }
    }
}

fn io_error(e: std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Other(e.to_string()),
    }
}

/// Removes `.` and resolves `..` lexically, for display.
pub fn tidy(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

impl World for FsWorld {
    fn read(&self, path: &Path, max_size: u64) -> Result<Vec<u8>, ReadError> {
        let file = std::fs::File::open(path).map_err(io_error)?;
        let meta = file.metadata().map_err(io_error)?;
        if meta.is_dir() {
            return Err(ReadError::Other("is a directory".into()));
        }
        if meta.len() > max_size {
            return Err(ReadError::TooLarge(meta.len()));
        }
        let mut buf = Vec::with_capacity(meta.len() as usize);
        // Never read past the limit, even if the file grows meanwhile.
        file.take(max_size + 1)
            .read_to_end(&mut buf)
            .map_err(io_error)?;
        if buf.len() as u64 > max_size {
            return Err(ReadError::TooLarge(buf.len() as u64));
        }
        Ok(buf)
    }

    fn canonicalize(&self, path: &Path) -> Result<PathBuf, ReadError> {
        std::fs::canonicalize(path).map_err(io_error)
    }

    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }

    fn list_dir(&self, path: &Path) -> Result<Vec<PathBuf>, ReadError> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(path).map_err(io_error)? {
            out.push(entry.map_err(io_error)?.path());
        }
        Ok(out)
    }

    fn display(&self, path: &Path) -> String {
        let p = tidy(path);
        if let Some(cwd) = &self.cwd
            && let Ok(rel) = p.strip_prefix(cwd)
        {
            return rel.display().to_string();
        }
        p.display().to_string()
    }
}
