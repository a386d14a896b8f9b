//! placeholder
pub fn ready() -> Result<(), String> {
    Ok(())
}
pub fn ci(_rest: &[&str]) -> Result<(), String> {
    Ok(())
}
