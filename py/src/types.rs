//! The Python classes: `Decoded`, `Service`, `NetworkVariant`, `Built`. They hold the core's
//! answer and convert on access; nothing here decides anything.

use paycodes::{Context, Decoded, Family, Locale, NetworkVariant, Raw, Service};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyTuple};
use std::collections::HashMap;
use std::sync::Mutex;

/// Python strings for static table text, created once per distinct text (a few thousand at
/// most): attribute access and `to_dict` then hand out the same object instead of decoding
/// UTF-8 again.
static TEXTS: Mutex<Option<HashMap<usize, Py<PyString>>>> = Mutex::new(None);

pub fn text<'py>(py: Python<'py>, t: &'static str) -> Bound<'py, PyString> {
    let key = t.as_ptr() as usize ^ (t.len() << 48);
    let mut guard = TEXTS.lock().unwrap_or_else(|p| p.into_inner());
    let map = guard.get_or_insert_with(HashMap::new);
    map.entry(key).or_insert_with(|| PyString::new(py, t).unbind()).bind(py).clone()
}

fn opt_text<'py>(py: Python<'py>, t: Option<&'static str>) -> Bound<'py, PyAny> {
    match t {
        Some(t) => text(py, t).into_any(),
        None => py.None().into_bound(py),
    }
}

/// Python enum members, by core number, from `paycodes._enums`.
pub struct Enums {
    family: Vec<Option<Py<PyAny>>>,
    outcome: Vec<Option<Py<PyAny>>>,
    action: Vec<Option<Py<PyAny>>>,
    category: Vec<Option<Py<PyAny>>>,
    reason: Vec<Option<Py<PyAny>>>,
    service_kind: Vec<Option<Py<PyAny>>>,
    network: Vec<Option<Py<PyAny>>>,
    status_kind: Vec<Option<Py<PyAny>>>,
}

static ENUMS: PyOnceLock<Enums> = PyOnceLock::new();

macro_rules! members {
    ($py:expr, $module:expr, $name:literal, $core:ty) => {{
        let cls = $module.getattr($name)?;
        let max = <$core>::ALL.iter().map(|v| v.number()).max().unwrap_or(0) as usize;
        let mut table: Vec<Option<Py<PyAny>>> = (0..=max).map(|_| None).collect();
        for v in <$core>::ALL {
            table[v.number() as usize] = Some(cls.call1((v.id(),))?.unbind());
        }
        table
    }};
}

pub fn enums(py: Python<'_>) -> PyResult<&Enums> {
    ENUMS.get_or_try_init(py, || {
        let m = py.import("paycodes._enums")?;
        Ok(Enums {
            family: members!(py, m, "Family", paycodes::Family),
            outcome: members!(py, m, "Outcome", paycodes::Outcome),
            action: members!(py, m, "Action", paycodes::Action),
            category: members!(py, m, "Category", paycodes::Category),
            reason: members!(py, m, "Reason", paycodes::Reason),
            service_kind: members!(py, m, "ServiceKind", paycodes::ServiceKind),
            network: members!(py, m, "Network", paycodes::Network),
            status_kind: members!(py, m, "StatusKind", paycodes::StatusKind),
        })
    })
}

fn member(py: Python<'_>, table: &[Option<Py<PyAny>>], n: u16) -> Py<PyAny> {
    // Every core value has a member (built from the same lists); None only if that broke.
    table.get(n as usize).and_then(|m| m.as_ref()).map_or_else(|| py.None(), |m| m.clone_ref(py))
}

/// Where a decode's detail is: inside the message the caller passed, or table text.
#[derive(Debug, Clone)]
pub enum Detail {
    None,
    /// Byte range in the message.
    Slice(u32, u32),
    /// A fixed detail of a provider spelling (table text).
    Fixed(Box<str>),
}

impl Detail {
    pub fn locate(detail: Option<&str>, message: Option<&str>) -> Detail {
        match (detail, message) {
            (None, _) => Detail::None,
            (Some(d), Some(m)) => {
                let (start, base) = (d.as_ptr() as usize, m.as_ptr() as usize);
                if start >= base && start + d.len() <= base + m.len() {
                    Detail::Slice((start - base) as u32, (start - base + d.len()) as u32)
                } else {
                    Detail::Fixed(d.into())
                }
            }
            (Some(d), None) => Detail::Fixed(d.into()),
        }
    }
}

