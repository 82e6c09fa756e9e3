//! Graph algorithms over the model, iterative so that deep cases cannot
//! overflow the stack: strongly connected components (Tarjan) and a shortest
//! cycle through a node.

use std::collections::VecDeque;

/// Strongly connected components with more than one node, or with a self-loop
/// excluded (self-loops are rule G007). Each component lists its nodes in
/// ascending order; components are sorted by their smallest node.
pub fn cyclic_components(n: usize, succ: &dyn Fn(usize) -> Vec<usize>) -> Vec<Vec<usize>> {
    const UNVISITED: u32 = u32::MAX;
    let mut index = vec![UNVISITED; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut out = Vec::new();
    let mut next = 0u32;
    // call stack: (node, successors, position)
    let mut call: Vec<(usize, Vec<usize>, usize)> = Vec::new();
    for start in 0..n {
        if index[start] != UNVISITED {
            continue;
        }
        index[start] = next;
        low[start] = next;
        next += 1;
        stack.push(start);
        on_stack[start] = true;
        call.push((start, succ(start), 0));
        while let Some((v, ws, pos)) = call.last_mut() {
            let v = *v;
            if *pos < ws.len() {
                let w = ws[*pos];
                *pos += 1;
                if index[w] == UNVISITED {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    let s = succ(w);
                    call.push((w, s, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some((parent, _, _)) = call.last() {
                low[*parent] = low[*parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort_unstable();
                    out.push(comp);
                }
            }
        }
    }
    out.sort();
    out
}

/// A shortest cycle from `start` back to itself using only nodes for which
/// `inside` holds; the path lists `start` first and does not repeat it.
pub fn cycle_through(
    start: usize,
    succ: &dyn Fn(usize) -> Vec<usize>,
    inside: &dyn Fn(usize) -> bool,
) -> Vec<usize> {
    let mut prev: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for w in succ(v) {
            if !inside(w) {
                continue;
            }
            if w == start {
                let mut path = vec![v];
                let mut cur = v;
                while cur != start {
                    cur = prev[&cur];
                    path.push(cur);
                }
                path.reverse();
                path.dedup();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = prev.entry(w) {
                e.insert(v);
                queue.push_back(w);
            }
        }
    }
    vec![start]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cycles_and_ignores_dags() {
        let edges = [vec![1], vec![2], vec![0, 3], vec![], vec![4]];
        let succ = |v: usize| edges[v].clone();
        let comps = cyclic_components(5, &succ);
        assert_eq!(comps, vec![vec![0, 1, 2]]);
        let inside = |v: usize| v < 3;
        assert_eq!(cycle_through(0, &succ, &inside), vec![0, 1, 2]);
    }

    #[test]
    fn deep_chain_does_not_overflow() {
        let n = 200_000;
        let succ = |v: usize| if v + 1 < n { vec![v + 1] } else { vec![0] };
        let comps = cyclic_components(n, &succ);
        assert_eq!(comps.len(), 1);
        assert_eq!(comps[0].len(), n);
    }
}
