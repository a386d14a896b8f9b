//! `decode_arrow`: codes (and messages) as Arrow arrays in, the answers as an Arrow record
//! batch out, with no Python object per row.
//!
//! The arrays come in through the Arrow PyCapsule interface (`__arrow_c_array__` or
//! `__arrow_c_stream__`: pyarrow, Polars, pandas' Arrow-backed columns, nanoarrow, arro3),
//! read by `pyo3-arrow` with no copy. Without the GIL, the core's [`BatchDecoder`] gives
//! each row the index of its answer (equal rows share one answer, decoded once), and each
//! column of [`paycodes::columns`] is built from the distinct answers and then gathered
//! over the rows: text and enum columns are dictionary arrays (one small dictionary of the
//! distinct values, keys of the smallest integer type that holds them), booleans and
//! integers plain arrays. A row whose code is malformed has its error id in `error` and
//! nulls elsewhere (but `raw`).
//!
//! Why pyo3-arrow: it speaks the PyCapsule interface in both directions for pyo3 (so any
//! Arrow producer works, and pyarrow is not a build or import dependency of the extension)
//! and is maintained with arrow-rs; its `buffer_protocol` feature is off because the buffer
//! protocol is not in the abi3 API of CPython 3.10.

use crate::error;
use arrow_array::cast::AsArray;
use arrow_array::types::{ArrowDictionaryKeyType, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, DictionaryArray, GenericBinaryArray, GenericStringArray, Int64Array, PrimitiveArray,
    RecordBatch, RecordBatchOptions, StringArray, StringViewArray,
};
use arrow_buffer::{BooleanBuffer, NullBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Schema};
use paycodes::api::{Args, BatchDecoder, Call, Input};
use paycodes::columns::{self, Column, ColumnSet, ColumnType};
use paycodes::fields::Value;
use paycodes::{Arg, EnumType, Error, ValueType};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_arrow::PyRecordBatch;
use pyo3_arrow::input::AnyArray;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// Decodes Arrow arrays of codes (and messages), or of whole bodies, into a record batch.
/// See `paycodes.decode_arrow` (python/paycodes/_arrow.py).
#[pyfunction]
#[pyo3(signature = (codes=None, messages=None, /, *, bodies=None, columns=None, dictionary=true, **options))]
pub fn _decode_arrow(
    py: Python<'_>,
    codes: Option<&Bound<'_, PyAny>>,
    messages: Option<&Bound<'_, PyAny>>,
    bodies: Option<&Bound<'_, PyAny>>,
    columns: Option<Vec<String>>,
    dictionary: bool,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyRecordBatch> {
    error::guard(py, || {
        let fail = |e| error::to_py(py, e, None);
        let (codes, messages, bodies) = (given(codes), given(messages), given(bodies));
        let kw = crate::kwargs(options)?;
        let set = if bodies.is_some() { ColumnSet::Response } else { ColumnSet::Decoded };
        let selected: Vec<usize> = match &columns {
            None => (0..set.columns().len()).collect(),
            Some(names) => names.iter().map(|n| set.index(n)).collect::<Result<_, _>>().map_err(fail)?,
        };
        let batch = match (codes, messages, bodies) {
            (Some(_), _, Some(_)) => Err(Error::ConflictingArguments { arg: Arg::Codes, other: Arg::Body }),
            (None, Some(_), Some(_)) => Err(Error::ConflictingArguments { arg: Arg::Message, other: Arg::Body }),
            (None, _, None) => Err(Error::MissingArgument { arg: Arg::Codes, hint: "codes (and messages), or bodies" }),
            (None, None, Some(bodies)) => {
                let args = crate::args(Call::DecodeResponse, &kw).map_err(fail)?;
                let bodies = chunks(bodies, Arg::Body).map_err(fail)?;
                py.detach(|| decode_bodies(&bodies, &args, &selected, dictionary))
            }
            (Some(codes), messages, None) => {
                let args = crate::args(Call::DecodeMany, &kw).map_err(fail)?;
                let codes = chunks(codes, Arg::Codes).map_err(fail)?;
                let messages = messages.map(|m| chunks(m, Arg::Message)).transpose().map_err(fail)?;
                py.detach(|| decode_columns(&codes, messages.as_deref(), &args, &selected, dictionary))
            }
        };
        Ok(PyRecordBatch::new(batch.map_err(fail)?))
    })
}

/// The argument when given and not None.
fn given<'a, 'py>(a: Option<&'a Bound<'py, PyAny>>) -> Option<&'a Bound<'py, PyAny>> {
    a.filter(|a| !a.is_none())
}

/// The chunks of an input column, integers widened to 64 bits (codes only: messages and
/// bodies are text or bytes).
fn chunks(input: &Bound<'_, PyAny>, arg: Arg) -> Result<Vec<ArrayRef>, Error> {
    let codes = arg == Arg::Codes;
    let bad = |got: ValueType| Error::BadType {
        arg,
        expected: match arg {
            Arg::Codes => "an Arrow array of strings or whole numbers",
            Arg::Body => "an Arrow array of strings or binary (the JSON bodies; null for no response)",
            _ => "an Arrow array of strings (or nulls)",
        },
        got,
    };
    let any: AnyArray = input.extract().map_err(|_| bad(crate::input(input).value_type()))?;
    let chunked = any.into_chunked_array().map_err(|_| bad(ValueType::Other))?;
    let (chunks, _) = chunked.into_inner();
    chunks
        .into_iter()
        .map(|a| {
            let ty = a.data_type().clone();
            let value_type = match &ty {
                DataType::Dictionary(_, v) => v.as_ref().clone(),
                t => t.clone(),
            };
            match value_type {
                DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null => Ok(a),
                DataType::Binary | DataType::LargeBinary => Ok(a),
                DataType::Int8
                | DataType::Int16
                | DataType::Int32
                | DataType::UInt8
                | DataType::UInt16
                | DataType::UInt32
                    if codes =>
                {
                    widen(&a, &ty, DataType::Int64).ok_or_else(|| bad(ValueType::Other))
                }
                DataType::Float16 | DataType::Float32 if codes => {
                    widen(&a, &ty, DataType::Float64).ok_or_else(|| bad(ValueType::Other))
                }
                DataType::Int64 | DataType::UInt64 | DataType::Float64 if codes => Ok(a),
                DataType::Boolean => Err(bad(ValueType::Bool)),
                DataType::List(_) | DataType::LargeList(_) | DataType::FixedSizeList(..) => Err(bad(ValueType::List)),
                DataType::Struct(_) | DataType::Map(..) => Err(bad(ValueType::Object)),
                _ => Err(bad(ValueType::Other)),
            }
        })
        .collect()
}

/// A lossless cast of the values (the dictionary's values, for a dictionary array).
fn widen(a: &ArrayRef, ty: &DataType, to: DataType) -> Option<ArrayRef> {
    let target = match ty {
        DataType::Dictionary(k, _) => DataType::Dictionary(k.clone(), Box::new(to)),
        _ => to,
    };
    arrow_cast::cast(a, &target).ok()
}

/// Reads one chunk's values as the core's inputs.
enum Reader<'a> {
    Null,
    Utf8(&'a StringArray),
    LargeUtf8(&'a GenericStringArray<i64>),
    View(&'a StringViewArray),
    Binary(&'a GenericBinaryArray<i32>),
    LargeBinary(&'a GenericBinaryArray<i64>),
    Int(&'a Int64Array),
    UInt(&'a PrimitiveArray<UInt64Type>),
    Float(&'a PrimitiveArray<Float64Type>),
    Dict { keys: &'a dyn Array, normalized: Vec<usize>, values: Box<Reader<'a>> },
}

impl<'a> Reader<'a> {
    fn new(a: &'a dyn Array) -> Reader<'a> {
        if let Some(d) = a.as_any_dictionary_opt() {
            return Reader::Dict {
                keys: d.keys(),
                normalized: d.normalized_keys(),
                values: Box::new(Reader::new(d.values())),
            };
        }
        match a.data_type() {
            DataType::Utf8 => Reader::Utf8(a.as_string::<i32>()),
            DataType::LargeUtf8 => Reader::LargeUtf8(a.as_string::<i64>()),
            DataType::Utf8View => Reader::View(a.as_string_view()),
            DataType::Binary => Reader::Binary(a.as_binary::<i32>()),
            DataType::LargeBinary => Reader::LargeBinary(a.as_binary::<i64>()),
            DataType::Int64 => Reader::Int(a.as_primitive::<Int64Type>()),
            DataType::UInt64 => Reader::UInt(a.as_primitive::<UInt64Type>()),
            DataType::Float64 => Reader::Float(a.as_primitive::<Float64Type>()),
            // `chunks` lets no other type through.
            _ => Reader::Null,
        }
    }

    fn get(&self, i: usize) -> Input<'a> {
        fn read<'a, A: Array>(a: &'a A, i: usize, value: impl FnOnce(&'a A) -> Input<'a>) -> Input<'a> {
            if a.is_null(i) { Input::Null } else { value(a) }
        }
        match self {
            Reader::Null => Input::Null,
            Reader::Utf8(a) => read(*a, i, |a| Input::Str(a.value(i))),
            Reader::LargeUtf8(a) => read(*a, i, |a| Input::Str(a.value(i))),
            Reader::View(a) => read(*a, i, |a| Input::Str(a.value(i))),
            Reader::Binary(a) => read(*a, i, |a| Input::Bytes(a.value(i))),
            Reader::LargeBinary(a) => read(*a, i, |a| Input::Bytes(a.value(i))),
            Reader::Int(a) => read(*a, i, |a| Input::Int(a.value(i))),
            Reader::UInt(a) => read(*a, i, |a| {
                let n = a.value(i);
                i64::try_from(n).map_or(Input::BigInt { negative: false, digits: n.to_string().len() }, Input::Int)
            }),
            Reader::Float(a) => read(*a, i, |a| Input::Float(a.value(i))),
            Reader::Dict { keys, normalized, values } => {
                if keys.is_null(i) {
                    Input::Null
                } else {
                    values.get(normalized[i])
                }
            }
        }
    }
}

/// Every row's input, across the chunks.
fn rows<'a>(chunks: &'a [ArrayRef]) -> impl Iterator<Item = Input<'a>> + 'a {
    chunks.iter().flat_map(|c| {
        let reader = Reader::new(c.as_ref());
        (0..c.len()).map(move |i| reader.get(i))
    })
}

/// Rows are indexed by u32 (4 bytes of working memory per row); larger inputs are split by
/// the caller.
fn check_rows(n: usize, arg: Arg) -> Result<(), Error> {
    if n > u32::MAX as usize {
        return Err(Error::OutOfRange { arg, min: 0, max: i64::from(u32::MAX) });
    }
    Ok(())
}

fn decode_columns(
    codes: &[ArrayRef],
    messages: Option<&[ArrayRef]>,
    args: &Args<'_>,
    selected: &[usize],
    dictionary: bool,
) -> Result<RecordBatch, Error> {
    let n: usize = codes.iter().map(|c| c.len()).sum();
    check_rows(n, Arg::Codes)?;
    if let Some(m) = messages {
        let count: usize = m.iter().map(|c| c.len()).sum();
        if count != n {
            return Err(Error::LengthMismatch { codes: n, messages: count });
        }
    }
    let mut batch = BatchDecoder::new(args)?;
    let mut slots: Vec<u32> = Vec::with_capacity(n);
    match messages {
        // Chunk by chunk (not through `rows`): a flattened iterator cost a tenth of the time.
        None => {
            for chunk in codes {
                let reader = Reader::new(chunk.as_ref());
                slots.extend((0..chunk.len()).map(|i| batch.push(reader.get(i), Input::Null)));
            }
        }
        Some(m) => slots.extend(rows(codes).zip(rows(m)).map(|(c, m)| batch.push(c, m))),
    }
    let all = columns::decoded_columns();
    let arrays =
        selected.iter().map(|&col| build(&all[col], col, &batch, &slots, dictionary)).collect::<Result<Vec<_>, _>>()?;
    record_batch(all, selected, arrays, n)
}

/// Whole bodies, one `decode_response` each. Bodies rarely repeat (they carry references),
/// so nothing is shared between rows: each answer is written into the columns and dropped
/// before the next body is read, and memory is that of the columns being built.
fn decode_bodies(
    bodies: &[ArrayRef],
    args: &Args<'_>,
    selected: &[usize],
    dictionary: bool,
) -> Result<RecordBatch, Error> {
    let n: usize = bodies.iter().map(|c| c.len()).sum();
    check_rows(n, Arg::Body)?;
    // A bad option (an unknown provider, an HTTP status out of range) fails the call once,
    // not every row: check the options on "no response" first.
    paycodes::api::decode_response(&Input::Null, args)?;
    let all = columns::response_columns();
    let mut built: Vec<Builder> = selected.iter().map(|&col| Builder::new(all[col].ty, n)).collect();
    for chunk in bodies {
        let reader = Reader::new(chunk.as_ref());
        for i in 0..chunk.len() {
            let answer = paycodes::api::decode_response(&reader.get(i), args);
            for (b, &col) in built.iter_mut().zip(selected) {
                b.push(match &answer {
                    Ok(r) => columns::response_cell(r, col),
                    Err(e) => columns::error_cell(ColumnSet::Response, None, e, col),
                });
            }
        }
    }
    let arrays = built.into_iter().map(|b| b.finish(dictionary)).collect::<Result<Vec<_>, _>>()?;
    record_batch(all, selected, arrays, n)
}

/// The selected columns as a record batch of `n` rows, each field described by its doc.
fn record_batch(all: &[Column], selected: &[usize], arrays: Vec<ArrayRef>, n: usize) -> Result<RecordBatch, Error> {
    let fields: Vec<Field> = selected
        .iter()
        .zip(&arrays)
        .map(|(&col, array)| {
            let column = &all[col];
            let mut field = Field::new(column.name.as_str(), array.data_type().clone(), true);
            field.set_metadata(HashMap::from([("description".to_string(), column.doc.trim().to_string())]));
            field
        })
        .collect();
    let options = RecordBatchOptions::new().with_row_count(Some(n));
    // Only an internal inconsistency could make this fail.
    RecordBatch::try_new_with_options(Arc::new(Schema::new(fields)), arrays, &options).map_err(|_| Error::Internal)
}

/// The value of column `col` for distinct answer `slot`.
fn cell<'a>(batch: &'a BatchDecoder<'a>, slot: usize, col: usize) -> Value<'a> {
    match &batch.answers()[slot] {
        Ok(d) => columns::cell(d, col),
        Err(e) => columns::error_cell(ColumnSet::Decoded, batch.code(slot).as_ref(), e, col),
    }
}

/// A text cell's text: text as is, anything else (a list) as [`columns::write_text`]
/// writes it; `None` for null.
fn text_of<'a>(v: Value<'a>) -> Option<Cow<'a, str>> {
    match v {
        Value::Null => None,
        Value::Str(s) => Some(Cow::Borrowed(s)),
        Value::Text(t) => Some(Cow::Borrowed(t.as_str())),
        other => {
            let mut out = Vec::new();
            columns::write_text(&mut out, &other).then(|| Cow::Owned(String::from_utf8_lossy(&out).into_owned()))
        }
    }
}

/// An enum column's dictionary: its type's ids in the order of its values, and each value
/// number's key (computed once per column: `EnumType::values` builds a list).
struct EnumKeys {
    ids: Vec<&'static str>,
    by_number: Vec<Option<u32>>,
}

impl EnumKeys {
    fn new(ty: EnumType) -> EnumKeys {
        let values = ty.values();
        let top = values.iter().map(|v| usize::from(v.number)).max().unwrap_or(0);
        let mut by_number = vec![None; top + 1];
        for (k, v) in values.iter().enumerate() {
            by_number[usize::from(v.number)] = Some(k as u32);
        }
        EnumKeys { ids: values.iter().map(|v| v.id).collect(), by_number }
    }

    /// The key of an enum cell (`None` for null).
    fn key(&self, v: Value<'_>) -> Option<usize> {
        match v {
            Value::Enum(_, n) => self.by_number.get(usize::from(n)).copied().flatten().map(|k| k as usize),
            _ => None,
        }
    }

    fn values(&self) -> StringArray {
        StringArray::from_iter_values(self.ids.iter())
    }
}

/// One output column over the rows, from the distinct answers and each row's answer.
fn build(
    column: &Column,
    col: usize,
    batch: &BatchDecoder<'_>,
    slots: &[u32],
    dictionary: bool,
) -> Result<ArrayRef, Error> {
    let distinct = batch.answers().len();
    let n = slots.len();
    match column.ty {
        ColumnType::Bool => {
            let per: Vec<Option<bool>> = (0..distinct)
                .map(|s| match cell(batch, s, col) {
                    Value::Bool(b) => Some(b),
                    _ => None,
                })
                .collect();
            Ok(bools(n, |i| per[slots[i] as usize]))
        }
        ColumnType::Int => {
            let per: Vec<Option<i64>> = (0..distinct)
                .map(|s| match cell(batch, s, col) {
                    Value::Int(n) => Some(n),
                    _ => None,
                })
                .collect();
            Ok(ints(n, |i| per[slots[i] as usize]))
        }
        ColumnType::Enum(ty) => {
            let keys = EnumKeys::new(ty);
            let per: Vec<Option<usize>> = (0..distinct).map(|s| keys.key(cell(batch, s, col))).collect();
            dict(n, |i| per[slots[i] as usize], keys.values(), dictionary)
        }
        ColumnType::Text => {
            let mut texts = Interner::default();
            let per: Vec<Option<usize>> =
                (0..distinct).map(|s| text_of(cell(batch, s, col)).map(|t| texts.key(t))).collect();
            dict(n, |i| per[slots[i] as usize], texts.values(), dictionary)
        }
    }
}

/// The distinct texts of a column, each with its dictionary key.
#[derive(Default)]
struct Interner<'a> {
    index: HashMap<Cow<'a, str>, usize>,
    texts: Vec<Cow<'a, str>>,
}

impl<'a> Interner<'a> {
    fn key(&mut self, text: Cow<'a, str>) -> usize {
        if let Some(&k) = self.index.get(&text) {
            return k;
        }
        self.texts.push(text.clone());
        self.index.insert(text, self.texts.len() - 1);
        self.texts.len() - 1
    }

    fn values(&self) -> StringArray {
        StringArray::from_iter_values(self.texts.iter())
    }
}

/// One output column built row by row (whole bodies: every row has its own answer).
enum Builder {
    Bool(Vec<Option<bool>>),
    Int(Vec<Option<i64>>),
    Enum(EnumKeys, Vec<Option<u32>>),
    Text(Interner<'static>, Vec<Option<u32>>),
}

impl Builder {
    fn new(ty: ColumnType, n: usize) -> Builder {
        match ty {
            ColumnType::Bool => Builder::Bool(Vec::with_capacity(n)),
            ColumnType::Int => Builder::Int(Vec::with_capacity(n)),
            ColumnType::Enum(e) => Builder::Enum(EnumKeys::new(e), Vec::with_capacity(n)),
            ColumnType::Text => Builder::Text(Interner::default(), Vec::with_capacity(n)),
        }
    }

    fn push(&mut self, v: Value<'_>) {
        // Keys fit u32: rows are at most u32::MAX (check_rows).
        match self {
            Builder::Bool(rows) => rows.push(if let Value::Bool(b) = v { Some(b) } else { None }),
            Builder::Int(rows) => rows.push(if let Value::Int(n) = v { Some(n) } else { None }),
            Builder::Enum(keys, rows) => rows.push(keys.key(v).map(|k| k as u32)),
            Builder::Text(texts, rows) => {
                // Look up before copying: most values repeat (outcome texts, field names).
                rows.push(text_of(v).map(|t| match texts.index.get(t.as_ref()) {
                    Some(&k) => k as u32,
                    None => texts.key(Cow::Owned(t.into_owned())) as u32,
                }));
            }
        }
    }

    fn finish(self, dictionary: bool) -> Result<ArrayRef, Error> {
        let key = |rows: &[Option<u32>], i: usize| rows[i].map(|k| k as usize);
        match self {
            Builder::Bool(rows) => Ok(bools(rows.len(), |i| rows[i])),
            Builder::Int(rows) => Ok(ints(rows.len(), |i| rows[i])),
            Builder::Enum(keys, rows) => dict(rows.len(), |i| key(&rows, i), keys.values(), dictionary),
            Builder::Text(texts, rows) => dict(rows.len(), |i| key(&rows, i), texts.values(), dictionary),
        }
    }
}

/// A boolean column of `n` rows.
fn bools(n: usize, row: impl Fn(usize) -> Option<bool>) -> ArrayRef {
    let values = BooleanBuffer::collect_bool(n, |i| row(i) == Some(true));
    Arc::new(BooleanArray::new(values, nulls(n, |i| row(i).is_some())))
}

/// An integer column of `n` rows.
fn ints(n: usize, row: impl Fn(usize) -> Option<i64>) -> ArrayRef {
    let values: Vec<i64> = (0..n).map(|i| row(i).unwrap_or(0)).collect();
    Arc::new(Int64Array::new(ScalarBuffer::from(values), nulls(n, |i| row(i).is_some())))
}

/// The rows' validity, or `None` when no row is null.
fn nulls(n: usize, valid: impl Fn(usize) -> bool) -> Option<NullBuffer> {
    // Packed 64 rows at a time (a Vec<bool> first cost as much as the column itself).
    let buffer = NullBuffer::new(BooleanBuffer::collect_bool(n, valid));
    (buffer.null_count() > 0).then_some(buffer)
}

/// A dictionary column (or, with `dictionary` false, the plain strings): row `i`'s key is
/// `key(i)`, in the smallest key type that holds the dictionary.
fn dict(
    n: usize,
    key: impl Fn(usize) -> Option<usize>,
    values: StringArray,
    dictionary: bool,
) -> Result<ArrayRef, Error> {
    fn keyed<K: ArrowDictionaryKeyType>(
        n: usize,
        key: impl Fn(usize) -> Option<usize>,
        values: StringArray,
    ) -> Result<ArrayRef, Error>
    where
        K::Native: TryFrom<usize> + Default,
    {
        // The key type is chosen to hold every key: a failed conversion is a bug.
        let keys: Vec<K::Native> = (0..n)
            .map(|i| key(i).map_or(Ok(K::Native::default()), |k| K::Native::try_from(k).map_err(|_| Error::Internal)))
            .collect::<Result<_, _>>()?;
        let keys = PrimitiveArray::<K>::new(ScalarBuffer::from(keys), nulls(n, |i| key(i).is_some()));
        let array = DictionaryArray::<K>::try_new(keys, Arc::new(values)).map_err(|_| Error::Internal)?;
        Ok(Arc::new(array))
    }
    let array = match values.len() {
        0..=128 => keyed::<Int8Type>(n, key, values),
        129..=32_768 => keyed::<Int16Type>(n, key, values),
        _ => keyed::<Int32Type>(n, key, values),
    }?;
    if dictionary {
        return Ok(array);
    }
    arrow_cast::cast(&array, &DataType::Utf8).map_err(|_| Error::Internal)
}
