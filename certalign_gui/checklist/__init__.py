"""Turns an `Assessment` into what the EMT takes home: HTML, PDF, calendar, QR codes."""
