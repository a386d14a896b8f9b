//! The Python classes (`Decoded`, `Service`, `NetworkVariant`, `Built`) and the one
//! converter from the core's answer values to Python objects. The classes hold the core's
//! answer; their getters (generated.rs) and `to_dict` read it through `paycodes::fields`.

use paycodes::fields::{Obj, Value};
use paycodes::fields::{Schema, Visit};
use paycodes::{Built, Context, Decoded, EnumType, Family, NetworkVariant, Raw, Response, Service};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// Python strings for static table text, created once per distinct text (a few thousand at
/// most) and thread: attribute access and `to_dict` hand out the same object instead of
/// decoding UTF-8 again. Per thread, so that the hot path takes no lock (a lock per text
/// cost more than the rest of `to_dict`); the map is never borrowed across a call into
/// Python, so a finalizer that runs paycodes code cannot find it borrowed.
type TextCache = FxHashMap<(usize, usize), Py<PyString>>;

thread_local! {
    static TEXTS: RefCell<TextCache> = RefCell::new(TextCache::default());
}

pub fn text<'py>(py: Python<'py>, t: &'static str) -> Bound<'py, PyString> {
    let key = (t.as_ptr() as usize, t.len());
    if let Some(s) = TEXTS.with_borrow(|m| m.get(&key).map(|s| s.clone_ref(py))) {
        return s.into_bound(py);
    }
    let made = PyString::new(py, t).unbind();
    TEXTS.with_borrow_mut(|m| m.entry(key).or_insert(made).clone_ref(py)).into_bound(py)
}

/// For each answer schema (in the order of `fields::schemas()`), a dict holding its keys
/// (interned) with `None` values: `to_dict` copies it (keys already hashed, the table
/// already sized) and replaces the values.
static TEMPLATES: PyOnceLock<Vec<Template>> = PyOnceLock::new();

struct Template {
    /// The schema's address.
    schema: usize,
    dict: Py<PyDict>,
    /// The same keys, in schema order.
    keys: Vec<Py<PyString>>,
}

/// A fresh dict with the schema's keys (values `None`), and the keys in schema order.
fn template<'py>(py: Python<'py>, schema: &'static Schema) -> PyResult<(Bound<'py, PyDict>, &'py [Py<PyString>])> {
    let all = TEMPLATES.get_or_try_init(py, || -> PyResult<_> {
        let mut out = Vec::new();
        for s in paycodes::fields::schemas() {
            let dict = PyDict::new(py);
            let keys: Vec<Py<PyString>> = s.fields.iter().map(|f| PyString::intern(py, f.key).unbind()).collect();
            for k in &keys {
                dict.set_item(k.bind(py), py.None())?;
            }
            out.push(Template { schema: std::ptr::from_ref(*s) as usize, dict: dict.unbind(), keys });
        }
        Ok(out)
    })?;
    let at = std::ptr::from_ref(schema) as usize;
    let t =
        all.iter().find(|t| t.schema == at).ok_or_else(|| crate::error::to_py(py, paycodes::Error::Internal, None))?;
    Ok((t.dict.bind(py).copy()?, &t.keys))
}

/// Python enum members by enum and core number, from `paycodes._enums`.
static ENUMS: PyOnceLock<HashMap<(u16, u16), Py<PyAny>>> = PyOnceLock::new();

fn member(py: Python<'_>, ty: EnumType, n: u16) -> PyResult<Py<PyAny>> {
    let members = ENUMS.get_or_try_init(py, || -> PyResult<_> {
        let m = py.import("paycodes._enums")?;
        let mut out = HashMap::new();
        for t in EnumType::ALL {
            let cls = m.getattr(t.rust_name())?;
            for v in t.values() {
                out.insert((t.number(), v.number), cls.call1((v.id,))?.unbind());
            }
        }
        Ok(out)
    })?;
    Ok(members.get(&(ty.number(), n)).map_or_else(|| py.None(), |m| m.clone_ref(py)))
}

/// How a value becomes Python: attributes give enum members and objects; `to_dict` gives
/// plain ids, dicts and lists (the JSON object).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Attribute,
    Dict,
}

