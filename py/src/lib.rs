//! `paycodes._paycodes`: the Python extension. It converts arguments and answers; every
//! decision is the core's. The public package is `paycodes` (python/paycodes/__init__.py).

mod error;
mod types;

use paycodes::{Context, Error, Locale, Raw};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use std::collections::HashMap;
use types::{PyBuilt, PyDecoded, PyNetworkVariant, PyService};

/// A code as the caller gave it.
enum Input<'a> {
    Text(&'a str),
    /// Bytes (read from a file or socket): must be UTF-8, else `invalid_utf8`.
    Bytes(&'a [u8]),
    Int(i64),
    Float(f64),
}

fn input<'a>(obj: &'a Bound<'_, PyAny>) -> Result<Input<'a>, Error> {
    if let Ok(s) = obj.cast::<PyString>() {
        // A str with lone surrogates has no UTF-8 form.
        return s.to_str().map(Input::Text).map_err(|_| Error::InvalidUtf8 { position: 0 });
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Bytes(b.as_bytes()));
    }
    if obj.is_instance_of::<PyBool>() {
        return Err(Error::BadType);
    }
    if obj.is_instance_of::<PyInt>() {
        return match obj.extract::<i64>() {
            Ok(n) => Ok(Input::Int(n)),
            // Beyond 64 bits: too many digits for any code (or negative).
            Err(_) => Err(match obj.lt(0) {
                Ok(true) => Error::NegativeNumber,
                _ => Error::BadLength { family: None, len: obj.str().map(|s| s.len().unwrap_or(0)).unwrap_or(0) },
            }),
        };
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(Input::Float(f.value()));
    }
    Err(Error::BadType)
}

fn decode_input<'a>(i: &Input<'a>, message: Option<&'a str>, ctx: &Context) -> Result<paycodes::Decoded<'a>, Error> {
    match *i {
        Input::Text(s) => paycodes::decode(s, message, ctx),
        Input::Bytes(b) => paycodes::decode_bytes(b, message.map(str::as_bytes), ctx),
        Input::Int(n) => paycodes::decode_integer(n, message, ctx),
        Input::Float(f) => paycodes::decode_float(f, message, ctx),
    }
}