/// What `paycodes.decode` returns. Immutable and hashable; attributes mirror the keys of
/// `paycodes explain --json`, and `to_dict()` gives exactly that object.
#[pyclass(frozen, module = "paycodes", name = "Decoded")]
pub struct PyDecoded {
    pub d: Decoded<'static>,
    pub raw: Py<PyAny>,
    pub message: Option<Py<PyString>>,
    pub detail: Detail,
    pub ctx: Context,
    pub locale: Locale,
}

impl PyDecoded {
    pub fn new(
        py: Python<'_>,
        d: &Decoded<'_>,
        raw: Py<PyAny>,
        message: Option<Py<PyString>>,
        ctx: Context,
        locale: Locale,
    ) -> PyResult<Self> {
        let detail = match &message {
            Some(m) => Detail::locate(d.detail(), Some(m.bind(py).to_str()?)),
            None => Detail::locate(d.detail(), None),
        };
        Ok(PyDecoded { d: d.detach(), raw, message, detail, ctx, locale })
    }

    fn detail_str<'a>(&'a self, py: Python<'a>) -> PyResult<Option<String>> {
        Ok(match &self.detail {
            Detail::None => None,
            Detail::Fixed(s) => Some(s.to_string()),
            Detail::Slice(a, b) => match &self.message {
                Some(m) => Some(m.bind(py).to_str()?[*a as usize..*b as usize].to_owned()),
                None => None,
            },
        })
    }

    /// The raw input as the core sees it, for the JSON form.
    fn json(&self, py: Python<'_>) -> PyResult<String> {
        let raw_obj = self.raw.bind(py);
        let raw_text;
        let raw = if let Ok(s) = raw_obj.cast::<PyString>() {
            raw_text = s.to_str()?.to_owned();
            Raw::Text(&raw_text)
        } else if let Ok(n) = raw_obj.extract::<i64>() {
            Raw::Integer(n)
        } else {
            raw_text = raw_obj.str()?.to_str()?.to_owned();
            Raw::Text(&raw_text)
        };
        let detail = self.detail_str(py)?;
        let full = self.d.reattach(raw, detail.as_deref());
        let mut out = Vec::new();
        paycodes::json::write_decoded(&mut out, &full, self.locale);
        Ok(String::from_utf8(out).unwrap_or_default())
    }
}