/// The one converter from an answer value to Python.
pub fn to_py(py: Python<'_>, v: Value<'_>, mode: Mode) -> PyResult<Py<PyAny>> {
    Ok(match v {
        Value::Null => py.None(),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
        Value::Int(n) => n.into_pyobject(py)?.into_any().unbind(),
        Value::Float(x) => x.into_pyobject(py)?.into_any().unbind(),
        Value::Str(s) => PyString::new(py, s).into_any().unbind(),
        Value::Text(t) => text(py, t.as_str()).into_any().unbind(),
        Value::Enum(ty, n) => match mode {
            Mode::Attribute => member(py, ty, n)?,
            Mode::Dict => ty.id_of(n).map_or_else(|| py.None(), |t| text(py, t.as_str()).into_any().unbind()),
        },
        Value::Object(o) => match mode {
            Mode::Dict => obj_dict(py, &o, None)?.into_any().unbind(),
            Mode::Attribute => match o {
                Obj::Service(s) => Py::new(py, PyService { s })?.into_any(),
                Obj::Variant(v) => Py::new(py, PyNetworkVariant { v })?.into_any(),
                Obj::Built(b) => Py::new(py, PyBuilt { b: *b })?.into_any(),
                Obj::ResponseCode(r) => response_code(py, r)?,
                Obj::Reading(r, f) => {
                    let decline = r.decline().is_some_and(|d| std::ptr::eq(d, f));
                    Py::new(py, PyFieldReading { r: Arc::new(r.clone()), decline })?.into_any()
                }
                Obj::Reference(r, i) => Py::new(py, PyReference { r: Arc::new(r.clone()), i })?.into_any(),
                Obj::Response(r) => Py::new(py, PyResponse { r: Arc::new(r.clone()) })?.into_any(),
                Obj::Retry(r) => Py::new(py, PyRetryDecision { r: *r })?.into_any(),
                // Never nested in an answer.
                Obj::Decoded(_) | Obj::Customer(_) => obj_dict(py, &o, None)?.into_any().unbind(),
            },
        },
        Value::List(l) => {
            let items = l.iter().map(|item| to_py(py, item, mode)).collect::<PyResult<Vec<_>>>()?;
            match mode {
                Mode::Attribute => PyTuple::new(py, items)?.into_any().unbind(),
                Mode::Dict => PyList::new(py, items)?.into_any().unbind(),
            }
        }
    })
}

/// The `code` of a whole response as a `Decoded` (its raw code and message as Python objects).
fn response_code(py: Python<'_>, r: &Response) -> PyResult<Py<PyAny>> {
    let Some(d) = r.code() else { return Ok(py.None()) };
    let raw = match d.raw() {
        Raw::Integer(n) => n.into_pyobject(py)?.into_any().unbind(),
        Raw::Float(x) => x.into_pyobject(py)?.into_any().unbind(),
        Raw::Text(s) | Raw::Number(s) => PyString::new(py, s).into_any().unbind(),
    };
    let message = r.message().map(|m| PyString::new(py, m).unbind());
    let mut ctx = Context::new().with_provider(r.provider()).with_family(Family::Snap).with_locale(r.locale());
    if let Some(o) = r.operation() {
        ctx = ctx.with_operation(o);
    }
    Ok(Py::new(py, PyDecoded::new(py, &d, raw, message, ctx)?)?.into_any())
}

/// An answer as a dict with the JSON keys; `raw` replaces the `raw` field (the caller's own
/// object).
pub fn obj_dict<'py>(py: Python<'py>, o: &Obj<'_>, raw: Option<&Py<PyAny>>) -> PyResult<Bound<'py, PyDict>> {
    struct Fill<'py, 'k> {
        py: Python<'py>,
        out: Bound<'py, PyDict>,
        keys: &'k [Py<PyString>],
        schema: &'static Schema,
        raw: Option<&'k Py<PyAny>>,
        /// The first failure (the visitor cannot return one).
        failed: Option<PyErr>,
    }
    impl Visit for Fill<'_, '_> {
        #[inline(always)]
        fn field(&mut self, i: usize, v: Value<'_>) {
            if self.failed.is_some() {
                return;
            }
            // The template's own key objects: set_item finds each by identity.
            let key = self.keys[i].bind(self.py);
            let done = match (self.schema.fields[i].key, self.raw) {
                ("raw", Some(r)) => self.out.set_item(key, r.bind(self.py)),
                _ => to_py(self.py, v, Mode::Dict).and_then(|v| self.out.set_item(key, v)),
            };
            if let Err(e) = done {
                self.failed = Some(e);
            }
        }
    }
    let schema = o.schema();
    let (out, keys) = template(py, schema)?;
    let mut fill = Fill { py, out, keys, schema, raw, failed: None };
    o.visit(&mut fill);
    match fill.failed {
        Some(e) => Err(e),
        None => Ok(fill.out),
    }
}

