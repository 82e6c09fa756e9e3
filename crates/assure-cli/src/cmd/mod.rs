//! One module per subcommand.

pub mod check;
pub mod demo;
pub mod gen_case;
pub mod render;
pub mod report;
pub mod rules;
pub mod schema;
