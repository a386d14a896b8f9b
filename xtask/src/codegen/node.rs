//! placeholder
use crate::util::Outputs;
pub fn generate(_out: &mut Outputs) -> Result<(), String> {
    Ok(())
}
