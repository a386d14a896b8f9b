//! `paycodes._paycodes`: the Python extension. It converts Python values into the core's
//! inputs (one function, [`input`]), passes keyword options by key (so a misspelt option is
//! `unknown_option`, as in every language), and converts answers through the core's answer
//! schemas (types.rs, generated.rs). Every decision is the core's (`paycodes::api`).

mod arrow;
mod error;
mod generated;
mod types;

use paycodes::api::{self, Args, Call, Input};
use paycodes::lines::LineDecoder;
use paycodes::{Arg, Error, Raw, ValueType};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use types::{
    PyBuilt, PyDecoded, PyFieldReading, PyNetworkVariant, PyReference, PyResponse, PyRetryDecision, PyService,
};

/// A Python value as the core's input.
fn input<'a>(obj: &'a Bound<'_, PyAny>) -> Input<'a> {
    if let Ok(s) = obj.cast::<PyString>() {
        // A str with a lone surrogate has no UTF-8 form.
        return s.to_str().map_or(Input::BadText, Input::Str);
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Input::Bytes(b.as_bytes());
    }
    if obj.is_none() {
        return Input::Null;
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Input::Bool(b.is_true());
    }
    if obj.is_instance_of::<PyInt>() {
        return match obj.extract::<i64>() {
            Ok(n) => Input::Int(n),
            Err(_) => {
                let negative = obj.lt(0).unwrap_or(false);
                let digits = obj.abs().and_then(|a| a.str()).map(|s| s.len().unwrap_or(0)).unwrap_or(0);
                Input::BigInt { negative, digits }
            }
        };
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Input::Float(f.value());
    }
    let t = if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        ValueType::List
    } else if obj.is_instance_of::<PyDict>() {
        ValueType::Object
    } else if obj.is_instance_of::<PyByteArray>() {
        ValueType::Bytes
    } else {
        ValueType::Other
    };
    Input::Other(t)
}

/// Keyword options, held while the core borrows them.
type Kwargs<'py> = Vec<(Bound<'py, PyString>, Bound<'py, PyAny>)>;

fn kwargs<'py>(options: Option<&Bound<'py, PyDict>>) -> PyResult<Kwargs<'py>> {
    let mut out = Vec::new();
    if let Some(d) = options {
        for (k, v) in d.iter() {
            // Keyword arguments always have str keys.
            out.push((k.cast_into::<PyString>()?, v));
        }
    }
    Ok(out)
}

/// The options of a call, read by key: a key the call does not take is `unknown_option`.
fn args<'a>(call: Call, kw: &'a Kwargs<'_>) -> Result<Args<'a>, Error> {
    let mut args = Args::new(call);
    for (k, v) in kw {
        let key = k.to_str().map_err(|_| Error::UnknownOption { key: Default::default() })?;
        args.set(key, input(v))?;
    }
    Ok(args)
}

/// The raw input as reported: the caller's str itself, else the core's reading.
fn raw_object(py: Python<'_>, code: &Bound<'_, PyAny>, d: &paycodes::Decoded<'_>) -> PyResult<Py<PyAny>> {
    Ok(match d.raw() {
        Raw::Text(_) if code.is_instance_of::<PyString>() => code.clone().unbind(),
        Raw::Text(s) => PyString::new(py, s).into_any().unbind(),
        Raw::Integer(n) => n.into_pyobject(py)?.into_any().unbind(),
        Raw::Float(x) => x.into_pyobject(py)?.into_any().unbind(),
        Raw::Number(n) => PyString::new(py, n).into_any().unbind(),
    })
}

/// The message an answer keeps for its detail: a str with a UTF-8 form (a message that is
/// not text was ignored by the core, with a warning).
fn text_message(m: &Bound<'_, PyAny>) -> Option<Py<PyString>> {
    m.cast::<PyString>().ok().filter(|s| s.to_str().is_ok()).map(|s| s.clone().unbind())
}