/// An option that must be a str (a str enum member counts) or None.
fn opt_str<'a>(v: Option<&'a Bound<'_, PyAny>>) -> Result<Option<&'a str>, Error> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.cast::<PyString>() {
            Ok(s) => s.to_str().map(Some).map_err(|_| Error::InvalidUtf8 { position: 0 }),
            Err(_) => Err(Error::BadType),
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn context(
    provider: Option<&Bound<'_, PyAny>>,
    family: Option<&Bound<'_, PyAny>>,
    network: Option<&Bound<'_, PyAny>>,
    operation: Option<&Bound<'_, PyAny>>,
    kind: Option<&Bound<'_, PyAny>>,
    locale: Option<&Bound<'_, PyAny>>,
) -> Result<(Context, Locale), Error> {
    let ctx = Context::from_options(
        opt_str(provider)?,
        opt_str(family)?,
        opt_str(network)?,
        opt_str(operation)?,
        opt_str(kind)?,
    )?;
    Ok((ctx, Locale::parse(opt_str(locale)?.unwrap_or("en"))))
}

/// The raw input as it will be reported: the str itself (bytes as the text they encode), or
/// the core's integer.
fn raw_object(py: Python<'_>, code: &Bound<'_, PyAny>, d: &paycodes::Decoded<'_>) -> PyResult<Py<PyAny>> {
    Ok(match d.raw() {
        Raw::Text(_) if code.is_instance_of::<PyString>() => code.clone().unbind(),
        Raw::Text(s) => PyString::new(py, s).into_any().unbind(),
        Raw::Integer(n) => n.into_pyobject(py)?.into_any().unbind(),
    })
}

/// Decodes a payment response code. See `paycodes.decode` (python/paycodes/_paycodes.pyi).
#[pyfunction]
#[pyo3(signature = (code, *, message=None, provider=None, family=None, network=None, operation=None, kind=None, locale=None))]
#[allow(clippy::too_many_arguments)]
fn decode(
    py: Python<'_>,
    code: &Bound<'_, PyAny>,
    message: Option<&Bound<'_, PyAny>>,
    provider: Option<&Bound<'_, PyAny>>,
    family: Option<&Bound<'_, PyAny>>,
    network: Option<&Bound<'_, PyAny>>,
    operation: Option<&Bound<'_, PyAny>>,
    kind: Option<&Bound<'_, PyAny>>,
    locale: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyDecoded> {
    error::guard(py, || {
        let fail = |e| error::to_py(py, e, None);
        let (ctx, locale) = context(provider, family, network, operation, kind, locale).map_err(fail)?;
        let msg = opt_str(message).map_err(fail)?;
        let d = input(code).and_then(|i| decode_input(&i, msg, &ctx)).map_err(fail)?;
        let message = message.and_then(|m| m.cast::<PyString>().ok()).map(|m| m.clone().unbind());
        PyDecoded::new(py, &d, raw_object(py, code, &d)?, message, ctx, locale)
    })
}

/// Decodes many codes with the GIL released while decoding. Items are codes or
/// `(code, message)` tuples; the first malformed item raises with `.index` set.
#[pyfunction]
#[pyo3(signature = (codes, *, provider=None, family=None, network=None, operation=None, kind=None, locale=None))]
#[allow(clippy::too_many_arguments)]
fn decode_many<'py>(
    py: Python<'py>,
    codes: &Bound<'py, PyAny>,
    provider: Option<&Bound<'_, PyAny>>,
    family: Option<&Bound<'_, PyAny>>,
    network: Option<&Bound<'_, PyAny>>,
    operation: Option<&Bound<'_, PyAny>>,
    kind: Option<&Bound<'_, PyAny>>,
    locale: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    error::guard(py, || {
        let (ctx, locale) =
            context(provider, family, network, operation, kind, locale).map_err(|e| error::to_py(py, e, None))?;
        // 1. With the GIL: borrow each item's text (no copies). Items are codes or
        // (code, message) pairs.
        let items: Vec<Bound<'py, PyAny>> = match codes.cast::<PyList>() {
            Ok(list) => list.iter().collect(),
            Err(_) => codes.try_iter()?.collect::<PyResult<_>>()?,
        };
        let mut pairs: Vec<(Bound<'py, PyAny>, Option<Bound<'py, PyAny>>)> = Vec::new();
        let mut inputs: Vec<(Input<'_>, Option<&str>)> = Vec::with_capacity(items.len());
        // Pairs are split first so that every borrow below points into a vector that no
        // longer changes.
        let has_pairs = items.iter().any(|i| i.is_instance_of::<PyTuple>());
        if has_pairs {
            for item in &items {
                match item.cast::<PyTuple>() {
                    Ok(t) if t.len() == 2 => pairs.push((t.get_item(0)?, Some(t.get_item(1)?))),
                    _ => pairs.push((item.clone(), None)),
                }
            }
            for (i, (code, message)) in pairs.iter().enumerate() {
                let fail = |e| error::to_py(py, e, Some(i));
                inputs.push((input(code).map_err(fail)?, opt_str(message.as_ref()).map_err(fail)?));
            }
        } else {
            for (i, code) in items.iter().enumerate() {
                inputs.push((input(code).map_err(|e| error::to_py(py, e, Some(i)))?, None));
            }
        }
        // Identical inputs share one answer (Decoded is immutable): logs repeat a small set
        // of codes, and each Python object costs more to create and free than the decode.
        let mut first: HashMap<(&str, Option<&str>), usize, rustc_hash::FxBuildHasher> =
            HashMap::with_capacity_and_hasher(inputs.len().min(4096), rustc_hash::FxBuildHasher);
        let mut slot: Vec<usize> = Vec::with_capacity(inputs.len());
        let mut unique: Vec<usize> = Vec::new();
        for (i, (input, message)) in inputs.iter().enumerate() {
            let s = match input {
                Input::Text(s) => *s,
                _ => {
                    slot.push(unique.len());
                    unique.push(i);
                    continue;
                }
            };
            let next = unique.len();
            let at = *first.entry((s, *message)).or_insert(next);
            if at == next {
                unique.push(i);
            }
            slot.push(at);
        }
        // 2. Without the GIL: decode each distinct input. Other Python threads run meanwhile.
        let decoded: Vec<Result<paycodes::Decoded<'_>, Error>> =
            py.detach(|| unique.iter().map(|&i| decode_input(&inputs[i].0, inputs[i].1, &ctx)).collect());
        // 3. With the GIL: the answers. pyo3 classes are GC-tracked; creating a large batch
        // would trigger repeated collections over everything allocated so far (a quarter of
        // the time, measured). Decoded objects hold no cycles, so the collector pauses while
        // they are created and resumes as it was.
        let _pause = GcPause::new(py);
        let mut objects: Vec<Py<PyDecoded>> = Vec::with_capacity(unique.len());
        for (r, &i) in decoded.into_iter().zip(&unique) {
            let d = r.map_err(|e| error::to_py(py, e, Some(i)))?;
            let (code, message) = match pairs.get(i) {
                Some((code, message)) => (code, message.as_ref()),
                None => (&items[i], None),
            };
            let message = message.and_then(|m| m.cast::<PyString>().ok()).map(|m| m.clone().unbind());
            objects.push(Py::new(py, PyDecoded::new(py, &d, raw_object(py, code, &d)?, message, ctx, locale)?)?);
        }
        let out = slot.iter().map(|&u| objects[u].clone_ref(py));
        PyList::new(py, out)
    })
}

/// Pauses Python's cyclic garbage collector for its lifetime (restoring the previous state).
struct GcPause {
    was_enabled: bool,
}

impl GcPause {
    fn new(_py: Python<'_>) -> GcPause {
        // SAFETY: called with the GIL held (the `Python` token proves it); both functions
        // only flip the interpreter's GC flag.
        let was_enabled = unsafe { pyo3::ffi::PyGC_Disable() } != 0;
        GcPause { was_enabled }
    }
}

impl Drop for GcPause {
    fn drop(&mut self) {
        if self.was_enabled {
            // SAFETY: dropped in the scope that created it, where the GIL is still held.
            unsafe { pyo3::ffi::PyGC_Enable() };
        }
    }
}

/// Re-creates a Decoded from its inputs (pickling).
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn _reconstruct(
    py: Python<'_>,
    code: &Bound<'_, PyAny>,
    message: Option<&Bound<'_, PyAny>>,
    provider: Option<&Bound<'_, PyAny>>,
    family: Option<&Bound<'_, PyAny>>,
    network: Option<&Bound<'_, PyAny>>,
    operation: Option<&Bound<'_, PyAny>>,
    kind: Option<&Bound<'_, PyAny>>,
    locale: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyDecoded> {
    decode(py, code, message, provider, family, network, operation, kind, locale)
}

/// The reason for a `Reason` member or its id.
fn reason_arg(reason: &Bound<'_, PyAny>) -> Result<paycodes::Reason, Error> {
    let id = opt_str(Some(reason))?.ok_or(Error::BadType)?;
    paycodes::Reason::from_id(id.trim()).ok_or(Error::UnknownReason)
}

/// Builds a SNAP responseCode and responseMessage for answering a callback.
#[pyfunction]
#[pyo3(signature = (service, *, http_status=None, case_code=None, reason=None, detail=None, provider=None))]
fn build_snap(
    py: Python<'_>,
    service: &Bound<'_, PyAny>,
    http_status: Option<&Bound<'_, PyAny>>,
    case_code: Option<&Bound<'_, PyAny>>,
    reason: Option<&Bound<'_, PyAny>>,
    detail: Option<&Bound<'_, PyAny>>,
    provider: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyBuilt> {
    error::guard(py, || {
        let fail = |e| error::to_py(py, e, None);
        let service = opt_str(Some(service)).map_err(fail)?.ok_or_else(|| fail(Error::BadType))?;
        let detail = opt_str(detail).map_err(fail)?;
        let provider = match opt_str(provider).map_err(fail)? {
            None => paycodes::Provider::standard(),
            Some(p) => paycodes::Provider::find(p).ok_or_else(|| fail(Error::UnknownProvider))?,
        };
        let given = |v: Option<&Bound<'_, PyAny>>| v.is_some_and(|v| !v.is_none());
        let built = match (given(reason), given(http_status), given(case_code)) {
            (true, false, false) => {
                let reason = reason.ok_or(Error::BadType).and_then(reason_arg).map_err(fail)?;
                paycodes::build_snap_for_reason(service, reason, detail, provider)
            }
            (false, true, true) => {
                let http = http_status.and_then(|h| h.extract::<u16>().ok()).ok_or_else(|| fail(Error::BadType))?;
                let case = case_arg(case_code).map_err(fail)?;
                paycodes::build_snap(http, service, case, detail, provider)
            }
            _ => {
                return Err(pyo3::exceptions::PyTypeError::new_err(
                    "build_snap takes either reason=, or http_status= and case_code=",
                ));
            }
        }
        .map_err(fail)?;
        Ok(PyBuilt {
            code: built.code().to_owned(),
            message: built.to_string(),
            template: built.template().as_str(),
            reason: built.row().semantics().reason(),
        })
    })
}

/// A case code given as an int (0-99) or a two-digit str.
fn case_arg(v: Option<&Bound<'_, PyAny>>) -> Result<u8, Error> {
    let v = v.ok_or(Error::BadType)?;
    if v.is_instance_of::<PyBool>() {
        return Err(Error::BadType);
    }
    if let Ok(n) = v.extract::<u8>() {
        return Ok(n);
    }
    match opt_str(Some(v))? {
        Some(s) if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) => Ok(s.parse().unwrap_or(255)),
        Some(_) => Err(Error::BadCharacter { family: None, position: 0 }),
        None => Err(Error::BadType),
    }
}

/// The customer-safe message for a reason (`Reason` member or id) in a locale.
#[pyfunction]
#[pyo3(signature = (reason, locale=None))]
fn customer_message(
    py: Python<'_>,
    reason: &Bound<'_, PyAny>,
    locale: Option<&Bound<'_, PyAny>>,
) -> PyResult<&'static str> {
    error::guard(py, || {
        let fail = |e| error::to_py(py, e, None);
        let reason = reason_arg(reason).map_err(fail)?;
        let locale = Locale::parse(opt_str(locale).map_err(fail)?.unwrap_or("en"));
        Ok(paycodes::customer_message(reason, locale).text.as_str())
    })
}

/// Whether the customer message of a reason hides the real reason.
#[pyfunction]
fn is_masked(py: Python<'_>, reason: &Bound<'_, PyAny>) -> PyResult<bool> {
    error::guard(py, || Ok(reason_arg(reason).map_err(|e| error::to_py(py, e, None))?.row().masked()))
}

/// The explanation `paycodes explain` prints.
#[pyfunction]
#[pyo3(signature = (code, *, message=None, provider=None, family=None, network=None, operation=None, kind=None, lang=None))]
#[allow(clippy::too_many_arguments)]
fn explain(
    py: Python<'_>,
    code: &Bound<'_, PyAny>,
    message: Option<&Bound<'_, PyAny>>,
    provider: Option<&Bound<'_, PyAny>>,
    family: Option<&Bound<'_, PyAny>>,
    network: Option<&Bound<'_, PyAny>>,
    operation: Option<&Bound<'_, PyAny>>,
    kind: Option<&Bound<'_, PyAny>>,
    lang: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    error::guard(py, || {
        let fail = |e| error::to_py(py, e, None);
        let (ctx, locale) = context(provider, family, network, operation, kind, lang).map_err(fail)?;
        let msg = opt_str(message).map_err(fail)?;
        let d = input(code).and_then(|i| decode_input(&i, msg, &ctx)).map_err(fail)?;
        Ok(paycodes::explain(&d, locale))
    })
}

/// The names of the exportable tables.
#[pyfunction]
fn tables() -> Vec<&'static str> {
    paycodes::export::TableName::ALL.iter().map(|t| t.id()).collect()
}

