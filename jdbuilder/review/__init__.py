"""Word documents a peer reviewer works on: the reviewer copy, with every finding as a comment."""
