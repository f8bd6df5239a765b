"""Qt widgets only: the wizard, its pages, and the print/PDF/calendar actions. No rule logic."""
