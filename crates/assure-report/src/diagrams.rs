//! The diagrams a report carries: one argument view per module and the
//! architecture view, laid out and drawn by the diagram phase, plus the
//! notation legend (itself a small case, drawn like any other).

use assure_core::model::{Case, ModuleId};
use assure_layout::{LayoutOptions, Scene, View, layout};
use assure_render::escape::module_stems;
use assure_render::{SvgOptions, svg};

/// One drawn view.
#[derive(Clone, Debug)]
pub struct Diagram {
    /// Title shown on its tab (module name, or "Architecture").
    pub title: String,
    /// File stem, as `assure render` names its file.
    pub stem: String,
    /// The module it shows, if a module view.
    pub module: Option<usize>,
    /// The laid-out scene.
    pub scene: Scene,
}

impl Diagram {
    /// The SVG, without the embedded default style when `styled` is false
    /// (the HTML report carries the style once for all diagrams).
    pub fn svg(&self, styled: bool) -> String {
        svg(
            &self.scene,
            &SvgOptions {
                default_style: styled,
                ..SvgOptions::default()
            },
        )
    }
}

/// The module views (in module order) and the architecture view of `case`,
/// with the same file stems as `assure render`.
pub fn diagrams(case: &Case) -> Vec<Diagram> {
    let opts = LayoutOptions::default();
    let mut out = Vec::with_capacity(case.modules.len() + 1);
    let stems = module_stems(case.modules.iter().map(|m| m.name.value.as_ref()));
    for ((i, m), stem) in case.modules.iter().enumerate().zip(stems) {
        let view = View::Module(ModuleId(i as u32));
        out.push(Diagram {
            title: m.name.value.to_string(),
            stem,
            module: Some(i),
            scene: layout(case, &view, &opts),
        });
    }
    out.push(Diagram {
        title: "Architecture".into(),
        stem: "architecture".into(),
        module: None,
        scene: layout(case, &View::Architecture, &opts),
    });
    out
}

/// The legend case: one of each element type and decoration.
const LEGEND_MAIN: &str = "\
module:
  name: Legend
  uses: [other.gsn.yaml]
G1:
  text: Goal (a claim)
  inContextOf: [C1, A1, J1]
  supportedBy: [S1]
C1:
  text: Context
A1:
  text: Assumption
J1:
  text: Justification
S1:
  text: Strategy (how the claim is argued)
  supportedBy: [G2, G3, G9, G4]
  multiplicity: {G3: n}
  optional: [G4]
G2:
  text: Undeveloped goal
  undeveloped: true
G3:
  text: 'Goal with a placeholder {X}, n times'
  supportedBy: [Sn1, Sn2]
G4:
  text: Public goal, optional
  public: true
  supportedBy: [Sn3, M1]
  choice: {over: [Sn3, M1], label: 1 of 2}
Sn1:
  text: Solution (evidence)
Sn2:
  text: Defeated solution
  defeated: true
Sn3:
  text: Alternative evidence
M1:
  type: ModuleReference
  text: Module reference
  module: Other
CG1:
  text: Counter goal
  challenges: Sn2
";

const LEGEND_OTHER: &str = "\
module:
  name: Other
G9:
  text: Away goal (defined in another module)
  undeveloped: true
";

/// The notation legend, laid out.
pub fn legend() -> Scene {
    let loaded = assure_core::load::load_str(&[
        ("legend.gsn.yaml", LEGEND_MAIN),
        ("other.gsn.yaml", LEGEND_OTHER),
    ]);
    let mut scene = layout(
        &loaded.case,
        &View::Module(ModuleId(0)),
        &LayoutOptions::default(),
    );
    scene.title = "Notation legend".into();
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_loads_cleanly_and_shows_every_kind() {
        let loaded = assure_core::load::load_str(&[
            ("legend.gsn.yaml", LEGEND_MAIN),
            ("other.gsn.yaml", LEGEND_OTHER),
        ]);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let s = assure_render::svg(&legend(), &SvgOptions::default());
        for class in [
            "gsngoal",
            "gsnstgy",
            "gsnsltn",
            "gsnctxt",
            "gsnasmp",
            "gsnjust",
            "gsnawaygoal",
            "gsn_undeveloped",
            "gsndefeated",
            "gsncountergoal",
            "gsn_uninstantiated",
        ] {
            assert!(s.contains(class), "legend lacks {class}");
        }
    }
}