fn py_err(py: Python<'_>) -> impl Fn(Error) -> PyErr + '_ {
    move |e| error::to_py(py, e, None)
}

/// Decodes a payment response code. See `paycodes.decode` (python/paycodes/_paycodes.pyi).
#[pyfunction]
#[pyo3(signature = (code, /, **options))]
fn decode(py: Python<'_>, code: &Bound<'_, PyAny>, options: Option<&Bound<'_, PyDict>>) -> PyResult<PyDecoded> {
    error::guard(py, || {
        let kw = kwargs(options)?;
        let args = args(Call::Decode, &kw).map_err(py_err(py))?;
        let ctx = args.context().map_err(py_err(py))?;
        let message = args.get(Arg::Message);
        let d = api::decode_input(&input(code), &message, &ctx).map_err(py_err(py))?;
        let message =
            kw.iter().find(|(k, _)| k.to_str().is_ok_and(|k| k == "message")).and_then(|(_, v)| text_message(v));
        PyDecoded::new(py, &d, raw_object(py, code, &d)?, message, ctx)
    })
}

/// Decodes many codes with the GIL released while decoding. Items are codes or
/// `(code, message)` tuples; equal items share one answer; the first malformed item raises
/// with `.index` set.
#[pyfunction]
#[pyo3(signature = (codes, /, **options))]
fn decode_many<'py>(
    py: Python<'py>,
    codes: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    error::guard(py, || {
        let fail = py_err(py);
        // A str, bytes or bytearray is iterable, but it is one code, not a batch of them.
        if codes.is_instance_of::<PyString>()
            || codes.is_instance_of::<PyBytes>()
            || codes.is_instance_of::<PyByteArray>()
        {
            return Err(fail(Error::BadType {
                arg: Arg::Codes,
                expected: "a list or an iterable of codes (not one str or bytes)",
                got: input(codes).value_type(),
            }));
        }
        let kw = kwargs(options)?;
        let args = args(Call::DecodeMany, &kw).map_err(&fail)?;
        let ctx = args.context().map_err(&fail)?;
        // 1. With the GIL: read each item once, and hold it while the core borrows its text.
        let list: Vec<Bound<'py, PyAny>> = match codes.cast::<PyList>() {
            Ok(list) => list.iter().collect(),
            Err(_) => match codes.try_iter() {
                Ok(it) => it.collect::<PyResult<_>>()?,
                Err(_) => {
                    return Err(fail(Error::BadType {
                        arg: Arg::Codes,
                        expected: "a list or an iterable of codes",
                        got: input(codes).value_type(),
                    }));
                }
            },
        };
        let mut held: Vec<(Bound<'py, PyAny>, Option<Bound<'py, PyAny>>)> = Vec::with_capacity(list.len());
        for item in list {
            match item.cast::<PyTuple>() {
                Ok(t) if t.len() == 2 => held.push((t.get_item(0)?, Some(t.get_item(1)?))),
                _ => held.push((item, None)),
            }
        }
        let items: Vec<(Input<'_>, Input<'_>)> =
            held.iter().map(|(c, m)| (input(c), m.as_ref().map_or(Input::Null, input))).collect();
        // 2. Without the GIL: decode each distinct item (the core de-duplicates).
        let batch = py.detach(|| api::decode_many(&items, &args)).map_err(&fail)?;
        if let Some((i, e)) = batch.first_error() {
            return Err(error::to_py(py, e, Some(i)));
        }
        // 3. With the GIL: one immutable answer object per distinct item.
        let mut first_item: Vec<usize> = vec![usize::MAX; batch.answers.len()];
        for (i, &s) in batch.slots.iter().enumerate() {
            if first_item[s as usize] == usize::MAX {
                first_item[s as usize] = i;
            }
        }
        let _pause = GcPause::new(py);
        let mut objects: Vec<Py<PyDecoded>> = Vec::with_capacity(batch.answers.len());
        for (answer, &i) in batch.answers.iter().zip(&first_item) {
            let d = answer.as_ref().map_err(|e| error::to_py(py, *e, Some(i)))?;
            let (code, message) = &held[i];
            let message = message.as_ref().and_then(text_message);
            objects.push(Py::new(py, PyDecoded::new(py, d, raw_object(py, code, d)?, message, ctx)?)?);
        }
        PyList::new(py, batch.slots.iter().map(|&s| objects[s as usize].clone_ref(py)))
    })
}