/// What every answer class shares: reading its fields through the core.
pub trait Answer {
    /// Runs `f` on the answer as the core sees it.
    fn with_obj<R>(&self, py: Python<'_>, f: impl FnOnce(&Obj<'_>) -> PyResult<R>) -> PyResult<R>;

    /// Field `i` as a Python attribute.
    fn field(&self, py: Python<'_>, i: usize) -> PyResult<Py<PyAny>> {
        self.with_obj(py, |o| to_py(py, o.get(i), Mode::Attribute))
    }

    /// The JSON text every language writes.
    fn json(&self, py: Python<'_>) -> PyResult<String> {
        self.with_obj(py, |o| {
            let mut out = Vec::new();
            paycodes::json::write_obj(&mut out, o);
            Ok(String::from_utf8(out).unwrap_or_default())
        })
    }
}

/// What `paycodes.decode` returns. Immutable and hashable; attributes mirror the keys of
/// `paycodes explain --json`, and `to_dict()` gives exactly that object.
#[pyclass(frozen, module = "paycodes", name = "Decoded")]
pub struct PyDecoded {
    /// The core's answer without its borrows (raw and detail are re-attached on access).
    pub d: Decoded<'static>,
    /// The code as the caller gave it.
    pub raw: Py<PyAny>,
    /// The message the detail is a span of.
    pub message: Option<Py<PyString>>,
    /// The options, for pickling.
    pub ctx: Context,
}

impl PyDecoded {
    pub fn new(
        py: Python<'_>,
        d: &Decoded<'_>,
        raw: Py<PyAny>,
        message: Option<Py<PyString>>,
        ctx: Context,
    ) -> PyResult<Self> {
        let _ = py;
        Ok(PyDecoded { d: d.detach(), raw, message, ctx })
    }
}

impl Answer for PyDecoded {
    fn with_obj<R>(&self, py: Python<'_>, f: impl FnOnce(&Obj<'_>) -> PyResult<R>) -> PyResult<R> {
        let message = match &self.message {
            Some(m) => Some(m.bind(py).to_str()?),
            None => None,
        };
        let raw_obj = self.raw.bind(py);
        let raw = if let Ok(s) = raw_obj.cast::<PyString>() {
            Raw::Text(s.to_str()?)
        } else if let Ok(n) = raw_obj.extract::<i64>() {
            Raw::Integer(n)
        } else {
            Raw::Float(raw_obj.extract::<f64>().unwrap_or(f64::NAN))
        };
        let d = self.d.reattach(raw, message);
        f(&Obj::Decoded(&d))
    }
}

#[pymethods]
impl PyDecoded {
    /// Exactly the object `paycodes explain --json` prints (plain str ids, None for null).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.with_obj(py, |o| obj_dict(py, o, Some(&self.raw)))
    }

    /// The same JSON text `paycodes explain --json` prints.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let raw = self.raw.bind(py).repr()?;
        let d = &self.d;
        let mut s = format!(
            "Decoded({raw}, family={}, outcome={}, reason={}, action={}",
            d.family(),
            d.outcome(),
            d.reason(),
            d.action()
        );
        if !d.known() {
            s.push_str(", known=False");
        }
        if d.provider().id() != "standard" {
            s.push_str(&format!(", provider={}", d.provider().id()));
        }
        let detail = self.with_obj(py, |o| {
            Ok(o.get(paycodes::fields::DECODED.index("detail").unwrap_or(0)).as_str().map(str::to_owned))
        })?;
        if let Some(detail) = detail {
            s.push_str(&format!(", detail={}", PyString::new(py, &detail).repr()?));
        }
        s.push(')');
        Ok(s)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<PyDecoded>() {
            Ok(o) => Ok(self.json(py)? == o.get().json(py)?),
            Err(_) => Ok(false),
        }
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        PyString::new(py, &self.json(py)?).hash()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let f = py.import("paycodes._paycodes")?.getattr("_reconstruct")?;
        let c = &self.ctx;
        let options = PyDict::new(py);
        options.set_item("provider", c.provider().id())?;
        options.set_item("family", c.family().map(|f| f.id()))?;
        options.set_item("network", c.network().map(|n| n.id()))?;
        options.set_item("operation", c.operation().map(|o| o.id()))?;
        options.set_item("kind", c.kind().map(|k| k.id()))?;
        options.set_item("locale", c.locale().id())?;
        let args = (self.raw.clone_ref(py), self.message.as_ref().map(|m| m.clone_ref(py)), options);
        Ok((f, args.into_pyobject(py)?))
    }
}

