"""Widgets of the compare view: the bar chart and the comparison table."""