/// What a whole response or callback body says about the transaction. See
/// `paycodes.decode_response` (python/paycodes/_paycodes.pyi). A dict or list is sent as its
/// JSON text, a str as its UTF-8 text, bytes as they are; None means no response arrived.
#[pyfunction]
#[pyo3(signature = (body, /, **options))]
fn decode_response(
    py: Python<'_>,
    body: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyResponse> {
    error::guard(py, || {
        let fail = py_err(py);
        let kw = kwargs(options)?;
        let args = args(Call::DecodeResponse, &kw).map_err(&fail)?;
        // Python objects become the JSON text the provider would have sent; a str that has
        // no UTF-8 form keeps its lone surrogates as bytes, which only spoil their own string.
        let text: Option<Bound<'_, PyAny>> = if body.is_instance_of::<PyDict>() || body.is_instance_of::<PyList>() {
            let dumps = py.import("json")?.getattr("dumps")?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("ensure_ascii", false)?;
            kwargs.set_item("allow_nan", false)?;
            match dumps.call((body,), Some(&kwargs)) {
                Ok(t) => Some(t),
                Err(_) => {
                    return Err(fail(Error::BadType {
                        arg: Arg::Body,
                        expected: "a dict or list JSON can hold (no NaN, no other objects), a str or bytes",
                        got: ValueType::Object,
                    }));
                }
            }
        } else {
            None
        };
        let source = text.as_ref().unwrap_or(body);
        let bytes: Option<Bound<'_, PyAny>> = match source.cast::<PyString>() {
            Ok(s) if s.to_str().is_err() => Some(s.call_method1("encode", ("utf-8", "surrogatepass"))?),
            _ if source.is_instance_of::<PyByteArray>() => {
                Some(PyBytes::new(py, &source.extract::<Vec<u8>>()?).into_any())
            }
            _ => None,
        };
        let body_input = input(bytes.as_ref().unwrap_or(source));
        let r = py.detach(|| api::decode_response(&body_input, &args)).map_err(&fail)?;
        Ok(PyResponse { r: std::sync::Arc::new(r) })
    })
}

/// Whether a declined card transaction may be tried again. See `paycodes.retry_decision`
/// (python/paycodes/_paycodes.pyi). A `history` list is sent as its JSON text.
#[pyfunction]
#[pyo3(signature = (code, /, **options))]
fn retry_decision(
    py: Python<'_>,
    code: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyRetryDecision> {
    error::guard(py, || {
        let fail = py_err(py);
        let mut kw = kwargs(options)?;
        // A list of attempts (dicts) becomes the JSON text the core reads.
        for (k, v) in kw.iter_mut() {
            if k.to_str().is_ok_and(|k| k == "history")
                && (v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>())
            {
                let list = PyList::new(py, v.try_iter()?.collect::<PyResult<Vec<_>>>()?)?;
                match py.import("json")?.getattr("dumps")?.call1((list,)) {
                    Ok(text) => *v = text,
                    Err(_) => {
                        return Err(fail(Error::BadType {
                            arg: Arg::History,
                            expected: "a list of attempts JSON can hold (dicts of at, code, mac)",
                            got: ValueType::List,
                        }));
                    }
                }
            }
        }
        let args = args(Call::RetryDecision, &kw).map_err(&fail)?;
        let r = api::retry_decision(&input(code), &args).map_err(&fail)?;
        Ok(PyRetryDecision { r })
    })
}

/// Pauses Python's cyclic garbage collector for its lifetime (restoring the previous state):
/// answers hold no cycles, and a large batch would otherwise trigger repeated collections
/// over everything allocated so far (a quarter of the time, measured).
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
#[pyo3(signature = (code, message, options, /))]
fn _reconstruct(
    py: Python<'_>,
    code: &Bound<'_, PyAny>,
    message: &Bound<'_, PyAny>,
    options: &Bound<'_, PyDict>,
) -> PyResult<PyDecoded> {
    let all = options.copy()?;
    if !message.is_none() {
        all.set_item("message", message)?;
    }
    for (k, v) in options.iter() {
        if v.is_none() {
            all.del_item(k)?;
        }
    }
    decode(py, code, Some(&all))
}

/// Builds a SNAP responseCode and responseMessage for answering a callback.
#[pyfunction]
#[pyo3(signature = (service, /, **options))]
fn build_snap(py: Python<'_>, service: &Bound<'_, PyAny>, options: Option<&Bound<'_, PyDict>>) -> PyResult<PyBuilt> {
    error::guard(py, || {
        let kw = kwargs(options)?;
        let args = args(Call::BuildSnap, &kw).map_err(py_err(py))?;
        let b = api::build_snap(&input(service), &args).map_err(py_err(py))?;
        Ok(PyBuilt { b })
    })
}

/// The customer-safe message for a reason (`Reason` member or id) in a locale.
#[pyfunction]
#[pyo3(signature = (reason, /, **options))]
fn customer_message(
    py: Python<'_>,
    reason: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<&'static str> {
    error::guard(py, || {
        let kw = kwargs(options)?;
        let args = args(Call::CustomerMessage, &kw).map_err(py_err(py))?;
        Ok(api::customer_message(&input(reason), &args).map_err(py_err(py))?.text.as_str())
    })
}

/// Whether the customer message of a reason hides the real reason.
#[pyfunction]
#[pyo3(signature = (reason, /))]
fn is_masked(py: Python<'_>, reason: &Bound<'_, PyAny>) -> PyResult<bool> {
    error::guard(py, || Ok(api::reason(&input(reason)).map_err(py_err(py))?.row().masked()))
}

/// The explanation `paycodes explain` prints.
#[pyfunction]
#[pyo3(signature = (code, /, **options))]
fn explain(py: Python<'_>, code: &Bound<'_, PyAny>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    error::guard(py, || {
        let kw = kwargs(options)?;
        let args = args(Call::Explain, &kw).map_err(py_err(py))?;
        api::explain(&input(code), &args).map_err(py_err(py))
    })
}

/// The names of the exportable tables.
#[pyfunction]
fn tables() -> Vec<&'static str> {
    paycodes::TableName::ALL.iter().map(|t| t.id()).collect()
}

