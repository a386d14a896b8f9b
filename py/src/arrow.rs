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
use paycodes::columns::{self, Column, ColumnType};
use paycodes::fields::Value;
use paycodes::{Arg, Error, ValueType};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_arrow::PyRecordBatch;
use pyo3_arrow::input::AnyArray;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// Decodes Arrow arrays of codes (and messages) into a record batch. See
/// `paycodes.decode_arrow` (python/paycodes/__init__.py).
#[pyfunction]
#[pyo3(signature = (codes, messages=None, /, *, columns=None, dictionary=true, **options))]
pub fn _decode_arrow(
    py: Python<'_>,
    codes: &Bound<'_, PyAny>,
    messages: Option<&Bound<'_, PyAny>>,
    columns: Option<Vec<String>>,
    dictionary: bool,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyRecordBatch> {
    error::guard(py, || {
        let fail = |e| error::to_py(py, e, None);
        let kw = crate::kwargs(options)?;
        let args = crate::args(Call::DecodeMany, &kw).map_err(fail)?;
        let selected: Vec<usize> = match &columns {
            None => (0..columns::decoded_columns().len()).collect(),
            Some(names) => names.iter().map(|n| columns::column_index(n)).collect::<Result<_, _>>().map_err(fail)?,
        };
        let codes = chunks(codes, Arg::Codes, true).map_err(fail)?;
        let messages = match messages {
            Some(m) if !m.is_none() => Some(chunks(m, Arg::Message, false).map_err(fail)?),
            _ => None,
        };
        let batch = py.detach(|| decode_columns(&codes, messages.as_deref(), &args, &selected, dictionary));
        Ok(PyRecordBatch::new(batch.map_err(fail)?))
    })
}

/// The chunks of an input column, integers widened to 64 bits (codes only).
fn chunks(input: &Bound<'_, PyAny>, arg: Arg, codes: bool) -> Result<Vec<ArrayRef>, Error> {
    let bad = |got: ValueType| Error::BadType {
        arg,
        expected: if codes {
            "an Arrow array of strings or whole numbers"
        } else {
            "an Arrow array of strings (or nulls)"
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

fn decode_columns(
    codes: &[ArrayRef],
    messages: Option<&[ArrayRef]>,
    args: &Args<'_>,
    selected: &[usize],
    dictionary: bool,
) -> Result<RecordBatch, Error> {
    let n: usize = codes.iter().map(|c| c.len()).sum();
    // Rows are indexed by u32 (4 bytes of working memory per row); split larger inputs.
    if n > u32::MAX as usize {
        return Err(Error::OutOfRange { arg: Arg::Codes, min: 0, max: i64::from(u32::MAX) });
    }
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
    let mut fields = Vec::with_capacity(selected.len());
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(selected.len());
    for &col in selected {
        let column = &all[col];
        let array = build(column, col, &batch, &slots, dictionary)?;
        let mut field = Field::new(column.name.as_str(), array.data_type().clone(), true);
        field.set_metadata(HashMap::from([("description".to_string(), column.doc.trim().to_string())]));
        fields.push(field);
        arrays.push(array);
    }
    let schema = Arc::new(Schema::new(fields));
    let options = RecordBatchOptions::new().with_row_count(Some(n));
    // Only an internal inconsistency could make this fail.
    RecordBatch::try_new_with_options(schema, arrays, &options).map_err(|_| Error::Internal)
}

/// The value of column `col` for distinct answer `slot`.
fn cell<'a>(batch: &'a BatchDecoder<'a>, slot: usize, col: usize) -> Value<'a> {
    match &batch.answers()[slot] {
        Ok(d) => columns::cell(d, col),
        Err(e) => columns::error_cell(batch.code(slot).as_ref(), e, col),
    }
}

/// One output column over the rows.
fn build(
    column: &Column,
    col: usize,
    batch: &BatchDecoder<'_>,
    slots: &[u32],
    dictionary: bool,
) -> Result<ArrayRef, Error> {
    let distinct = batch.answers().len();
    match column.ty {
        ColumnType::Bool => {
            let per: Vec<Option<bool>> = (0..distinct)
                .map(|s| match cell(batch, s, col) {
                    Value::Bool(b) => Some(b),
                    _ => None,
                })
                .collect();
            let values = BooleanBuffer::collect_bool(slots.len(), |i| per[slots[i] as usize] == Some(true));
            Ok(Arc::new(BooleanArray::new(values, nulls(&per, slots))))
        }
        ColumnType::Int => {
            let per: Vec<Option<i64>> = (0..distinct)
                .map(|s| match cell(batch, s, col) {
                    Value::Int(n) => Some(n),
                    _ => None,
                })
                .collect();
            let values: Vec<i64> = slots.iter().map(|&s| per[s as usize].unwrap_or(0)).collect();
            let nulls = nulls(&per, slots);
            Ok(Arc::new(Int64Array::new(ScalarBuffer::from(values), nulls)))
        }
        ColumnType::Enum(ty) => {
            let values = ty.values();
            let ids = StringArray::from_iter_values(values.iter().map(|v| v.id));
            let per: Vec<Option<usize>> = (0..distinct)
                .map(|s| match cell(batch, s, col) {
                    Value::Enum(_, n) => values.iter().position(|v| v.number == n),
                    _ => None,
                })
                .collect();
            dict(&per, slots, ids, dictionary)
        }
        ColumnType::Text => {
            let mut index: HashMap<Cow<'_, str>, usize> = HashMap::new();
            let mut texts: Vec<Cow<'_, str>> = Vec::new();
            let per: Vec<Option<usize>> = (0..distinct)
                .map(|s| {
                    let text: Cow<'_, str> = match cell(batch, s, col) {
                        Value::Null => return None,
                        Value::Str(s) => Cow::Borrowed(s),
                        Value::Text(t) => Cow::Borrowed(t.as_str()),
                        other => {
                            let mut out = Vec::new();
                            columns::write_text(&mut out, &other);
                            Cow::Owned(String::from_utf8_lossy(&out).into_owned())
                        }
                    };
                    Some(*index.entry(text.clone()).or_insert_with(|| {
                        texts.push(text);
                        texts.len() - 1
                    }))
                })
                .collect();
            dict(&per, slots, StringArray::from_iter_values(texts.iter()), dictionary)
        }
    }
}

/// The rows' validity, or `None` when no row is null.
fn nulls<T>(per: &[Option<T>], slots: &[u32]) -> Option<NullBuffer> {
    if per.iter().all(Option::is_some) {
        return None;
    }
    // Packed 64 rows at a time (a Vec<bool> first cost as much as the column itself).
    Some(NullBuffer::new(BooleanBuffer::collect_bool(slots.len(), |i| per[slots[i] as usize].is_some())))
}

/// A dictionary column (or, with `dictionary` false, the plain strings): each row's key is
/// its answer's key, in the smallest key type that holds the dictionary.
fn dict(per: &[Option<usize>], slots: &[u32], values: StringArray, dictionary: bool) -> Result<ArrayRef, Error> {
    fn keyed<K: ArrowDictionaryKeyType>(
        per: &[Option<usize>],
        slots: &[u32],
        values: StringArray,
    ) -> Result<ArrayRef, Error>
    where
        K::Native: TryFrom<usize> + Default,
    {
        // The key type is chosen to hold every key: a failed conversion is a bug.
        let key = |k: Option<usize>| match k {
            None => Ok(K::Native::default()),
            Some(k) => K::Native::try_from(k).map_err(|_| Error::Internal),
        };
        let per_key: Vec<K::Native> = per.iter().map(|&k| key(k)).collect::<Result<_, _>>()?;
        let keys: Vec<K::Native> = slots.iter().map(|&s| per_key[s as usize]).collect();
        let keys = PrimitiveArray::<K>::new(ScalarBuffer::from(keys), nulls(per, slots));
        let array = DictionaryArray::<K>::try_new(keys, Arc::new(values)).map_err(|_| Error::Internal)?;
        Ok(Arc::new(array))
    }
    let array = match values.len() {
        0..=128 => keyed::<Int8Type>(per, slots, values),
        129..=32_768 => keyed::<Int16Type>(per, slots, values),
        _ => keyed::<Int32Type>(per, slots, values),
    }?;
    if dictionary {
        return Ok(array);
    }
    arrow_cast::cast(&array, &DataType::Utf8).map_err(|_| Error::Internal)
}
