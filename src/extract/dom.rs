//! The read-only DOM abstraction the extraction walks: just enough to visit element and text
//! nodes in document order and read tags, attributes and text. One backend parses HTML (native),
//! the other reads the live browser DOM (web-sys).

use std::borrow::Cow;

/// A read-only view of a document tree.
///
/// Nodes are small `Copy` handles (an arena index, an `ego_tree::NodeId` …); a live-DOM backend
/// keeps its `web_sys::Node`s in an arena and hands out indices. Strings come back as [`Cow`] so a
/// backend that owns its strings lends them and one that must copy (web-sys) returns them owned.
pub trait Dom {
    type Node: Copy + Eq;

    /// The document node (or the element to start from).
    fn root(&self) -> Self::Node;
    fn first_child(&self, node: Self::Node) -> Option<Self::Node>;
    fn next_sibling(&self, node: Self::Node) -> Option<Self::Node>;
    /// The lowercase element name; `None` for text, comment and document nodes.
    fn tag(&self, node: Self::Node) -> Option<Cow<'_, str>>;
    /// An attribute of an element; `None` when absent or when `node` is not an element.
    fn attr(&self, node: Self::Node, name: &str) -> Option<Cow<'_, str>>;
    /// The data of a text node; `None` for any other node.
    fn text(&self, node: Self::Node) -> Option<Cow<'_, str>>;

    /// The children of `node`, in document order.
    fn children(&self, node: Self::Node) -> Children<'_, Self>
    where
        Self: Sized,
    {
        Children { dom: self, next: self.first_child(node) }
    }
}

/// Iterator over the children of a node (see [`Dom::children`]).
pub struct Children<'a, D: Dom> {
    dom: &'a D,
    next: Option<D::Node>,
}

impl<D: Dom> Iterator for Children<'_, D> {
    type Item = D::Node;

    fn next(&mut self) -> Option<D::Node> {
        let node = self.next?;
        self.next = self.dom.next_sibling(node);
        Some(node)
    }
}
