"""The training officer's roster window: the table, one person's answer (the wizard's
answer view), and what the officer takes away (template, summary, checklists, CSV).
"""
