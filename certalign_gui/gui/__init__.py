"""Qt widgets only, in three rooms: `wizard`, `roster`, and the `shell` both stand in.

No rule logic.
"""