/// The SNAP service (API) a code came from.
#[pyclass(frozen, module = "paycodes", name = "Service")]
pub struct PyService {
    pub s: &'static Service,
}

impl Answer for PyService {
    fn with_obj<R>(&self, _py: Python<'_>, f: impl FnOnce(&Obj<'_>) -> PyResult<R>) -> PyResult<R> {
        f(&Obj::Service(self.s))
    }
}

#[pymethods]
impl PyService {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        obj_dict(py, &Obj::Service(self.s), None)
    }
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let s = self.s;
        let (code, name) = (PyString::new(py, s.code().as_str()).repr()?, PyString::new(py, s.name().as_str()).repr()?);
        Ok(format!("Service({code}, {name}, moves_money={})", if s.moves_money() { "True" } else { "False" }))
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyService>().is_ok_and(|o| std::ptr::eq(o.get().s, self.s))
    }
    fn __hash__(&self) -> u64 {
        std::ptr::from_ref(self.s) as usize as u64
    }
}

/// One network's reading of a card code whose meaning differs by network.
#[pyclass(frozen, module = "paycodes", name = "NetworkVariant")]
pub struct PyNetworkVariant {
    pub v: NetworkVariant,
}

impl Answer for PyNetworkVariant {
    fn with_obj<R>(&self, _py: Python<'_>, f: impl FnOnce(&Obj<'_>) -> PyResult<R>) -> PyResult<R> {
        f(&Obj::Variant(self.v))
    }
}

#[pymethods]
impl PyNetworkVariant {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        obj_dict(py, &Obj::Variant(self.v), None)
    }
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let message = PyString::new(py, self.v.message.as_str()).repr()?;
        Ok(format!("NetworkVariant({}, {message}, reason={})", self.v.network, self.v.reason))
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyNetworkVariant>().is_ok_and(|o| o.get().v == self.v)
    }
    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.v.network, self.v.message, self.v.reason, self.v.category).hash(&mut h);
        h.finish()
    }
}

/// A SNAP code built for a callback answer.
#[pyclass(frozen, module = "paycodes", name = "Built")]
pub struct PyBuilt {
    pub b: Built,
}

impl Answer for PyBuilt {
    fn with_obj<R>(&self, _py: Python<'_>, f: impl FnOnce(&Obj<'_>) -> PyResult<R>) -> PyResult<R> {
        f(&Obj::Built(&self.b))
    }
}

#[pymethods]
impl PyBuilt {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        obj_dict(py, &Obj::Built(&self.b), None)
    }
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py)
    }
    /// `{"responseCode": ..., "responseMessage": ...}`, ready to send.
    fn response<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        out.set_item("responseCode", self.b.code())?;
        out.set_item("responseMessage", self.b.message())?;
        Ok(out)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (code, message) = (PyString::new(py, self.b.code()).repr()?, PyString::new(py, self.b.message()).repr()?);
        Ok(format!("Built({code}, {message})"))
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyBuilt>().is_ok_and(|o| o.get().b == self.b)
    }
    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.b.code(), self.b.message()).hash(&mut h);
        h.finish()
    }
}

/// What `paycodes.decode_response` returns: what a whole response or callback body says about
/// the transaction. Immutable and hashable; attributes mirror the keys of
/// `paycodes response --json`, and `to_dict()` gives exactly that object.
#[pyclass(frozen, module = "paycodes", name = "DecodedResponse")]
pub struct PyResponse {
    pub r: Arc<Response>,
}

impl Answer for PyResponse {
    fn with_obj<R>(&self, _py: Python<'_>, f: impl FnOnce(&Obj<'_>) -> PyResult<R>) -> PyResult<R> {
        f(&Obj::Response(&self.r))
    }
}

