"""Plain helpers every part may use, and which import nothing of the program: finding the
program's resource files, and writing a file safely.
"""