fn table_arg(
    py: Python<'_>,
    name: &Bound<'_, PyAny>,
    provider: Option<&Bound<'_, PyAny>>,
) -> PyResult<paycodes::export::Table> {
    let fail = |e| error::to_py(py, e, None);
    let name = opt_str(Some(name)).map_err(fail)?.ok_or_else(|| fail(Error::BadType))?;
    paycodes::export::table_by_name(name, opt_str(provider).map_err(fail)?).map_err(fail)
}

/// A table as a list of dicts (column order kept).
#[pyfunction]
#[pyo3(signature = (name, *, provider=None))]
fn table<'py>(
    py: Python<'py>,
    name: &Bound<'_, PyAny>,
    provider: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    error::guard(py, || {
        let t = table_arg(py, name, provider)?;
        let rows = PyList::empty(py);
        for row in &t.rows {
            let d = PyDict::new(py);
            for (col, cell) in t.columns.iter().zip(row) {
                match cell {
                    paycodes::export::Cell::Text(s) => d.set_item(col, s.as_ref())?,
                    paycodes::export::Cell::Int(n) => d.set_item(col, n)?,
                    paycodes::export::Cell::Bool(b) => d.set_item(col, b)?,
                    paycodes::export::Cell::Null => d.set_item(col, py.None())?,
                }
            }
            rows.append(d)?;
        }
        Ok(rows)
    })
}

