"""What every window stands in: crash handling, the log, the idle reset, the session,
accessibility, message boxes, shared widgets and layouts, colours, the icon, opening a link.

Imports neither `gui.wizard` nor `gui.roster`.
"""