#[pymethods]
impl PyResponse {
    /// Exactly the object `paycodes response --json` prints (plain str ids, None for null).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        obj_dict(py, &Obj::Response(&self.r), None)
    }
    /// The same JSON text `paycodes response --json` prints.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py)
    }
    fn __repr__(&self) -> String {
        let r = &self.r;
        format!(
            "DecodedResponse(outcome={}, reason={}, action={}, decided_by={})",
            r.outcome(),
            r.reason(),
            r.action(),
            r.decided_by()
        )
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<PyResponse>() {
            Ok(o) => Ok(self.json(py)? == o.get().json(py)?),
            Err(_) => Ok(false),
        }
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        PyString::new(py, &self.json(py)?).hash()
    }
}

/// One field of a body read as a transaction state or a code.
#[pyclass(frozen, module = "paycodes", name = "FieldReading")]
pub struct PyFieldReading {
    pub r: Arc<Response>,
    /// The decline reading (else the status).
    pub decline: bool,
}

impl Answer for PyFieldReading {
    fn with_obj<R>(&self, _py: Python<'_>, f: impl FnOnce(&Obj<'_>) -> PyResult<R>) -> PyResult<R> {
        let reading = if self.decline { self.r.decline() } else { self.r.status() };
        match reading {
            Some(x) => f(&Obj::Reading(&self.r, x)),
            None => Err(pyo3::exceptions::PyRuntimeError::new_err("no such reading")),
        }
    }
}

#[pymethods]
impl PyFieldReading {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.with_obj(py, |o| obj_dict(py, o, None))
    }
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.with_obj(py, |o| {
            let get =
                |k: &str| o.schema().index(k).and_then(|i| o.get(i).as_str().map(str::to_owned)).unwrap_or_default();
            Ok(format!("FieldReading({}={:?}, outcome={})", get("field"), get("value"), get("outcome")))
        })
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<PyFieldReading>() {
            Ok(o) => Ok(self.json(py)? == o.get().json(py)?),
            Err(_) => Ok(false),
        }
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        PyString::new(py, &self.json(py)?).hash()
    }
}

/// A reference to inquire with.
#[pyclass(frozen, module = "paycodes", name = "Reference")]
pub struct PyReference {
    pub r: Arc<Response>,
    pub i: usize,
}

impl Answer for PyReference {
    fn with_obj<R>(&self, _py: Python<'_>, f: impl FnOnce(&Obj<'_>) -> PyResult<R>) -> PyResult<R> {
        f(&Obj::Reference(&self.r, self.i))
    }
}

#[pymethods]
impl PyReference {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        obj_dict(py, &Obj::Reference(&self.r, self.i), None)
    }
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py)
    }
    fn __repr__(&self) -> String {
        let (f, v) = self.r.reference(self.i).unwrap_or((paycodes::Text::new("\0"), ""));
        format!("Reference({f}={v:?})")
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<PyReference>() {
            Ok(o) => Ok(self.json(py)? == o.get().json(py)?),
            Err(_) => Ok(false),
        }
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        PyString::new(py, &self.json(py)?).hash()
    }
}

/// What `paycodes.retry_decision` returns: whether a declined card transaction may be tried
/// again, and the rule that decided.
#[pyclass(frozen, module = "paycodes", name = "RetryDecision")]
pub struct PyRetryDecision {
    pub r: paycodes::RetryAnswer,
}

impl Answer for PyRetryDecision {
    fn with_obj<R>(&self, _py: Python<'_>, f: impl FnOnce(&Obj<'_>) -> PyResult<R>) -> PyResult<R> {
        f(&Obj::Retry(&self.r))
    }
}

#[pymethods]
impl PyRetryDecision {
    /// Exactly the object `paycodes retry --json` prints.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        obj_dict(py, &Obj::Retry(&self.r), None)
    }
    /// The same JSON text `paycodes retry --json` prints.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py)
    }
    fn __repr__(&self) -> String {
        let r = &self.r;
        match r.not_before_text() {
            Some(t) => format!("RetryDecision({}, not_before={t:?}, rule={})", r.verdict(), r.rule()),
            None => format!("RetryDecision({}, rule={})", r.verdict(), r.rule()),
        }
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyRetryDecision>().is_ok_and(|o| o.get().r == self.r)
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        PyString::new(py, &self.json(py)?).hash()
    }
}
