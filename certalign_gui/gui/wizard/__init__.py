"""The wizard: its pages, the answer view and its parts, the date field, and the answer's
print, PDF and calendar actions. Never imports `gui.roster`.
"""
