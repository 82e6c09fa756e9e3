//! `assure schema`: the JSON Schema of the case format.

/// Prints the schema.
pub fn run() -> Result<u8, String> {
    let schema = assure_core::format::json_schema();
    let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(0)
}
