//! The live-page backend of [`Dom`]: walks the browser's DOM through web-sys. Nodes are indices
//! into an arena that grows as the extraction walks, each `web_sys::Node` read from the page once,
//! so the extension runs exactly the extraction the CLI runs on parsed HTML.

use std::borrow::Cow;
use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::extract::Dom;

/// A node of a [`LiveDom`]: an index into its arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LiveNode(u32);

struct Slot {
    node: Node,
    /// `None` until asked; then the arena index of the first child / next sibling, if any.
    first_child: Option<Option<LiveNode>>,
    next_sibling: Option<Option<LiveNode>>,
}

/// A read-only view of the live document (or of the subtree under one node).
pub struct LiveDom {
    slots: RefCell<Vec<Slot>>,
}

impl LiveDom {
    pub fn new(root: Node) -> Self {
        LiveDom { slots: RefCell::new(vec![Slot { node: root, first_child: None, next_sibling: None }]) }
    }

    /// The page's node behind a handle.
    pub fn node(&self, n: LiveNode) -> Node {
        self.slots.borrow()[n.0 as usize].node.clone()
    }

    fn intern(&self, node: Option<Node>) -> Option<LiveNode> {
        let node = node?;
        let mut slots = self.slots.borrow_mut();
        slots.push(Slot { node, first_child: None, next_sibling: None });
        Some(LiveNode(slots.len() as u32 - 1))
    }

    fn element(&self, n: LiveNode) -> Option<Element> {
        self.slots.borrow()[n.0 as usize].node.dyn_ref::<Element>().cloned()
    }
}

impl Dom for LiveDom {
    type Node = LiveNode;

    fn root(&self) -> LiveNode {
        LiveNode(0)
    }

    fn first_child(&self, n: LiveNode) -> Option<LiveNode> {
        let known = self.slots.borrow()[n.0 as usize].first_child;
        if let Some(known) = known {
            return known;
        }
        let child = self.slots.borrow()[n.0 as usize].node.first_child();
        let id = self.intern(child);
        self.slots.borrow_mut()[n.0 as usize].first_child = Some(id);
        id
    }

    fn next_sibling(&self, n: LiveNode) -> Option<LiveNode> {
        if n.0 == 0 {
            return None; // the root's siblings are outside the view
        }
        let known = self.slots.borrow()[n.0 as usize].next_sibling;
        if let Some(known) = known {
            return known;
        }
        let next = self.slots.borrow()[n.0 as usize].node.next_sibling();
        let id = self.intern(next);
        self.slots.borrow_mut()[n.0 as usize].next_sibling = Some(id);
        id
    }

    fn tag(&self, n: LiveNode) -> Option<Cow<'_, str>> {
        let name = self.element(n)?.local_name();
        Some(Cow::Owned(name.to_ascii_lowercase()))
    }

    fn attr(&self, n: LiveNode, name: &str) -> Option<Cow<'_, str>> {
        self.element(n)?.get_attribute(name).map(Cow::Owned)
    }

    fn text(&self, n: LiveNode) -> Option<Cow<'_, str>> {
        let slots = self.slots.borrow();
        let node = &slots[n.0 as usize].node;
        (node.node_type() == Node::TEXT_NODE).then(|| Cow::Owned(node.node_value().unwrap_or_default()))
    }
}
