//! placeholder
use crate::util::Outputs;
pub fn generate(_out: &mut Outputs) -> Result<(), String> {
    Ok(())
}
pub fn bindings(_out: &mut Outputs, _tmp: &std::path::Path) -> Result<(), String> {
    Ok(())
}
