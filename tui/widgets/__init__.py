"""Widgets of the reading UI, one per module."""