/// A table as a list of dicts (column order kept).
#[pyfunction]
#[pyo3(signature = (name, /, **options))]
fn table<'py>(
    py: Python<'py>,
    name: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    error::guard(py, || {
        let kw = kwargs(options)?;
        let args = args(Call::Table, &kw).map_err(py_err(py))?;
        let t = api::table_of(&input(name), &args).map_err(py_err(py))?;
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
#[pyo3(signature = (name, /, **options))]
fn export(py: Python<'_>, name: &Bound<'_, PyAny>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    error::guard(py, || {
        let kw = kwargs(options)?;
        let args = args(Call::Export, &kw).map_err(py_err(py))?;
        api::export(&input(name), &args).map_err(py_err(py))
    })
}

/// Decodes log lines as `paycodes decode` does: what `python -m paycodes decode` runs.
#[pyclass(module = "paycodes", name = "LineDecoder")]
struct PyLineDecoder {
    inner: std::sync::Mutex<LineDecoder>,
}

#[pymethods]
impl PyLineDecoder {
    #[new]
    #[pyo3(signature = (*, keep=None, cache=true, format="jsonl", **options))]
    fn new(
        py: Python<'_>,
        keep: Option<Vec<String>>,
        cache: bool,
        format: &str,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let kw = kwargs(options)?;
        let args = args(Call::DecodeMany, &kw).map_err(py_err(py))?;
        let ctx = args.context().map_err(py_err(py))?;
        let format = paycodes::lines::Format::parse(format).map_err(py_err(py))?;
        let decoder = LineDecoder::new(ctx, keep.unwrap_or_default(), cache).with_format(format);
        Ok(PyLineDecoder { inner: std::sync::Mutex::new(decoder) })
    }

    /// What comes before the first answer (the CSV header; empty for JSON lines).
    fn header<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let d = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        PyBytes::new(py, &d.header())
    }

    /// The answer for one line (without its line break), and whether it decoded.
    #[pyo3(signature = (line, /))]
    fn decode_line<'py>(&self, py: Python<'py>, line: &[u8]) -> PyResult<(Bound<'py, PyBytes>, bool)> {
        let mut out = Vec::with_capacity(1024);
        let mut d = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let ok = if line.len() > paycodes::lines::MAX_LINE {
            d.too_long(&line[..paycodes::json::MAX_RAW_ECHO], &mut out);
            false
        } else {
            d.decode_line(line, &mut out)
        };
        Ok((PyBytes::new(py, &out), ok))
    }
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
    m.add_class::<PyLineDecoder>()?;
    m.add_class::<PyResponse>()?;
    m.add_class::<PyFieldReading>()?;
    m.add_class::<PyReference>()?;
    m.add_class::<PyRetryDecision>()?;
    m.add_function(wrap_pyfunction!(retry_decision, m)?)?;
    m.add_function(wrap_pyfunction!(decode_response, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(decode_many, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::_decode_arrow, m)?)?;
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