/// A table rendered as `json`, `csv` or `md`: the same bytes as `paycodes table`.
#[pyfunction]
#[pyo3(signature = (name, *, provider=None, format=None))]
fn export(
    py: Python<'_>,
    name: &Bound<'_, PyAny>,
    provider: Option<&Bound<'_, PyAny>>,
    format: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    error::guard(py, || {
        let t = table_arg(py, name, provider)?;
        let fail = |e| error::to_py(py, e, None);
        let format = opt_str(format).map_err(fail)?.unwrap_or("json");
        let format = paycodes::export::Format::parse(format).ok_or_else(|| fail(Error::UnknownFormat))?;
        Ok(t.render(format))
    })
}

/// Test-only: the core panics on purpose (built with the test-panic feature).
#[cfg(feature = "test-panic")]
#[pyfunction]
fn _panic_code() -> &'static str {
    paycodes::testing::PANIC_CODE
}

#[pymodule]
fn _paycodes(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", paycodes::VERSION)?;
    m.add_class::<PyDecoded>()?;
    m.add_class::<PyService>()?;
    m.add_class::<PyNetworkVariant>()?;
    m.add_class::<PyBuilt>()?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(decode_many, m)?)?;
    m.add_function(wrap_pyfunction!(_reconstruct, m)?)?;
    m.add_function(wrap_pyfunction!(build_snap, m)?)?;
    m.add_function(wrap_pyfunction!(customer_message, m)?)?;
    m.add_function(wrap_pyfunction!(is_masked, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(tables, m)?)?;
    m.add_function(wrap_pyfunction!(table, m)?)?;
    m.add_function(wrap_pyfunction!(export, m)?)?;
    #[cfg(feature = "test-panic")]
    m.add_function(wrap_pyfunction!(_panic_code, m)?)?;
    Ok(())
}
