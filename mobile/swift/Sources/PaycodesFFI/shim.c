/* SwiftPM builds a C target from at least one source file; the symbols come from the Rust
   library (libpaycodes_mobile) this target links. */
#include "PaycodesFFI.h"
