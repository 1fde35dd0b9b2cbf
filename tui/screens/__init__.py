"""Screens of the reading UI, one per module."""
