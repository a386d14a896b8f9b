"""Reads the id enums of core/src/ids.rs for the binding generators (ffi-c, py, node).

`variants(enum)` gives (Rust variant, number, stable id, doc) per value in declaration
order; `enum_doc(enum)` the enum's doc comment joined into one line. The regexes follow the
`id_enum!` macro's layout; a layout change makes them fail loudly (assert), not silently."""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IDS = open(os.path.join(ROOT, 'core/src/ids.rs')).read()


def variants(enum):
    body = re.search(r'pub enum ' + enum + r' \{(.*?)\n    \}\n\}', IDS, re.S)
    assert body, f'enum {enum} not found in core/src/ids.rs'
    out = [(m.group(2), int(m.group(3)), m.group(4), (m.group(1) or '').strip())
           for m in re.finditer(r'(?:///\s*(.*?)\n\s*)?(\w+) = (\d+) => "(\w+)",', body.group(1))]
    assert out, enum
    return out


def enum_doc(enum):
    doc = re.search(r'((?:    /// .*\n)+)    pub enum ' + enum + r' \{', IDS)
    assert doc, f'enum {enum} has no doc comment'
    return ' '.join(line.strip()[4:] for line in doc.group(1).splitlines())


def write_rust_if_changed(path, source):
    """Formats `source` as `cargo fmt` would (rustfmt reads the workspace rustfmt.toml) and
    writes it to `path` only when it differs, so an unchanged file keeps its timestamp and
    cargo does not rebuild. Returns whether the file changed."""
    import subprocess
    formatted = subprocess.run(['rustfmt', '--edition', '2024', '--emit', 'stdout', '--config-path', ROOT],
                               input=source, capture_output=True, text=True, check=True).stdout
    old = open(path).read() if os.path.exists(path) else None
    if formatted == old:
        return False
    with open(path, 'w') as f:
        f.write(formatted)
    return True