#[pymethods]
impl PyDecoded {
    #[getter]
    fn family(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.family, self.d.family().number()))
    }
    #[getter]
    fn raw(&self, py: Python<'_>) -> Py<PyAny> {
        self.raw.clone_ref(py)
    }
    #[getter]
    fn canonical(&self) -> &str {
        self.d.canonical()
    }
    #[getter]
    fn known(&self) -> bool {
        self.d.known()
    }
    #[getter]
    fn template(&self) -> bool {
        self.d.is_template()
    }
    #[getter]
    fn http_status(&self) -> Option<u16> {
        self.d.http_status()
    }
    #[getter]
    fn service_code(&self) -> Option<&str> {
        self.d.service_code()
    }
    #[getter]
    fn service(&self) -> Option<PyService> {
        self.d.service().map(|s| PyService { s, provider: self.d.provider().id() })
    }
    #[getter]
    fn case_code(&self) -> Option<&str> {
        self.d.case_code()
    }
    #[getter]
    fn message<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        text(py, self.d.message().as_str())
    }
    #[getter]
    fn detail(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.detail_str(py)
    }
    #[getter]
    fn category(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.category, self.d.category().number()))
    }
    #[getter]
    fn outcome(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.outcome, self.d.outcome().number()))
    }
    #[getter]
    fn reason(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.reason, self.d.reason().number()))
    }
    #[getter]
    fn action(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.action, self.d.action().number()))
    }
    #[getter]
    fn customer_message<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        text(py, self.d.customer_message(self.locale).text.as_str())
    }
    #[getter]
    fn masked(&self) -> bool {
        self.d.customer_message(self.locale).masked
    }
    #[getter]
    fn merchant_message<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        text(py, self.d.merchant_message().as_str())
    }
    #[getter]
    fn provider<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        text(py, self.d.provider().id())
    }
    #[getter]
    fn source<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        text(py, self.d.source().as_str())
    }
    #[getter]
    fn operation(&self) -> Option<&'static str> {
        self.d.operation().map(|o| o.id())
    }
    #[getter]
    fn network(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let e = enums(py)?;
        Ok(self.d.network().map(|n| member(py, &e.network, n.number())))
    }
    #[getter]
    fn card_category(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let e = enums(py)?;
        Ok(self.d.card_category().map(|c| member(py, &e.category, c.number())))
    }
    #[getter]
    fn network_variants<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        if self.d.family() != Family::Iso8583 {
            return Ok(None);
        }
        let items: Vec<PyNetworkVariant> = self.d.network_variants().map(|v| PyNetworkVariant { v }).collect();
        Ok(Some(PyTuple::new(py, items)?))
    }
    #[getter]
    fn status_kind(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let e = enums(py)?;
        Ok(self.d.status_kind().map(|k| member(py, &e.status_kind, k.number())))
    }
    /// The locale of `customer_message`.
    #[getter]
    fn locale(&self) -> &'static str {
        self.locale.id()
    }

    /// Exactly the object `paycodes explain --json` prints (plain str ids, None for null).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = &self.d;
        // A copy of a dict that already has every key, in order: filling it never resizes
        // (building it key by key spent most of its time growing the table).
        let out = decoded_template(py)?.copy()?;
        out.set_item(intern!(py, "family"), text(py, d.family().id()))?;
        out.set_item(intern!(py, "raw"), self.raw.bind(py))?;
        out.set_item(intern!(py, "canonical"), d.canonical())?;
        out.set_item(intern!(py, "known"), d.known())?;
        out.set_item(intern!(py, "template"), d.is_template())?;
        out.set_item(intern!(py, "http_status"), d.http_status())?;
        out.set_item(intern!(py, "service_code"), d.service_code())?;
        match d.service() {
            Some(s) => {
                out.set_item(intern!(py, "service"), PyService { s, provider: d.provider().id() }.to_dict(py)?)?
            }
            None => out.set_item(intern!(py, "service"), py.None())?,
        }
        out.set_item(intern!(py, "case_code"), d.case_code())?;
        out.set_item(intern!(py, "message"), text(py, d.message().as_str()))?;
        out.set_item(intern!(py, "detail"), self.detail_str(py)?)?;
        out.set_item(intern!(py, "category"), text(py, d.category().id()))?;
        out.set_item(intern!(py, "outcome"), text(py, d.outcome().id()))?;
        out.set_item(intern!(py, "reason"), text(py, d.reason().id()))?;
        out.set_item(intern!(py, "action"), text(py, d.action().id()))?;
        let cm = d.customer_message(self.locale);
        out.set_item(intern!(py, "customer_message"), text(py, cm.text.as_str()))?;
        out.set_item(intern!(py, "masked"), cm.masked)?;
        out.set_item(intern!(py, "merchant_message"), text(py, d.merchant_message().as_str()))?;
        out.set_item(intern!(py, "provider"), text(py, d.provider().id()))?;
        out.set_item(intern!(py, "source"), text(py, d.source().as_str()))?;
        out.set_item(intern!(py, "operation"), opt_text(py, d.operation().map(|o| o.id())))?;
        out.set_item(intern!(py, "network"), opt_text(py, d.network().map(|n| n.id())))?;
        out.set_item(intern!(py, "card_category"), opt_text(py, d.card_category().map(|c| c.id())))?;
        if d.family() == Family::Iso8583 {
            let items =
                d.network_variants().map(|v| PyNetworkVariant { v }.to_dict(py)).collect::<PyResult<Vec<_>>>()?;
            out.set_item(intern!(py, "network_variants"), items)?;
        } else {
            out.set_item(intern!(py, "network_variants"), py.None())?;
        }
        out.set_item(intern!(py, "status_kind"), opt_text(py, d.status_kind().map(|k| k.id())))?;
        Ok(out)
    }

    /// The same JSON text `paycodes explain --json` prints.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let raw = self.raw.bind(py).repr()?;
        let mut s = format!(
            "Decoded({raw}, family={}, outcome={}, reason={}, action={}",
            self.d.family(),
            self.d.outcome(),
            self.d.reason(),
            self.d.action()
        );
        if !self.d.known() {
            s.push_str(", known=False");
        }
        if self.d.provider().id() != "standard" {
            s.push_str(&format!(", provider={}", self.d.provider().id()));
        }
        if let Some(detail) = self.detail_str(py)? {
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
        let args = (
            self.raw.clone_ref(py),
            self.message.as_ref().map(|m| m.clone_ref(py)),
            c.provider().id(),
            c.family().map(|f| f.id()),
            c.network().map(|n| n.id()),
            c.operation().map(|o| o.id()),
            c.kind().map(|k| k.id()),
            self.locale.id(),
        );
        Ok((f, args.into_pyobject(py)?))
    }
}

