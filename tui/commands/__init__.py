"""Implementations of the command-line entry points, one module per command."""
