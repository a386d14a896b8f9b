//! Core errors to Python exceptions: one exhaustive mapping by error class. The classes are
//! declared once, in `paycodes/_errors.py`.

use paycodes::{Error, ErrorClass};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// The exception class for an error class (by class name in `paycodes._errors`).
fn class_name(class: ErrorClass) -> &'static str {
    match class {
        ErrorClass::InvalidCode => "InvalidCodeError",
        ErrorClass::ArgumentType => "ArgumentTypeError",
        ErrorClass::ArgumentValue => "InvalidArgumentError",
        ErrorClass::UnknownOption => "UnknownOptionError",
        ErrorClass::Build => "BuildError",
        ErrorClass::InvalidBody => "InvalidBodyError",
        ErrorClass::Internal => "InternalError",
    }
}

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn errors_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    ERRORS.get_or_try_init(py, || py.import("paycodes._errors").map(Bound::unbind)).map(|m| m.bind(py))
}

/// Builds the exception for an error (with `.code`, `.number` and, for batches, `.index`).
pub fn to_py(py: Python<'_>, e: Error, index: Option<usize>) -> PyErr {
    let kind = e.kind();
    let build = || -> PyResult<PyErr> {
        let cls = errors_module(py)?.getattr(class_name(kind.class()))?.cast_into::<PyType>()?;
        let message = match index {
            Some(i) => format!("item {i}: {e}"),
            None => e.to_string(),
        };
        let value = cls.call1((message, kind.id(), kind.number(), index))?;
        Ok(PyErr::from_value(value))
    };
    build().unwrap_or_else(|err| err)
}

/// A Rust panic inside paycodes, caught at the boundary.
pub fn panic(py: Python<'_>) -> PyErr {
    let e = to_py(py, Error::Internal, None);
    let _ = e.value(py).setattr("__notes__", vec!["paycodes panicked; the panic was caught at the boundary"]);
    e
}

/// Runs `f` and turns a panic into `InternalError` (pyo3's own `PanicException` derives from
/// `BaseException`, which `except Exception` would not catch).
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(_) => Err(panic(py)),
    }
}