static DECODED_TEMPLATE: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

fn decoded_template(py: Python<'_>) -> PyResult<&Bound<'_, PyDict>> {
    DECODED_TEMPLATE
        .get_or_try_init(py, || {
            let t = PyDict::new(py);
            for key in paycodes::json::DECODED_KEYS {
                t.set_item(PyString::intern(py, key), py.None())?;
            }
            Ok::<_, PyErr>(t.unbind())
        })
        .map(|t| t.bind(py))
}

/// The SNAP service (API) a code came from.
#[pyclass(frozen, module = "paycodes", name = "Service")]
pub struct PyService {
    pub s: &'static Service,
    pub provider: &'static str,
}

#[pymethods]
impl PyService {
    #[getter]
    fn code(&self) -> &'static str {
        self.s.code().as_str()
    }
    #[getter]
    fn name(&self) -> &'static str {
        self.s.name().as_str()
    }
    #[getter]
    fn product(&self) -> &'static str {
        self.s.product().as_str()
    }
    #[getter]
    fn kind(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.service_kind, self.s.kind().number()))
    }
    #[getter]
    fn moves_money(&self) -> bool {
        self.s.moves_money()
    }
    #[getter]
    fn status_service(&self) -> Option<&'static str> {
        self.s.status_service().map(|t| t.as_str())
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        out.set_item(intern!(py, "code"), text(py, self.code()))?;
        out.set_item(intern!(py, "name"), text(py, self.name()))?;
        out.set_item(intern!(py, "product"), text(py, self.product()))?;
        out.set_item(intern!(py, "kind"), text(py, self.s.kind().id()))?;
        out.set_item(intern!(py, "moves_money"), self.moves_money())?;
        out.set_item(intern!(py, "status_service"), opt_text(py, self.status_service()))?;
        Ok(out)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (code, name) = (PyString::new(py, self.code()).repr()?, PyString::new(py, self.name()).repr()?);
        Ok(format!("Service({code}, {name}, moves_money={})", if self.moves_money() { "True" } else { "False" }))
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

#[pymethods]
impl PyNetworkVariant {
    #[getter]
    fn network(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.network, self.v.network.number()))
    }
    #[getter]
    fn message<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        text(py, self.v.message.as_str())
    }
    #[getter]
    fn category(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.category, self.v.category.number()))
    }
    #[getter]
    fn reason(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.reason, self.v.reason.number()))
    }
    #[getter]
    fn outcome(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.outcome, self.v.outcome.number()))
    }
    #[getter]
    fn action(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.action, self.v.action.number()))
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        out.set_item("network", self.v.network.id())?;
        out.set_item("message", self.v.message.as_str())?;
        out.set_item("category", self.v.category.id())?;
        out.set_item("reason", self.v.reason.id())?;
        out.set_item("outcome", self.v.outcome.id())?;
        out.set_item("action", self.v.action.id())?;
        Ok(out)
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
    pub code: String,
    pub message: String,
    pub template: &'static str,
    pub reason: paycodes::Reason,
}

#[pymethods]
impl PyBuilt {
    /// The `responseCode`.
    #[getter]
    fn code(&self) -> &str {
        &self.code
    }
    /// The `responseMessage`, placeholder filled.
    #[getter]
    fn message(&self) -> &str {
        &self.message
    }
    /// The table template the message comes from.
    #[getter]
    fn template(&self) -> &'static str {
        self.template
    }
    #[getter]
    fn reason(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(member(py, &enums(py)?.reason, self.reason.number()))
    }
    /// `{"responseCode": ..., "responseMessage": ...}`, ready to send.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        out.set_item("responseCode", &self.code)?;
        out.set_item("responseMessage", &self.message)?;
        Ok(out)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("Built({}, {})", PyString::new(py, &self.code).repr()?, PyString::new(py, &self.message).repr()?))
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyBuilt>().is_ok_and(|o| o.get().code == self.code && o.get().message == self.message)
    }
    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&self.code, &self.message).hash(&mut h);
        h.finish()
    }
}
